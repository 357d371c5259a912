// Benchmark 3: the reward path. At rest (one completeEvaluation at a time through the gateway), a
// burst of completed evaluations written straight into the evaluation database with their outbox
// rows in ONE transaction, and the same broker's raw kafkajs produce-and-consume throughput.
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { graphql } from './graph.mjs';
import { percentile, round } from './load.mjs';
import { requireFromRoot, withClient } from './stack.mjs';
import { cpuAccount } from './cpu.mjs';

// The workspaces' entry points (built), loaded on first use: `npm run bench` builds them after this module loads.
let built;
function kinerja() {
  built ??= {
    ...requireFromRoot('@kinerja/events'),
    ...requireFromRoot('@kinerja/demo-regency'),
    computePredicate: requireFromRoot('@kinerja/evaluation').computePredicate,
  };
  return built;
}

const RATINGS = ['ABOVE_EXPECTATION', 'MEETS_EXPECTATION', 'BELOW_EXPECTATION'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The seed's distribution (DOMAIN.md, "Distribution"): about 12% SANGAT_BAIK, 68% BAIK,
// 12% BUTUH_PERBAIKAN, 6% KURANG, 2% SANGAT_KURANG; deterministic per index.
const PAIRS = [['ABOVE_EXPECTATION', 'ABOVE_EXPECTATION', 12], ['ABOVE_EXPECTATION', 'MEETS_EXPECTATION', 10], ['MEETS_EXPECTATION', 'MEETS_EXPECTATION', 48],
  ['MEETS_EXPECTATION', 'ABOVE_EXPECTATION', 10], ['BELOW_EXPECTATION', 'MEETS_EXPECTATION', 9], ['BELOW_EXPECTATION', 'ABOVE_EXPECTATION', 3],
  ['MEETS_EXPECTATION', 'BELOW_EXPECTATION', 4], ['ABOVE_EXPECTATION', 'BELOW_EXPECTATION', 2], ['BELOW_EXPECTATION', 'BELOW_EXPECTATION', 2]];
function ratingPair(i) {
  let x = (i * 37) % 100;
  for (const [r, b, w] of PAIRS) {
    if (x < w) return [r, b];
    x -= w;
  }
  return ['MEETS_EXPECTATION', 'MEETS_EXPECTATION'];
}

function evaluable(scale) {
  const regency = kinerja().generateRegency({ employees: scale });
  return regency.employees.filter((e) => e.status === 'ACTIVE' && e.supervisorId);
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? NaN) };
}

