#!/usr/bin/env node
// A real, single-node Apache Kafka broker (KRaft) for machines without Docker.
//
//   node infra/kafka/kafka.mjs start|stop|status|topics|fetch
//
// Uses only node: builtins so it runs before `npm install`; only `topics` / createTopics() load
// kafkajs (from the repo root's node_modules). Jars come from Maven Central through ./pom.xml and
// live, with the broker's data, config and logs, in <repo>/.data/kafka/ (git-ignored).
// See ./README.md.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(HERE, '..', '..');
const HOST = '127.0.0.1';
const READY_LINE = 'Kafka Server started';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export class KafkaInfraError extends Error {
  constructor(message, details = []) {
    // The first line is the clear one-line cause; details (e.g. the broker log's tail) follow, indented.
    super(details.length ? `${message}\n${details.map((l) => `  ${l}`).join('\n')}` : message);
    this.name = 'KafkaInfraError';
    this.details = details;
  }
}

function ports() {
  const port = Number(process.env.KAFKA_PORT || 9092);
  const controllerPort = Number(process.env.KAFKA_CONTROLLER_PORT || 9093);
  for (const [name, p] of [['KAFKA_PORT', port], ['KAFKA_CONTROLLER_PORT', controllerPort]]) {
    if (!Number.isInteger(p) || p <= 0 || p > 65535) throw new KafkaInfraError(`${name} is not a valid port: ${p}`);
  }
  return { port, controllerPort };
}

export function kafkaPaths(root = DEFAULT_ROOT) {
  const dir = path.join(root, '.data', 'kafka');
  return {
    root,
    pom: path.join(HERE, 'pom.xml'),
    topicsFile: path.join(HERE, 'topics.json'),
    dir,
    libs: path.join(dir, 'libs'),
    libsMarker: path.join(dir, 'libs', '.fetched'),
    data: path.join(dir, 'data'),
    logs: path.join(dir, 'logs'),
    logFile: path.join(dir, 'logs', 'server.log'),
    serverProperties: path.join(dir, 'server.properties'),
    log4j: path.join(dir, 'log4j2.properties'),
    clusterIdFile: path.join(dir, 'cluster-id'),
    pidFile: path.join(dir, 'broker.pid'),
    lockFile: path.join(dir, 'start.lock'),
  };
}

const noop = () => {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function kafkaVersion() {
  const pom = fs.readFileSync(path.join(HERE, 'pom.xml'), 'utf8');
  return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Tools: java, mvn
// ---------------------------------------------------------------------------------------------

function checkJava() {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error) {
    throw new KafkaInfraError(
      r.error.code === 'ENOENT'
        ? 'java not found on PATH: install a JDK 17+ (Kafka 4.x brokers need Java 17), or set KAFKA_BROKERS to use another broker'
        : `cannot run java: ${r.error.message}`,
    );
  }
  const out = `${r.stderr}${r.stdout}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (Number.isFinite(major) && major < 17 && kafkaVersion().startsWith('4.')) {
    throw new KafkaInfraError(`java ${major} found, but Kafka ${kafkaVersion()} needs Java 17+`);
  }
}

function checkMvn() {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (r.error) {
    throw new KafkaInfraError(
      r.error.code === 'ENOENT'
        ? 'mvn not found on PATH: install Apache Maven to fetch the Kafka jars'
        : `cannot run mvn: ${r.error.message}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Jars
// ---------------------------------------------------------------------------------------------

function pomHash(p) {
  return createHash('sha256').update(fs.readFileSync(p.pom)).digest('hex');
}

export function jarsPresent(root = DEFAULT_ROOT) {
  const p = kafkaPaths(root);
  try {
    return fs.readFileSync(p.libsMarker, 'utf8').trim() === pomHash(p);
  } catch {
    return false;
  }
}

/** Copies the broker's runtime jars from Maven Central into .data/kafka/libs (when missing or the pom changed). */
export async function fetchJars({ root = DEFAULT_ROOT, log = noop, force = false } = {}) {
  const p = kafkaPaths(root);
  if (!force && jarsPresent(root)) return { libs: p.libs, fetched: false };
  checkMvn();
  fs.mkdirSync(p.dir, { recursive: true });
  const tmp = `${p.libs}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  log(`fetching Kafka ${kafkaVersion()} jars with Maven into ${path.relative(root, p.libs)} ...`);
  const t0 = Date.now();
  const r = spawnSync(
    'mvn',
    ['-q', '-B', '-f', p.pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${tmp}`],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.error || r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-20);
    throw new KafkaInfraError(`mvn dependency:copy-dependencies failed (exit ${r.status ?? r.error?.message})`, out);
  }
  const jars = fs.readdirSync(tmp).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => /^kafka_2\.13-.*\.jar$/.test(f))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new KafkaInfraError('mvn finished but no kafka_2.13 jar was copied');
  }
  fs.writeFileSync(path.join(tmp, '.fetched'), `${pomHash(p)}\n`);
  fs.rmSync(p.libs, { recursive: true, force: true });
  fs.renameSync(tmp, p.libs);
  const bytes = jars.reduce((n, f) => n + fs.statSync(path.join(p.libs, f)).size, 0);
  log(`fetched ${jars.length} jars (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { libs: p.libs, fetched: true, jars: jars.length, bytes };
}

// ---------------------------------------------------------------------------------------------
// Config and storage
// ---------------------------------------------------------------------------------------------

export function serverProperties({ dataDir, port, controllerPort }) {
  return `# Generated by infra/kafka/kafka.mjs on every start; edit the script, not this file.
# Single-node KRaft: this process is both broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${controllerPort}
listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}
advertised.listeners=PLAINTEXT://${HOST}:${port}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${dataDir}

