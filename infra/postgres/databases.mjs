// One database per service (ARCHITECTURE.md): no service reads another's tables.
// Used by scripts/start.mjs and scripts/test.mjs; docker-compose runs init.sql instead.
import { IDENTITY, SUBGRAPHS } from '../../scripts/lib/catalog.mjs';

/** The catalog's databases by service (packages/subgraph-kit/src/catalog.json). */
export const SERVICE_DATABASES = Object.fromEntries([...SUBGRAPHS, IDENTITY].map((s) => [s.name, s.database]));

/** The URL of `database` on the server of `serverUrl`. */
export function databaseUrl(serverUrl, database) {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates each service database that does not exist yet (pg from the repo's node_modules). */
export async function ensureDatabases(serverUrl, pg, names = Object.values(SERVICE_DATABASES)) {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    const existing = new Set((await client.query('SELECT datname FROM pg_database')).rows.map((r) => r.datname));
    const created = [];
    for (const name of names) {
      if (!existing.has(name)) {
        await client.query(`CREATE DATABASE "${name}"`);
        created.push(name);
      }
    }
    return created;
  } finally {
    await client.end();
  }
}