/** completeEvaluation returning → Evaluation.rewardDecision resolving through the gateway, one at a time. */
export async function atRest({ stack, token, count, say }) {
  const people = evaluable(stack.scale).slice(0, count);
  const url = stack.gatewayUrl;
  const cycle = await graphql(url, `mutation($input: EvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }`, {
    input: { name: 'Penilaian Kinerja Tahunan 2032 (bench)', year: 2032, periodType: 'ANNUAL', period: null, opensOn: '2032-01-01', closesOn: '2032-12-31' },
  }, token);
  const observed = [];
  for (const [i, e] of people.entries()) {
    const started = await graphql(url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id version } }`, { e: e.id, c: cycle.openEvaluationCycle.id }, token);
    const id = started.startEvaluation.id;
    const rated = await graphql(url, `mutation($id: ID!, $r: Rating!, $b: Rating!, $v: Int!) { rateEvaluation(id: $id, resultRating: $r, behaviorRating: $b, expectedVersion: $v) { version } }`,
      { id, r: RATINGS[i % 3], b: RATINGS[Math.floor(i / 3) % 3], v: started.startEvaluation.version }, token);
    await graphql(url, `mutation($id: ID!, $v: Int!) { completeEvaluation(id: $id, expectedVersion: $v) { id } }`, { id, v: rated.rateEvaluation.version }, token);
    const t0 = performance.now();
    for (;;) {
      const data = await graphql(url, `query($id: ID!) { evaluation(id: $id) { rewardDecision { id } } }`, { id }, token);
      if (data.evaluation.rewardDecision) break;
      if (performance.now() - t0 > 30_000) throw new Error(`no decision for evaluation ${id} within 30 s`);
      await sleep(5);
    }
    observed.push(performance.now() - t0);
  }
  const result = summary(observed);
  say(`  at rest: ${count} evaluations, completeEvaluation → rewardDecision through the gateway: p50 ${result.p50} ms p99 ${result.p99} ms max ${result.max} ms`);
  return result;
}

/** The ceiling: the same broker, kafkajs producing N messages of the event's size and a group consuming them. */
export async function rawKafka({ brokers, prefix, count, partitions = 6, batch = 100, say }) {
  const { createKafka, logLevel } = kinerja();
  const kafka = createKafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.NOTHING });
  const topic = `${prefix}bench.raw.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions }] });
  const people = evaluable(2400);
  const value = JSON.stringify({ eventId: randomUUID(), type: 'evaluation.completed', version: 1, occurredAt: new Date().toISOString(), producer: 'evaluation', data: { evaluationId: randomUUID(), employeeId: people[0].id, nip: people[0].nip, unitId: people[0].unitId, evaluatorId: people[0].supervisorId, cycle: { id: randomUUID(), year: 2027, periodType: 'ANNUAL', period: null }, resultRating: 'MEETS_EXPECTATION', behaviorRating: 'MEETS_EXPECTATION', predicate: 'BAIK', completedAt: new Date().toISOString() } });
  const consumer = kafka.consumer({ groupId: `${topic}.group`, maxWaitTimeInMs: 100 });
  let consumed = 0;
  let resolveAll;
  const all = new Promise((r) => { resolveAll = r; });
  let joined;
  const ready = new Promise((r) => { joined = r; });
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: partitions,
    eachBatch: async ({ batch: b }) => {
      consumed += b.messages.length;
      if (consumed >= count) resolveAll();
    },
  });
  await ready;
  // The relay's producer settings: idempotent, one request in flight, acks from all replicas, batches of `batch`.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const cpu = cpuAccount();
  const t0 = performance.now();
  for (let i = 0; i < count; i += batch) {
    const messages = [];
    for (let j = i; j < Math.min(count, i + batch); j++) messages.push({ key: people[j % people.length].id, value, headers: { eventId: randomUUID(), type: 'evaluation.completed' } });
    await producer.send({ topic, acks: -1, messages });
  }
  const produced = (performance.now() - t0) / 1000;
  await Promise.race([all, sleep(120_000)]);
  const seconds = (performance.now() - t0) / 1000;
  const cpuUse = cpu.stop();
  await producer.disconnect();
  await consumer.disconnect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  const result = { messages: count, consumed, seconds: round(seconds, 2), producedIn: round(produced, 2), perSecond: Math.round(consumed / seconds), messageBytes: value.length, batch, partitions, cpu: cpuUse };
  say(`  raw kafkajs: ${count} messages of ${value.length} B produced (batches of ${batch}, acks=-1) and consumed in ${result.seconds} s: ${result.perSecond} msg/s`);
  return result;
}

/**
 * The burst: `count` completed annual evaluations (cycles firstYear, firstYear + 1, ... so each
 * employee's events keep their order; each round of the benchmark has its own years) and their evaluation.completed outbox rows, committed in one transaction as
 * completeEvaluation writes them; then the relay publishes and recognition decides. Polls
 * recognition's database to time when each decision became visible.
 */
