// The stack for a benchmark run, started the way scripts/start.mjs does it (its PostgreSQL and Kafka
// helpers, the built services' seed-cli.js and main.js), but on separate databases
// (kinerja_bench_<svc>), separate ports and a topic prefix, so the dev data and a running `npm start`
// are left alone.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SUBGRAPH_NAMES, urlEnv } from '../../scripts/lib/catalog.mjs';
import { DATA, ROOT, ensureKafkaBroker, ensurePostgres, portOpen, requireFromRoot } from '../../scripts/lib/infra.mjs';

export { ROOT, requireFromRoot };
/** The subgraphs of the catalog (packages/subgraph-kit/src/catalog.json), in start order. */
export const SERVICES = SUBGRAPH_NAMES;
export const LOGS = path.join(DATA, 'bench', 'logs');
export const SHARED_SECRET = 'kinerja-dev-gateway-secret';
export const JWT_SECRET = 'kinerja-dev-secret';

const pg = requireFromRoot('pg');

export function databaseUrl(serverUrl, database) {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** PostgreSQL and Kafka as `npm start` finds or starts them. */
export async function infrastructure() {
  const postgres = await ensurePostgres();
  const kafka = await ensureKafkaBroker();
  return { postgres, kafka };
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates (or, with fresh, drops and recreates) the bench databases; returns those created. */
export async function prepareDatabases(serverUrl, names, { fresh }) {
  return withClient(databaseUrl(serverUrl, 'postgres'), async (c) => {
    const existing = new Set((await c.query('SELECT datname FROM pg_database')).rows.map((r) => r.datname));
    const created = [];
    for (const name of names) {
      if (fresh && existing.has(name)) await c.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      if (fresh || !existing.has(name)) {
        await c.query(`CREATE DATABASE "${name}"`);
        created.push(name);
      }
    }
    return created;
  });
}

/** A one-line progress bar on a terminal; every 10% as plain lines otherwise. */
export function progressBar(label) {
  const tty = process.stdout.isTTY;
  let lastStep = -1;
  return {
    update(done, total, what = '') {
      const share = total > 0 ? done / total : 1;
      if (tty) {
        const width = 30;
        const full = Math.round(share * width);
        process.stdout.write(`\r  ${label.padEnd(12)} [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total} ${what}`.padEnd(100));
      } else {
        const step = Math.floor(share * 10);
        if (step !== lastStep) {
          lastStep = step;
          process.stdout.write(`  ${label}: ${Math.round(share * 100)}% ${done}/${total} ${what}\n`);
        }
      }
    },
    done(text = '') {
      if (tty) process.stdout.write(`\r  ${label.padEnd(12)} ${text}`.padEnd(100) + '\n');
      else if (text) process.stdout.write(`  ${label}: ${text}\n`);
    },
  };
}

/** Runs a service's seed-cli.js, turning its "seeded X/Y what" lines into a progress bar. */
export function runSeed(name, env) {
  const script = path.join(ROOT, 'services', name, 'dist', 'seed-cli.js');
  const bar = progressBar(name);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const lines = out.split('\n');
      out = lines.pop();
      for (const line of lines) {
        const m = /seeded (\d+)\/(\d+) ?(.*)$/.exec(line);
        if (m) bar.update(Number(m[1]), Number(m[2]), m[3]);
      }
    });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${name} seed failed (exit ${code}): ${err.trim().split('\n').slice(-5).join('\n')}`));
      bar.done(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve((Date.now() - started) / 1000);
    });
  });
}

async function waitReady(name, url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) while starting; see ${path.relative(ROOT, path.join(LOGS, `${name}.log`))}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s; see ${path.relative(ROOT, path.join(LOGS, `${name}.log`))}`);
}