# One machine: replication 1 everywhere; a 1-partition offsets topic appears fast.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
# Consumers join at once (default 3000 ms makes every test's first join slow).
group.initial.rebalance.delay.ms=0

# Domain topics are created from infra/kafka/topics.json (node infra/kafka/kafka.mjs topics);
# auto-creation stays on so tests can use uniquely prefixed topics without ceremony.
num.partitions=6
auto.create.topics.enable=true
delete.topic.enable=true

log.retention.hours=720
log.segment.bytes=67108864
log.retention.check.interval.ms=300000
num.network.threads=3
num.io.threads=8
num.recovery.threads.per.data.dir=1
`;
}

export function log4jProperties() {
  return `# Generated by infra/kafka/kafka.mjs. Everything goes to stdout, which the script sends to
# .data/kafka/logs/server.log. INFO overall, WARN for the chatty loggers.
status = warn
name = kinerja-kafka
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.target = SYSTEM_OUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
${[
  'kafka.request.logger',
  'kafka.network',
  'state.change.logger',
  'kafka.controller',
  'kafka.log',
  'kafka.cluster',
  'kafka.server.metadata',
  'kafka.server.ReplicaFetcherManager',
  'kafka.server.ReplicaAlterLogDirsManager',
  'kafka.zk',
  'org.apache.kafka.controller',
  'org.apache.kafka.raft',
  'org.apache.kafka.metadata',
  'org.apache.kafka.image',
  'org.apache.kafka.storage',
  'org.apache.kafka.snapshot',
  'org.apache.kafka.queue',
  'org.apache.kafka.common.config',
  'org.apache.kafka.common.utils.AppInfoParser',
  'org.apache.kafka.common.metrics',
  'org.apache.kafka.clients',
  'org.apache.kafka.server',
]
  .map((name, i) => `logger.q${i}.name = ${name}\nlogger.q${i}.level = WARN`)
  .join('\n')}
