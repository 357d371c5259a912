#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only gateway,sql,reward,scale,web]` (bench/results): measures what the
// platform exists for, side by side, in one run, prints ratios and writes bench/results/<timestamp>.json
// and bench/results/summary.md (which states the machine). Timings are never asserted by tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { atRest, rewardRounds } from './lib/reward.mjs';
import { gatewayBench, scaleProbe, settle, sqlBench } from './lib/dashboard.mjs';
import { adminToken } from './lib/graph.mjs';
import { round } from './lib/load.mjs';
import { infrastructure, ROOT, startStack, withClient } from './lib/stack.mjs';
import { writeSummary } from './lib/report.mjs';
import { printSignin, runSigninBench } from './identity.mjs';
import { GATEWAY, IDENTITY, SUBGRAPHS } from '../scripts/lib/catalog.mjs';

const BENCHMARKS = ['gateway', 'sql', 'reward', 'scale', 'signin', 'web'];
const say = (msg) => process.stdout.write(`${msg}\n`);

function parseArgs(argv) {
  const args = { quick: false, only: BENCHMARKS, build: true, freshScale: false, scale: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--only') args.only = (argv[++i] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    else if (a.startsWith('--only=')) args.only = a.slice(7).split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--no-build') args.build = false;
    else if (a === '--fresh-scale') args.freshScale = true;
    else if (a === '--scale') args.scale = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      say(`npm run bench [-- options]
  --quick            shorter runs and a 20,000-employee scale data set (under 5 minutes)
  --only <names>     any of ${BENCHMARKS.join(', ')} (comma-separated)
  --scale <n>        employees for the scale benchmark (default 100000; 20000 with --quick)
  --fresh-scale      drop and reseed the kept scale databases
  --no-build         use the services' dist/ as they are
Environment: BENCH_PORT_BASE (default 4100: subgraphs 4101-4105, gateway 4110, Hive Gateway 4111).`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}; see --help`);
  }
  const unknown = args.only.filter((n) => !BENCHMARKS.includes(n));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}: choose from ${BENCHMARKS.join(', ')}`);
  return args;
}

const args = parseArgs(process.argv.slice(2));
// The web app's budget (bench/web.mjs: first-load JS, home screen on Slow 3G) runs on its own stack.
if (args.only.includes('web')) {
  execFileSync(process.execPath, [path.join(path.dirname(new URL(import.meta.url).pathname), 'web.mjs')], { stdio: 'inherit' });
  args.only = args.only.filter((n) => n !== 'web');
  if (args.only.length === 0) process.exit(0);
}
const settings = args.quick
  ? { concurrencies: [10, 50], seconds: 5, warmup: 2, atRest: 30, burst: 10_000, raw: 10_000, rewardRounds: 3, scale: args.scale ?? 20_000, probeSeconds: 5 }
  : { concurrencies: [1, 10, 50], seconds: 10, warmup: 3, atRest: 100, burst: 10_000, raw: 10_000, rewardRounds: 3, scale: args.scale ?? 100_000, probeSeconds: 10 };
settings.probeConnections = 10;
const BASE_SCALE = 2400;
const portBase = Number(process.env.BENCH_PORT_BASE ?? 4100);

async function machine(infra) {
  const pgVersion = await withClient(infra.postgres.url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
  const kafkaInfra = await import(pathToFileURL(path.join(ROOT, 'infra', 'kafka', 'kafka.mjs')).href);
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: pgVersion.split(' ')[0],
    kafka: `${kafkaInfra.kafkaVersion()} (${infra.kafka.started ? 'started for this run' : 'running broker'} at ${infra.kafka.brokers}), kafkajs 2.2.4`,
    os: `${os.type()} ${os.release()}`,
    loadAtStart: os.loadavg().map((l) => round(l, 2)),
  };
}

