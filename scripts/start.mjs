#!/usr/bin/env node
// `npm start`: the whole platform on localhost from a fresh clone (ARCHITECTURE.md, "Running it").
// Install → build → PostgreSQL → Kafka → databases and topics → migrate and seed → five subgraphs
// and the gateway. Ctrl-C stops everything this started; a second start reuses the data.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GATEWAY, IDENTITY, localUrl, SUBGRAPHS as SERVICES, urlEnv } from './lib/catalog.mjs';
import { DATA, ROOT, ensureInstalled, ensureKafkaBroker, ensurePostgres, mustRun, portOpen, requireFromRoot, say } from './lib/infra.mjs';

const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? GATEWAY.port);
// People sign in at the identity service (ARCHITECTURE.md, "Trust and identity"); OIDC_ISSUER points elsewhere to use the regency's IdP.
const IDENTITY_PORT = Number(process.env.IDENTITY_PORT ?? IDENTITY.port);
const IDENTITY_ISSUER = process.env.IDENTITY_ISSUER ?? `http://localhost:${IDENTITY_PORT}`;
// The web app (services/web): its built files and /graphql proxied to the gateway (WEB.md).
const WEB_PORT = Number(process.env.WEB_PORT ?? 3000);
const DEV_PASSWORD = process.env.DEV_PASSWORD ?? 'kinerja-dev-2026';
const DEV_JWT_SECRET = 'kinerja-dev-secret';
const LOGS = path.join(DATA, 'logs');

const started = Date.now();
const cleanups = [];
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('\nStopping...');
  await Promise.all(children.map((c) => new Promise((resolve) => {
    if (c.exitCode !== null) return resolve();
    c.once('exit', resolve);
    c.kill('SIGTERM');
    setTimeout(() => c.kill('SIGKILL'), 12_000).unref();
  })));
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => process.stderr.write(`${e.message}\n`));
  say('Stopped.');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

function tail(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function spawnService(name, script, env) {
  const logFile = path.join(LOGS, `${name}.log`);
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`\n${name} stopped unexpectedly (${signal ?? `exit ${code}`}). Last lines of ${path.relative(ROOT, logFile)}:\n${tail(logFile)}\n`);
    shutdown(1);
  });
  children.push(child);
  return child;
}