`;
}

function writeConfig(p) {
  const { port, controllerPort } = ports();
  fs.mkdirSync(p.data, { recursive: true });
  fs.mkdirSync(p.logs, { recursive: true });
  fs.writeFileSync(p.serverProperties, serverProperties({ dataDir: p.data, port, controllerPort }));
  fs.writeFileSync(p.log4j, log4jProperties());
  return { port, controllerPort };
}

function javaTool(p, args) {
  const r = spawnSync(
    'java',
    [`-Dlog4j2.configurationFile=${p.log4j}`, `-Dkafka.logs.dir=${p.logs}`, '-cp', `${p.libs}${path.sep}*`, ...args],
    { encoding: 'utf8', cwd: p.dir },
  );
  if (r.error || r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-20);
    throw new KafkaInfraError(`java ${args.slice(0, 3).join(' ')} failed (exit ${r.status ?? r.error?.message})`, out);
  }
  return r.stdout;
}

function clusterId(p) {
  try {
    const id = fs.readFileSync(p.clusterIdFile, 'utf8').trim();
    if (id) return id;
  } catch {
    /* first run */
  }
  // A formatted data dir whose id file was lost keeps its own id.
  try {
    const meta = fs.readFileSync(path.join(p.data, 'meta.properties'), 'utf8');
    const id = /^cluster\.id=(.+)$/m.exec(meta)?.[1]?.trim();
    if (id) {
      fs.writeFileSync(p.clusterIdFile, `${id}\n`);
      return id;
    }
  } catch {
    /* not formatted */
  }
  const id = javaTool(p, ['kafka.tools.StorageTool', 'random-uuid']).trim().split('\n').pop().trim();
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) throw new KafkaInfraError(`StorageTool random-uuid printed an unexpected id: ${id}`);
  fs.writeFileSync(p.clusterIdFile, `${id}\n`);
  return id;
}

function formatStorage(p, log) {
  if (fs.existsSync(path.join(p.data, 'meta.properties'))) return false;
  const id = clusterId(p);
  log(`formatting ${path.relative(p.root, p.data)} (cluster id ${id}) ...`);
  javaTool(p, ['kafka.tools.StorageTool', 'format', '-t', id, '-c', p.serverProperties, '-g']);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Process helpers
// ---------------------------------------------------------------------------------------------

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    const r = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout : '';
  }
}

/** The pid of the broker this script started, when it is still running (else null; a stale pid file is removed). */
export function brokerPid(root = DEFAULT_ROOT) {
  const p = kafkaPaths(root);
  let pid;
  try {
    pid = Number(fs.readFileSync(p.pidFile, 'utf8').trim());
  } catch {
    return null;
  }
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && commandLine(pid).includes('kafka.Kafka')) return pid;
  fs.rmSync(p.pidFile, { force: true });
  return null;
}

export function portOpen(port, host = HOST, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function tail(file, n = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n);
  } catch {
    return [`(no log at ${file})`];
  }
}

function parseHostPort(brokers) {
  const first = String(brokers).split(',')[0].trim();
  const i = first.lastIndexOf(':');
  return i > 0 ? { host: first.slice(0, i), port: Number(first.slice(i + 1)) } : { host: first, port: 9092 };
}

/**
 * Resolves when the broker accepts connections (and, given logFile, has logged 'Kafka Server started').
 * Rejects after timeoutMs, or as soon as `pid` (the broker process) dies.
 */
export async function waitForBroker({ brokers, host, port, logFile, pid, timeoutMs = START_TIMEOUT_MS } = {}) {
  if (brokers && (host === undefined || port === undefined)) ({ host, port } = parseHostPort(brokers));
  host ??= HOST;
  port ??= ports().port;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await portOpen(port, host);
    let logged = !logFile;
    if (open && logFile) {
      try {
        logged = fs.readFileSync(logFile, 'utf8').includes(READY_LINE);
      } catch {
        logged = false;
      }
    }
    if (open && logged) return;
    if (pid && !isAlive(pid)) {
      throw new KafkaInfraError(`the Kafka broker exited during startup; last lines of ${logFile ?? 'its log'}:`, logFile ? tail(logFile) : []);
    }
    if (Date.now() > deadline) {
      throw new KafkaInfraError(
        `Kafka broker on ${host}:${port} not ready after ${Math.round(timeoutMs / 1000)} s` +
          (logFile ? `; last lines of ${logFile}:` : ''),
        logFile ? tail(logFile) : [],
      );
    }
    await sleep(150);
  }
}

// A start lock so two processes calling ensureKafka() at once do not both launch a broker.
async function withStartLock(p, fn) {
  fs.mkdirSync(p.dir, { recursive: true });
  const deadline = Date.now() + START_TIMEOUT_MS + 30_000;
  for (;;) {
    try {
      fs.writeFileSync(p.lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(p.lockFile, 'utf8').trim() || 0);
      if (!holder || !isAlive(holder)) {
        fs.rmSync(p.lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new KafkaInfraError(`another process (pid ${holder}) holds ${p.lockFile}`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(p.lockFile, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Start / stop
// ---------------------------------------------------------------------------------------------

/**
 * Starts the broker detached (it outlives this process), fetching jars and formatting storage first
 * when needed, and waits until it is ready. Returns { brokers, pid, started, ms }.
 */
export async function startBroker({ root = DEFAULT_ROOT, log = noop, timeoutMs = START_TIMEOUT_MS } = {}) {
  const p = kafkaPaths(root);
  const { port } = ports();
  const brokers = `${HOST}:${port}`;
  return withStartLock(p, async () => {
    const running = brokerPid(root);
    if (running) {
      await waitForBroker({ host: HOST, port, pid: running, timeoutMs });
      return { brokers, pid: running, started: false, ms: 0 };
    }
    if (await portOpen(port)) {
      throw new KafkaInfraError(`port ${port} is already in use by a process this script did not start (set KAFKA_PORT or KAFKA_BROKERS)`);
    }
    checkJava();
    await fetchJars({ root, log });
    const { controllerPort } = writeConfig(p);
    if (await portOpen(controllerPort)) {
      throw new KafkaInfraError(`controller port ${controllerPort} is already in use (set KAFKA_CONTROLLER_PORT)`);
    }
    formatStorage(p, log);

    if (fs.existsSync(p.logFile)) fs.renameSync(p.logFile, `${p.logFile}.1`);
    const out = fs.openSync(p.logFile, 'a');
    const heap = (process.env.KAFKA_HEAP_OPTS || '-Xmx512m -Xms512m').split(/\s+/).filter(Boolean);
    const args = [
      ...heap,
      '-server',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-XX:InitiatingHeapOccupancyPercent=35',
      '-XX:+ExplicitGCInvokesConcurrent',
      '-XX:MaxInlineLevel=15',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${p.log4j}`,
      `-Dkafka.logs.dir=${p.logs}`,
      '-cp',
      `${p.libs}${path.sep}*`, // passed literally, no shell: java expands the wildcard
      'kafka.Kafka',
      p.serverProperties,
    ];
    const t0 = Date.now();
    log(`starting Kafka ${kafkaVersion()} on ${brokers} (log: ${path.relative(root, p.logFile)}) ...`);
    const child = spawn('java', args, { cwd: p.dir, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    const spawnError = new Promise((_, reject) => child.once('error', (e) => reject(new KafkaInfraError(`cannot start java: ${e.message}`))));
    spawnError.catch(noop);
    child.unref();
    if (!child.pid) await spawnError;
    fs.writeFileSync(p.pidFile, `${child.pid}\n`);
    try {
      await Promise.race([waitForBroker({ host: HOST, port, logFile: p.logFile, pid: child.pid, timeoutMs }), spawnError]);
    } catch (e) {
      await stopBroker({ root }).catch(noop);
      throw e;
    }
    const ms = Date.now() - t0;
    log(`Kafka ready on ${brokers} in ${(ms / 1000).toFixed(1)} s (pid ${child.pid})`);
    return { brokers, pid: child.pid, started: true, ms };
  });
}

