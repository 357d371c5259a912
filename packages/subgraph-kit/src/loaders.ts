import DataLoader from 'dataloader';
import type { DataSource, EntityTarget } from 'typeorm';
import { isUuid } from './ids';

/**
 * Per-request DataLoaders, created lazily by name: every `__resolveReference` and list field
 * batches its keys into one query per request instead of one per row.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<Array<V | Error>>, options?: DataLoader.Options<K, V, string>): DataLoader<K, V, string> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V, string>(batch, { maxBatchSize: 1000, ...options }) as unknown as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as unknown as DataLoader<K, V, string>;
  }
}

/** Orders rows found by key to the order of the requested keys (null where absent). */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): Array<V | null> {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows by key, in key order (an empty list where none). */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

export interface RowsByIdOptions<T> {
  /**
   * Which per-request cache: 'subjects' (the default) holds the rows guards decide on, read before
   * a write; 'answers' the rows resolvers answer with, apart, so a mutation's response never comes
   * from a row a guard cached before the write.
   */
  cache?: 'subjects' | 'answers';
  /**
   * The statement for the well-formed, distinct ids, where `id = ANY(...)` on the entity is not
   * all (a join that primes another loader). One per entity and cache: the first caller's is kept.
   */
  fetch?: (ids: string[]) => Promise<T[]>;
}

/**
 * Rows of one entity by id, batched per request into one `id = ANY(...)` statement; a malformed id
 * is simply not found (never sent to SQL). Guards read their subjects through it: a row it caches
 * is the row before this request's writes, so a mutation answers from the rows it wrote, not from
 * here (resolvers read `cache: 'answers'`).
 */
export function rowsById<T extends { id: string }>(
  ctx: { loaders: Loaders; dataSource: DataSource }, entity: EntityTarget<T>, options: RowsByIdOptions<T> = {},
): DataLoader<string, T | null, string> {
  const name = typeof entity === 'function' ? entity.name : String(entity);
  const cache = options.cache === 'answers' ? 'answersById' : 'rowsById';
  const fetch = options.fetch ?? ((ids: string[]) => ctx.dataSource.getRepository(entity)
    .createQueryBuilder('row').where('row.id = ANY(:ids)', { ids }).getMany());
  return ctx.loaders.get<string, T | null>(`${cache}.${name}`, async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length === 0 ? [] : await fetch(valid);
    return byKey(ids, rows, (r) => r.id);
  });
}

/** One row by id through rowsById, or null (unknown or malformed id). */
export function loadById<T extends { id: string }>(
  ctx: { loaders: Loaders; dataSource: DataSource }, entity: EntityTarget<T>, id: unknown, options?: RowsByIdOptions<T>,
): Promise<T | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return rowsById(ctx, entity, options).load(id);
}
