import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Relays and consumers run beside requests on the service's DataSource. Their query runners carry
 * this flag so the subgraph kit's statement counter (N+1 checks, /metrics) does not count them as
 * the cost of requests (the kit reads the same flag).
 */
export function backgroundRunner(dataSource: DataSource): QueryRunner {
  const runner = dataSource.createQueryRunner();
  runner.data = { ...(runner.data ?? {}), kinerjaBackground: true };
  return runner;
}

/** `dataSource.transaction(fn)` on a background query runner. */
export async function backgroundTransaction<T>(dataSource: DataSource, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  const runner = backgroundRunner(dataSource);
  try {
    return await runner.manager.transaction(fn);
  } finally {
    await runner.release();
  }
}

/** `dataSource.query(sql, params)` on a background query runner. */
export async function backgroundQuery<T = unknown>(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<T> {
  const runner = backgroundRunner(dataSource);
  try {
    return (await runner.query(sql, params)) as T;
  } finally {
    await runner.release();
  }
}