/** SIGTERM (controlled shutdown), up to 15 s, then SIGKILL. Resolves { stopped, pid }. */
export async function stopBroker({ root = DEFAULT_ROOT, log = noop, timeoutMs = STOP_TIMEOUT_MS } = {}) {
  const p = kafkaPaths(root);
  const pid = brokerPid(root);
  if (!pid) return { stopped: false, pid: null };
  log(`stopping Kafka (pid ${pid}) ...`);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    log(`Kafka did not stop within ${Math.round(timeoutMs / 1000)} s; sending SIGKILL`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    const killDeadline = Date.now() + 5000;
    while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
  }
  fs.rmSync(p.pidFile, { force: true });
  return { stopped: true, pid };
}

/**
 * The broker for dev/test scripts: KAFKA_BROKERS when set; else a broker already answering on
 * 127.0.0.1:KAFKA_PORT; else one started here. `stop()` stops only a broker started by this call.
 */
export async function ensureKafka({ root = DEFAULT_ROOT, log = noop } = {}) {
  if (process.env.KAFKA_BROKERS) {
    return { brokers: process.env.KAFKA_BROKERS, started: false, stop: async () => {} };
  }
  const { port } = ports();
  const brokers = `${HOST}:${port}`;
  const pid = brokerPid(root);
  if (pid || (await portOpen(port))) {
    // Ours and still starting: wait for it. Someone else's open port: trust it.
    if (pid) await waitForBroker({ host: HOST, port, pid });
    log(`using the Kafka broker already running on ${brokers}${pid ? ` (pid ${pid})` : ''}`);
    return { brokers, started: false, stop: async () => {} };
  }
  const r = await startBroker({ root, log });
  return {
    brokers: r.brokers,
    started: r.started,
    pid: r.pid,
    stop: r.started ? async () => void (await stopBroker({ root, log })) : async () => {},
  };
}

// ---------------------------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------------------------

/** The topics of infra/kafka/topics.json, with env overrides applied and `prefix` prepended. */
export function topicSpecs({ prefix = '' } = {}) {
  const file = JSON.parse(fs.readFileSync(path.join(HERE, 'topics.json'), 'utf8'));
  const envPartitions = process.env.KAFKA_PARTITIONS ? Number(process.env.KAFKA_PARTITIONS) : undefined;
  const replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR || file.defaults?.replicationFactor || 1);
  return file.topics.map((t) => ({
    topic: `${prefix}${t.name}`,
    numPartitions: envPartitions ?? t.partitions ?? file.defaults?.partitions ?? 6,
    replicationFactor,
    configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value: String(value) })),
  }));
}