export async function burst({ stack, count, say, pollMs = 20, firstYear = 2040 }) {
  const people = evaluable(stack.scale);
  const years = Math.ceil(count / people.length);
  const { EVENTS, stableUuid, computePredicate } = kinerja();
  const cycles = Array.from({ length: years }, (_, i) => ({ id: stableUuid(`bench-cycle:${firstYear + i}:${randomUUID()}`), year: firstYear + i }));
  const spec = EVENTS['evaluation.completed'];
  const rows = [];
  const completedAt = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const cycle = cycles[Math.floor(i / people.length)];
    const e = people[i % people.length];
    const [result, behavior] = ratingPair(i);
    const id = randomUUID();
    const eventId = randomUUID();
    const data = spec.data.parse({
      evaluationId: id, employeeId: e.id, nip: e.nip, unitId: e.unitId, evaluatorId: e.supervisorId,
      cycle: { id: cycle.id, year: cycle.year, periodType: 'ANNUAL', period: null },
      resultRating: result, behaviorRating: behavior, predicate: computePredicate(result, behavior), completedAt,
    });
    rows.push({ id, cycleId: cycle.id, e, result, behavior, predicate: data.predicate, eventId,
      envelope: JSON.stringify({ eventId, type: 'evaluation.completed', version: spec.version, occurredAt: completedAt, producer: spec.producer, data }),
      headers: JSON.stringify({ eventId, type: 'evaluation.completed' }) });
  }

  const cycleIds = cycles.map((c) => c.id);
  let cpu = null;
  const t0 = await withClient(stack.dbUrls.evaluation, async (c) => {
    await c.query('BEGIN');
    for (const cycle of cycles) {
      await c.query(`INSERT INTO evaluation_cycle (id, name, year, period_type, period, status, opens_on, closes_on) VALUES ($1, $2, $3, 'ANNUAL', NULL, 'OPEN', $4, $5)`,
        [cycle.id, `Penilaian Kinerja Tahunan ${cycle.year} (bench burst)`, cycle.year, `${cycle.year}-01-01`, `${cycle.year}-12-31`]);
    }
    await c.query(`
      INSERT INTO evaluation (id, cycle_id, employee_id, employee_nip, unit_id, evaluator_id, status, result_rating, behavior_rating, predicate, rated_by, completed_at, completed_by, version)
      SELECT u.id, u.cycle_id, u.employee_id, u.nip, u.unit_id, u.evaluator_id, 'COMPLETED', u.result, u.behavior, u.predicate, u.evaluator_id, $10::timestamptz, u.evaluator_id, 3
        FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[])
          AS u(id, cycle_id, employee_id, nip, unit_id, evaluator_id, result, behavior, predicate)`,
    [rows.map((r) => r.id), rows.map((r) => r.cycleId), rows.map((r) => r.e.id), rows.map((r) => r.e.nip), rows.map((r) => r.e.unitId), rows.map((r) => r.e.supervisorId),
      rows.map((r) => r.result), rows.map((r) => r.behavior), rows.map((r) => r.predicate), completedAt]);
    await c.query(`
      INSERT INTO outbox (event_id, topic, aggregate_id, type, envelope, headers)
      SELECT e.event_id, $2, e.key, 'evaluation.completed', e.envelope, e.headers
        FROM unnest($1::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS e(event_id, key, envelope, headers, n) ORDER BY e.n`,
    [rows.map((r) => r.eventId), spec.topic, rows.map((r) => r.e.id), rows.map((r) => r.envelope), rows.map((r) => r.headers)]);
    await c.query('NOTIFY kinerja_outbox');
    await c.query('COMMIT');
    cpu = cpuAccount();
    return performance.now();
  });

  // Poll both ends: the relay's progress (outbox rows sent) and the decisions visible in recognition.
  const visible = [];
  let relayDoneAt = null;
  let firstAt = null;
  let last = 0;
  const evalClient = new (requireFromRoot('pg').Client)({ connectionString: stack.dbUrls.evaluation });
  const recClient = new (requireFromRoot('pg').Client)({ connectionString: stack.dbUrls.recognition });
  await evalClient.connect();
  await recClient.connect();
  let lastSay = performance.now();
  try {
    while (last < count) {
      const now = performance.now();
      if (now - t0 > 900_000) throw new Error(`only ${last} of ${count} decisions within 900 s`);
      // The round's own years (indexed), not its cycle ids: polling must not cost the database a scan of
      // every earlier round's decisions, which it would charge to recognition.
      const n = Number((await recClient.query('SELECT count(*) AS n FROM reward_decision WHERE year BETWEEN $1 AND $2', [cycles[0].year, cycles.at(-1).year])).rows[0].n);
      const at = performance.now();
      if (n > last) {
        firstAt ??= at;
        for (let i = last; i < n; i++) visible.push(at - t0);
        last = n;
      }
      if (relayDoneAt === null) {
        const pending = Number((await evalClient.query('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL')).rows[0].n);
        if (pending === 0) relayDoneAt = performance.now();
      }
      if (at - lastSay > 5000) {
        say(`  burst: ${last}/${count} decided after ${((at - t0) / 1000).toFixed(1)} s`);
        lastSay = at;
      }
      await sleep(pollMs);
    }
  } finally {
    await evalClient.end().catch(() => undefined);
  }
  const doneAt = performance.now();
  const cpuUse = cpu.stop();
  // The service's own clock: decided_at − completed_at (decided_at is its transaction's start).
  const inside = (await recClient.query(`SELECT extract(epoch FROM decided_at - completed_at) * 1000 AS ms FROM reward_decision WHERE cycle_id = ANY($1::uuid[])`, [cycleIds])).rows.map((r) => Number(r.ms));
  await recClient.end().catch(() => undefined);
  const seconds = (doneAt - t0) / 1000;
  const result = {
    evaluations: count,
    cycles: years,
    seconds: round(seconds, 2),
    decisionsPerSecond: Math.round(count / seconds),
    consumerDecisionsPerSecond: Math.round(count / ((doneAt - firstAt) / 1000)),
    relayPublishedIn: relayDoneAt ? round((relayDoneAt - t0) / 1000, 2) : null,
    latency: summary(visible),
    latencyInDatabase: summary(inside),
    pollMs,
    cpu: cpuUse,
  };
  say(`  burst CPU: ${cpuUse.cpuSeconds} s of ${Math.round(cpuUse.wallSeconds * cpus().length * 100) / 100} core-seconds: ${cpuUse.groups.slice(0, 8).map((g) => `${g.name} ${g.cpuSeconds}`).join(', ')}`);
  say(`  burst (${cycles[0].year}–${cycles.at(-1).year}): ${count} evaluations decided in ${result.seconds} s: ${result.decisionsPerSecond} decisions/s end to end (${result.consumerDecisionsPerSecond}/s from the first decision; relay published all in ${result.relayPublishedIn} s); completion → decision visible p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms`);
  return result;
}