/** A child process with its output in .data/bench/logs/<name>.log. */
export function spawnProcess(name, script, env) {
  mkdirSync(LOGS, { recursive: true });
  const out = createWriteStream(path.join(LOGS, `${name}.log`), { flags: 'a' });
  // BENCH_CPU_PROF=recognition,gateway: V8 CPU profiles of those processes in .data/bench/profiles.
  const profiled = (process.env.BENCH_CPU_PROF ?? '').split(',').some((p) => p && name.endsWith(`-${p}`));
  const flags = profiled ? ['--cpu-prof', `--cpu-prof-dir=${path.join(DATA, 'bench', 'profiles')}`, `--cpu-prof-name=${name}.${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...flags, script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  return child;
}

export async function stopProcess(child) {
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 12_000).unref();
  });
}

/**
 * Seeds (when the databases are new) and starts the five subgraphs, our gateway and Hive Gateway.
 * ports: subgraphs base+1..base+5, our gateway base+10, Hive Gateway base+11 (no in-flight dedupe) and base+12 (as shipped).
 */
export async function startStack({ infra, scale, dbPrefix, portBase, topicPrefix, fresh, hive = true, logLevel = 'warn', say }) {
  const { postgres, kafka } = infra;
  const ports = Object.fromEntries(SERVICES.map((s, i) => [s, portBase + 1 + i]));
  const gatewayPort = portBase + 10;
  const hivePort = portBase + 11;
  const hiveShippedPort = portBase + 12;
  for (const port of [...Object.values(ports), gatewayPort, hivePort, hiveShippedPort]) {
    if (await portOpen(port)) throw new Error(`port ${port} is in use; set BENCH_PORT_BASE to another base (now ${portBase})`);
  }
  const databases = Object.fromEntries(SERVICES.map((s) => [s, `${dbPrefix}_${s}`]));
  const created = await prepareDatabases(postgres.url, Object.values(databases), { fresh });
  const { createTopics } = await import(pathToFileURL(path.join(ROOT, 'infra', 'kafka', 'kafka.mjs')).href);
  await createTopics({ brokers: kafka.brokers, prefix: topicPrefix, root: ROOT });

  const urls = Object.fromEntries(SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}/graphql`]));
  const dbUrls = Object.fromEntries(SERVICES.map((s) => [s, databaseUrl(postgres.url, databases[s])]));
  const sharedEnv = {
    NODE_ENV: 'development', KAFKA_BROKERS: kafka.brokers, KAFKA_TOPIC_PREFIX: topicPrefix, PERSONNEL_URL: urls.personnel,
    LOG_LEVEL: logLevel, SEED_EMPLOYEES: String(scale), GATEWAY_SHARED_SECRET: SHARED_SECRET, JWT_SECRET,
  };
  const seedSeconds = {};
  if (created.length > 0) say?.(`Seeding ${scale.toLocaleString('en')} employees into ${dbPrefix}_* ...`);
  for (const s of SERVICES) {
    // seed-cli seeds only an empty database: a kept 100k data set is reused.
    seedSeconds[s] = await runSeed(s, { ...sharedEnv, DATABASE_URL: dbUrls[s] });
  }
  if (created.length > 0) {
    // After a bulk load, as an operator would: planner statistics and the visibility map (index-only
    // counts). Autovacuum gets there by itself later; measured before it, plans are seq scans.
    for (const s of SERVICES) await withClient(dbUrls[s], (c) => c.query('VACUUM ANALYZE'));
  }

  const children = {};
  const stop = async () => {
    for (const name of ['hiveShipped', 'hive', 'gateway', ...[...SERVICES].reverse()]) await stopProcess(children[name]);
  };
  try {
    for (const s of SERVICES) {
      children[s] = spawnProcess(`${dbPrefix}-${s}`, path.join(ROOT, 'services', s, 'dist', 'main.js'), {
        ...sharedEnv, PORT: String(ports[s]), HOST: '127.0.0.1', DATABASE_URL: dbUrls[s],
      });
    }
    await Promise.all(SERVICES.map((s) => waitReady(s, `http://127.0.0.1:${ports[s]}/ready`, children[s])));
    const gatewayEnv = {
      ...sharedEnv, HOST: '127.0.0.1', SUPERGRAPH_PATH: path.join(ROOT, 'infra', 'supergraph', 'supergraph.graphql'),
      ...Object.fromEntries(SERVICES.map((s) => [urlEnv(s), urls[s]])),
    };
    children.gateway = spawnProcess(`${dbPrefix}-gateway`, path.join(ROOT, 'services', 'gateway', 'dist', 'main.js'), { ...gatewayEnv, PORT: String(gatewayPort) });
    await waitReady('gateway', `http://127.0.0.1:${gatewayPort}/ready`, children.gateway);
    if (hive) {
      children.hive = spawnProcess(`${dbPrefix}-hive`, path.join(ROOT, 'bench', 'hive-gateway.mjs'), { ...gatewayEnv, PORT: String(hivePort), HIVE_DEDUPLICATE: 'false' });
      children.hiveShipped = spawnProcess(`${dbPrefix}-hive-shipped`, path.join(ROOT, 'bench', 'hive-gateway.mjs'), { ...gatewayEnv, PORT: String(hiveShippedPort), HIVE_DEDUPLICATE: 'true' });
      await waitReady('hive', `http://127.0.0.1:${hivePort}/healthcheck`, children.hive);
      await waitReady('hive (deduplicating)', `http://127.0.0.1:${hiveShippedPort}/healthcheck`, children.hiveShipped);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    scale, ports, urls, dbUrls, children, seedSeconds, created: created.length > 0, topicPrefix,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
    hiveUrl: hive ? `http://127.0.0.1:${hivePort}/graphql` : null,
    hiveShippedUrl: hive ? `http://127.0.0.1:${hiveShippedPort}/graphql` : null,
    metricsUrl: (s) => `http://127.0.0.1:${ports[s]}/metrics`,
    stop,
  };
}

export function readSupergraph() {
  return readFileSync(path.join(ROOT, 'infra', 'supergraph', 'supergraph.graphql'), 'utf8');
}