async function waitReady(name, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s; see .data/logs/${name}.log`);
}

async function main() {
  await ensureInstalled();
  say('Building...');
  await mustRun('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);

  for (const { name, port } of [...SERVICES, { name: 'gateway', port: GATEWAY_PORT }, { name: 'identity', port: IDENTITY_PORT }, { name: 'web', port: WEB_PORT }]) {
    if (await portOpen(port)) throw new Error(`port ${port} (${name}) is already in use: is another \`npm start\` running?`);
  }

  const pg = await ensurePostgres();
  if (pg.started) cleanups.push(pg.stop);
  say(`PostgreSQL: ${new URL(pg.url).host}${pg.started ? ' (embedded, data in .data/postgres)' : ''}`);
  const { ensureDatabases, databaseUrl } = await import(pathToFileURL(path.join(ROOT, 'infra', 'postgres', 'databases.mjs')).href);
  const created = await ensureDatabases(pg.url, requireFromRoot('pg'));
  if (created.length) say(`Created databases: ${created.join(', ')}`);

  const kafka = await ensureKafkaBroker();
  if (kafka.started) cleanups.push(kafka.stop);
  say(`Kafka: ${kafka.brokers}${kafka.started ? ' (local broker from infra/kafka, data in .data/kafka)' : ''}`);

  mkdirSync(LOGS, { recursive: true });
  const sharedEnv = {
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    KAFKA_BROKERS: kafka.brokers,
    PERSONNEL_URL: localUrl('personnel'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    SEED_EMPLOYEES: process.env.SEED_EMPLOYEES ?? '2400',
  };
  const present = SERVICES.filter((s) => existsSync(path.join(ROOT, 'services', s.name, 'dist', 'main.js')));
  for (const s of present) {
    const seed = path.join(ROOT, 'services', s.name, 'dist', 'seed-cli.js');
    if (!existsSync(seed)) continue;
    await mustRun(process.execPath, [seed], { env: { ...process.env, ...sharedEnv, DATABASE_URL: databaseUrl(pg.url, s.database) } });
  }
  for (const s of present) {
    spawnService(s.name, path.join(ROOT, 'services', s.name, 'dist', 'main.js'), {
      ...sharedEnv, PORT: String(s.port), DATABASE_URL: databaseUrl(pg.url, s.database),
    });
  }
  await Promise.all(present.map((s) => waitReady(s.name, `http://127.0.0.1:${s.port}/ready`)));
  const identity = !process.env.OIDC_ISSUER && existsSync(path.join(ROOT, 'services', 'identity', 'dist', 'main.js'));
  if (identity) {
    spawnService('identity', path.join(ROOT, 'services', 'identity', 'dist', 'main.js'), {
      ...sharedEnv, PORT: String(IDENTITY_PORT), HOST: process.env.HOST ?? '127.0.0.1', ISSUER: IDENTITY_ISSUER,
      DATABASE_URL: databaseUrl(pg.url, IDENTITY.database), ...(sharedEnv.NODE_ENV === 'production' ? {} : { DEV_PASSWORD }),
    });
    await waitReady('identity', `http://127.0.0.1:${IDENTITY_PORT}/ready`);
  }
  spawnService('gateway', path.join(ROOT, 'services', 'gateway', 'dist', 'main.js'), {
    ...sharedEnv, PORT: String(GATEWAY_PORT), HOST: process.env.HOST ?? '127.0.0.1',
    OIDC_ISSUER: process.env.OIDC_ISSUER ?? (identity ? IDENTITY_ISSUER : ''),
    ...Object.fromEntries(present.map((s) => [urlEnv(s.name), `http://127.0.0.1:${s.port}/graphql`])),
  });
  await waitReady('gateway', `http://127.0.0.1:${GATEWAY_PORT}/ready`);
  const web = existsSync(path.join(ROOT, 'services', 'web', 'dist', 'index.html'));
  if (web) {
    spawnService('web', path.join(ROOT, 'services', 'web', 'server', 'serve.mjs'), {
      NODE_ENV: sharedEnv.NODE_ENV, PORT: String(WEB_PORT), HOST: process.env.HOST ?? '127.0.0.1',
      GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
      OIDC_ISSUER: process.env.OIDC_ISSUER ?? IDENTITY_ISSUER, OIDC_CLIENT_ID: process.env.OIDC_CLIENT_ID ?? 'kinerja-web',
    });
    await waitReady('web', `http://127.0.0.1:${WEB_PORT}/ready`);
  }

  const { generateRegency, signInAccounts } = requireFromRoot('@kinerja/demo-regency');
  const regency = generateRegency({ employees: Number(sharedEnv.SEED_EMPLOYEES) });
  const admin = regency.admin;
  const accounts = signInAccounts(regency);
  const { SignJWT } = requireFromRoot('jose');
  const token = await new SignJWT({ roles: ['ADMIN', 'EMPLOYEE'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(admin.id).setIssuer('kinerja').setAudience('kinerja')
    .setIssuedAt().setExpirationTime('12h')
    .sign(new TextEncoder().encode(process.env.JWT_SECRET ?? DEV_JWT_SECRET));

  say(`
Kinerja is up in ${((Date.now() - started) / 1000).toFixed(1)} s (${present.map((s) => `${s.name} :${s.port}`).join(', ')}).
${web ? `
  Web app     http://localhost:${WEB_PORT}   (sign in with an account below; citizens: http://localhost:${WEB_PORT}/umpan-balik/DINKES)` : ''}

  Gateway     http://127.0.0.1:${GATEWAY_PORT}/graphql   (open it in a browser for the sandbox)
  ADMIN token for ${admin.name} (BKPSDMD), valid 12 h:

${token}

  Try:  curl -s http://127.0.0.1:${GATEWAY_PORT}/graphql -H 'content-type: application/json' \\
          -H "authorization: Bearer <token>" \\
          -d '{"query":"{ organizationUnits { code name } employees(first: 5) { totalCount edges { node { nip name unit { name } supervisor { name } } } } }"}'

${identity ? `
  Sign in     ${IDENTITY_ISSUER}   (OpenID Provider; discovery at /.well-known/openid-configuration)
  Development password for every account below: ${DEV_PASSWORD}
${accounts.map((a) => `    ${a.employee.nip}  ${a.employee.name.padEnd(36)} ${a.label}`).join('\n')}
` : `
  Sign in     ${process.env.OIDC_ISSUER ?? '(no identity provider: services/identity is not built)'}
`}
  Logs in .data/logs/. Ctrl-C stops everything this started.`);
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${error.message}\n`);
  shutdown(1);
});