/** The middle value of an odd number of rounds (the lower middle of an even number). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Raw Kafka and the reward burst side by side: `rounds` rounds, each a raw produce-and-consume run
 * then a burst, so drift on the shared machine touches both alike. One round of each, unreported,
 * warms the JIT, the broker's page cache and the consumer group first. The ratio is of the medians.
 */
export async function rewardRounds({ stack, brokers, prefix, rounds, burstCount, rawCount, say }) {
  say(`  warm-up: raw kafkajs ${rawCount.toLocaleString('en')} and a burst of 2,000 (not reported)`);
  await rawKafka({ brokers, prefix, count: rawCount, say: () => undefined });
  await burst({ stack, count: 2000, say: () => undefined, firstYear: 2100 });
  const raw = [];
  const bursts = [];
  for (let r = 0; r < rounds; r++) {
    say(`  round ${r + 1} of ${rounds}`);
    raw.push(await rawKafka({ brokers, prefix, count: rawCount, say }));
    bursts.push(await burst({ stack, count: burstCount, say, firstYear: 2040 + 10 * r }));
  }
  const rawMedian = median(raw.map((x) => x.perSecond));
  const burstMedian = median(bursts.map((x) => x.decisionsPerSecond));
  const ratios = bursts.map((b, i) => round(b.decisionsPerSecond / raw[i].perSecond, 2));
  return {
    raw: { ...raw.find((x) => x.perSecond === rawMedian), rounds: raw.map((x) => x.perSecond), median: rawMedian, best: Math.max(...raw.map((x) => x.perSecond)) },
    burst: { ...bursts.find((x) => x.decisionsPerSecond === burstMedian), rounds: bursts.map((x) => x.decisionsPerSecond), median: burstMedian },
    ratioToRaw: round(burstMedian / rawMedian, 2),
    roundRatios: ratios,
    ratioToBestRaw: round(burstMedian / Math.max(...raw.map((x) => x.perSecond)), 2),
  };
}