function loadKafkajs(root) {
  const req = createRequire(path.join(root, 'package.json'));
  try {
    return req('kafkajs');
  } catch (e) {
    if (e.code === 'MODULE_NOT_FOUND') throw new KafkaInfraError(`kafkajs is not installed under ${root}/node_modules: run npm install first`);
    throw e;
  }
}

/** Creates every topic of topics.json (names prefixed with `prefix`) that does not exist yet. */
export async function createTopics({ brokers, prefix = '', root = DEFAULT_ROOT, log = noop } = {}) {
  brokers ??= process.env.KAFKA_BROKERS || `${HOST}:${ports().port}`;
  const { Kafka, logLevel } = loadKafkajs(root);
  const kafka = new Kafka({
    clientId: 'kinerja-infra-topics',
    brokers: String(brokers).split(',').map((b) => b.trim()).filter(Boolean),
    logLevel: logLevel.NOTHING, // errors surface as exceptions; retriable ones are expected on a fresh broker
    retry: { retries: 8 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const specs = topicSpecs({ prefix });
    const missing = specs.filter((t) => !existing.has(t.topic));
    if (missing.length) await admin.createTopics({ waitForLeaders: true, topics: missing });
    // Warm up the group coordinator: on a fresh broker the first group request creates
    // __consumer_offsets and answers COORDINATOR_LOAD_IN_PROGRESS, which kafkajs's admin does not retry.
    for (let i = 1; ; i++) {
      try {
        await admin.fetchOffsets({ groupId: 'kinerja-infra-warmup', topics: [] });
        break;
      } catch (e) {
        if (!e.retriable || i >= 40) throw e;
        await sleep(250);
      }
    }
    const created = missing.map((t) => t.topic);
    const skipped = specs.filter((t) => existing.has(t.topic)).map((t) => t.topic);
    log(`topics: ${created.length} created, ${skipped.length} already there`);
    return { created, existing: skipped };
  } finally {
    await admin.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

async function status(root) {
  const p = kafkaPaths(root);
  const { port } = ports();
  const pid = brokerPid(root);
  const open = await portOpen(port);
  const lines = [
    `kafka ${kafkaVersion()}: ${pid ? `running (pid ${pid})` : open ? 'not started by this script' : 'stopped'}`,
    `brokers: ${HOST}:${port} (${open ? 'accepting connections' : 'not listening'})`,
    `jars: ${jarsPresent(root) ? p.libs : 'not fetched (node infra/kafka/kafka.mjs fetch)'}`,
    `data: ${fs.existsSync(path.join(p.data, 'meta.properties')) ? p.data : 'not formatted'}`,
    `log: ${p.logFile}`,
  ];
  return { lines, running: Boolean(pid) || open };
}

async function main(argv) {
  const cmd = argv[0];
  const root = DEFAULT_ROOT;
  const log = (m) => console.error(`[kafka] ${m}`);
  switch (cmd) {
    case 'start': {
      const r = await startBroker({ root, log });
      if (!r.started) log(`already running (pid ${r.pid})`);
      console.log(r.brokers);
      return 0;
    }
    case 'stop': {
      const r = await stopBroker({ root, log });
      log(r.stopped ? `stopped (pid ${r.pid})` : 'not running');
      return 0;
    }
    case 'status': {
      const { lines, running } = await status(root);
      console.log(lines.join('\n'));
      return running ? 0 : 3;
    }
    case 'topics': {
      const r = await createTopics({ root, log, prefix: process.env.KAFKA_TOPIC_PREFIX ?? '' });
      for (const t of r.created) console.log(`created ${t}`);
      for (const t of r.existing) console.log(`exists  ${t}`);
      return 0;
    }
    case 'fetch': {
      const r = await fetchJars({ root, log, force: argv.includes('--force') });
      if (!r.fetched) log(`jars already present in ${r.libs} (use --force to fetch again)`);
      return 0;
    }
    default:
      console.error('usage: node infra/kafka/kafka.mjs start|stop|status|topics|fetch [--force]');
      return cmd ? 2 : 0;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      const msg = e instanceof KafkaInfraError ? e.message : `unexpected error: ${e?.stack ?? e}`;
      console.error(`kafka: ${msg}`);
      process.exit(1);
    },
  );
}
