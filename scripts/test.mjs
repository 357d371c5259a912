#!/usr/bin/env node
// `npm test`: every workspace's tests through turbo, against real PostgreSQL and real Kafka,
// started the same way `npm start` starts them when they are not already running.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DATA, ensureInstalled, ensureKafkaBroker, ensurePostgres, run, say } from './lib/infra.mjs';

const started = Date.now();
const cleanups = [];

async function cleanup() {
  for (const c of cleanups.reverse()) await c().catch((e) => process.stderr.write(`${e.message}\n`));
}

process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});

async function main() {
  await ensureInstalled();
  const pg = await ensurePostgres();
  if (pg.started) cleanups.push(pg.stop);
  const kafka = await ensureKafkaBroker();
  if (kafka.started) cleanups.push(kafka.stop);
  say(`Testing against PostgreSQL ${new URL(pg.url).host} and Kafka ${kafka.brokers}`);

  const results = path.join(DATA, 'test-results');
  rmSync(results, { recursive: true, force: true });
  const extra = process.argv.slice(2);
  const code = await run('npx', ['turbo', 'run', 'test', '--concurrency=2', '--env-mode=loose', '--output-logs=full', ...extra], {
    env: { ...process.env, PG_ADMIN_URL: pg.url, KAFKA_BROKERS: kafka.brokers, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const lines = [];
  try {
    for (const f of readdirSync(results)) {
      const r = JSON.parse(readFileSync(path.join(results, f), 'utf8'));
      passed += r.passed;
      failed += r.failed;
      skipped += r.skipped;
      lines.push(`  ${r.workspace.padEnd(28)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s`);
    }
  } catch {
    // no results: turbo failed before jest ran
  }
  say(`\n${lines.sort().join('\n')}`);
  say(`npm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (code !== 0 && failed === 0) failed = 1; // a build or suite error with no test counted
  say(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  await cleanup();
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
}

main().catch(async (error) => {
  process.stderr.write(`npm test failed: ${error.message}\n`);
  await cleanup();
  process.exit(1);
});