async function main() {
  const started = new Date();
  const t0 = performance.now();
  if (args.build) {
    say('Building the services and the gateway (turbo, cached)...');
    execFileSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only',
      ...[GATEWAY, ...SUBGRAPHS, IDENTITY].map((s) => `--filter=${s.package}...`)], { cwd: ROOT, stdio: 'inherit' });
  }
  let signin;
  if (args.only.includes('signin')) {
    say('Sign-in end to end at rest (personnel, identity and the gateway in this process; bench/identity.mjs)...');
    signin = await runSigninBench({ rounds: args.quick ? 10 : 20 });
    printSignin(signin);
    if (args.only.length === 1) {
      const dir = path.join(ROOT, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `signin-${started.toISOString().replace(/[-:]/g, '').slice(0, 15)}.json`);
      writeFileSync(file, `${JSON.stringify({ startedAt: started.toISOString(), node: process.version, cores: os.cpus().length, ...signin }, null, 2)}\n`);
      say(`Written to ${path.relative(ROOT, file)}`);
      return;
    }
  }
  const infra = await infrastructure();
  const cleanups = [];
  if (infra.postgres.started) cleanups.push(infra.postgres.stop);
  if (infra.kafka.started) cleanups.push(infra.kafka.stop);
  const results = signin ? { signin } : {};
  const info = await machine(infra);
  say(`Machine: ${info.cores} cores (${info.cpu}), ${info.memoryGiB} GiB, Node ${info.node}, PostgreSQL ${info.postgres}, Kafka ${info.kafka}; load ${info.loadAtStart.join(' ')}`);
  const runId = started.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const token = await adminToken(BASE_SCALE);
  let stack;
  try {
    const needBase = args.only.some((n) => n !== 'scale') || args.only.includes('scale');
    if (needBase) {
      say(`\nStarting the stack: ${BASE_SCALE.toLocaleString('en')} employees on kinerja_bench_* databases, ports ${portBase + 1}-${portBase + 11}, topics bench.${runId}.*`);
      stack = await startStack({ infra, scale: BASE_SCALE, dbPrefix: 'kinerja_bench', portBase, topicPrefix: `bench.${runId}.`, fresh: true, say });
      const settled = await settle(stack, withClient, say);
      say(`  the ${settled.completed.toLocaleString('en')} seeded evaluations were decided ${settled.seconds.toFixed(1)} s after the stack was up`);
      results.seededBacklog = { events: settled.completed, secondsAfterReady: round(settled.seconds, 1) };

      if (args.only.includes('gateway')) {
        say(`\n1. Unit dashboard (50 employees, five subgraphs): our @apollo/gateway vs Hive Gateway, ${settings.seconds} s per point`);
        results.gateway = await gatewayBench({ stack, token, concurrencies: settings.concurrencies, seconds: settings.seconds, warmup: settings.warmup, say });
      }
      if (args.only.includes('sql')) {
        say('\n2. SQL statements per dashboard request (per subgraph, /metrics)');
        results.sql = await sqlBench({ stack, token, say });
      }
      if (args.only.includes('scale')) {
        say(`\n4a. Scale baseline at ${BASE_SCALE.toLocaleString('en')} employees`);
        results.scaleBase = await scaleProbe({ stack, token, connections: settings.probeConnections, seconds: settings.probeSeconds, warmup: settings.warmup, say, label: `${BASE_SCALE}` });
      }
      if (args.only.includes('reward')) {
        say('\n3. The reward path');
        const rest = await atRest({ stack, token, count: settings.atRest, say });
        const side = await rewardRounds({
          stack, brokers: infra.kafka.brokers, prefix: `bench.${runId}.`, rounds: settings.rewardRounds, burstCount: settings.burst, rawCount: settings.raw, say,
        });
        results.reward = { atRest: rest, ...side };
        say(`  medians of ${settings.rewardRounds} rounds: ${side.burst.median} decisions/s, raw kafkajs ${side.raw.median} msg/s; ratio ${side.ratioToRaw} (rounds ${side.roundRatios.join(', ')}; to the best raw round ${side.ratioToBestRaw})`);
      }
      await stack.stop();
      stack = undefined;
    }
    if (args.only.includes('scale')) {
      const scale = settings.scale;
      const dbPrefix = `kinerja_bench_${scale >= 1000 ? `${Math.round(scale / 1000)}k` : scale}`;
      say(`\n4. Scale: ${scale.toLocaleString('en')} employees on ${dbPrefix}_* (kept between runs; --fresh-scale reseeds)${args.quick ? ' [--quick uses 20,000: seeding and deciding 100,000 takes longer than its 5 minutes]' : ''}`);
      const seedStart = performance.now();
      stack = await startStack({ infra, scale, dbPrefix, portBase, topicPrefix: `bench.scale${scale}.`, fresh: args.freshScale, hive: false, say });
      const settled = await settle(stack, withClient, say);
      const scaleToken = await adminToken(scale);
      const probe = await scaleProbe({ stack, token: scaleToken, connections: settings.probeConnections, seconds: settings.probeSeconds, warmup: settings.warmup, say, label: `${scale}` });
      results.scale = {
        employees: scale,
        seeded: stack.created,
        seedSeconds: stack.created ? stack.seedSeconds : null,
        backlog: { events: settled.completed, decidedWithinSeconds: round(settled.seconds, 1), fresh: stack.created },
        setupSeconds: round((performance.now() - seedStart) / 1000, 1),
        ...probe,
      };
      if (results.scaleBase) {
        results.scale.dashboardP50Ratio = round(probe.dashboard.p50 / results.scaleBase.dashboard.p50, 2);
        results.scale.dashboardRpsRatio = round(probe.dashboard.rps / results.scaleBase.dashboard.rps, 2);
        results.scale.searchP50Ratio = round(probe.search.p50 / results.scaleBase.search.p50, 2);
        say(`  ratio ${scale.toLocaleString('en')} / ${BASE_SCALE.toLocaleString('en')}: dashboard p50 ${results.scale.dashboardP50Ratio}× (req/s ${results.scale.dashboardRpsRatio}×), search p50 ${results.scale.searchP50Ratio}×`);
      }
      await stack.stop();
      stack = undefined;
    }
  } finally {
    await stack?.stop();
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  }
  info.loadAtEnd = os.loadavg().map((l) => round(l, 2));
  const report = { startedAt: started.toISOString(), mode: args.quick ? 'quick' : 'full', only: args.only, minutes: round((performance.now() - t0) / 60_000, 1), machine: info, settings, results };
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${runId}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const summary = writeSummary(report, path.join(dir, 'summary.md'), path.basename(file));
  say(`\n${summary.table}\nWrote ${path.relative(ROOT, file)} and bench/results/summary.md in ${report.minutes} min.`);
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
