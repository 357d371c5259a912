import { DataSource, type EntitySchema, type Logger as TypeOrmLogger, type MixedList, type QueryRunner } from 'typeorm';
import type { Logger } from 'pino';

/**
 * Counts SQL statements per DataSource: the N+1 guard in tests and /metrics read it. Background
 * work (outbox relays, consumers) runs on query runners flagged `kinerjaBackground` so it is not
 * counted as the cost of requests.
 */
export class QueryCounter {
  count = 0;
  background = 0;
  reset(): void {
    this.count = 0;
  }
}

/** Background work (outbox relays, consumers) marks its runners with this flag: @kinerja/events' backgroundRunner. */
function isBackground(queryRunner?: QueryRunner): boolean {
  return !!(queryRunner?.data as { kinerjaBackground?: boolean } | undefined)?.kinerjaBackground;
}

class CountingLogger implements TypeOrmLogger {
  constructor(private readonly counter: QueryCounter, private readonly pino: Logger) {}
  logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (isBackground(queryRunner)) {
      this.counter.background += 1;
      return;
    }
    this.counter.count += 1;
    if (this.pino.isLevelEnabled('trace')) this.pino.trace({ sql: query.slice(0, 500) }, 'sql');
  }
  logQueryError(error: string | Error, query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (!isBackground(queryRunner)) this.counter.count += 1;
    this.pino.debug({ err: String(error), sql: query.slice(0, 200) }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ ms: time, sql: query.slice(0, 200) }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.pino.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.pino.warn({ message: String(message) }, 'typeorm');
  }
}

export interface DataSourceOptions {
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  log: Logger;
  poolSize?: number;
  /** Only a throwaway test database may synchronize; services always migrate. */
  applicationName: string;
}

export interface CountedDataSource extends DataSource {
  queryCounter: QueryCounter;
}

export function createDataSource(options: DataSourceOptions): CountedDataSource {
  const counter = new QueryCounter();
  const ds = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: true,
    maxQueryExecutionTime: 1000,
    logger: new CountingLogger(counter, options.log),
    applicationName: options.applicationName,
    extra: { max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 },
  }) as CountedDataSource;
  ds.queryCounter = counter;
  return ds;
}

const MIGRATION_LOCK = 7_320_101; // any constant; one migrator per database at a time

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so two replicas starting together
 * never apply the same migration twice.
 */
export async function migrate(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Maps PostgreSQL constraint violations to a readable cause. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
