// evaluation.completed over the outbox when Kafka is unreachable, and with two service replicas.
// The shared broker is never stopped (other suites use it): the service's relay points at a port
// where nothing listens, and "Kafka returns" when a proxy to the real broker opens on that port.
import { generateRegency } from '@kinerja/demo-regency';
import { EVENTS, validateEnvelope } from '@kinerja/events';
import { personnelService, seedPersonnel } from '@kinerja/personnel';
import { closedPort, graphql, graphqlOk, KAFKA_BROKERS, readTopic, startGraph, startProxy, TEST_SHARED_SECRET, testLogger, waitFor, type TestGraph } from '@kinerja/testing';
import { createServer, evaluationService, type RunningEvaluation } from '../src';
import { ADMIN_ID } from './helpers';

describe('evaluation.completed through the outbox', () => {
  let graph: TestGraph;
  let admin: string;
  let cycleId: string;
  let port: number;
  let replica: RunningEvaluation | undefined;
  let proxy: { close(): Promise<void> } | undefined;
  let candidates: string[];
  const topic = () => `${graph.topicPrefix}${EVENTS['evaluation.completed'].topic}`;
  const evaluation = () => graph.services.evaluation as unknown as RunningEvaluation;
  const outbox = () => evaluation().dataSource.query(`SELECT id, envelope->>'eventId' AS "eventId", aggregate_id, sent_at, attempts, last_error FROM outbox ORDER BY id`);

  /** Starts, rates and completes an evaluation through the gateway; returns its id. */
  async function completeOne(employeeId: string): Promise<string> {
    const started = await graphqlOk(graph.url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id version } }`, { e: employeeId, c: cycleId }, { token: admin });
    const id = started.startEvaluation.id;
    await graphqlOk(graph.url, `mutation($id: ID!) { rateEvaluation(id: $id, resultRating: MEETS_EXPECTATION, behaviorRating: ABOVE_EXPECTATION, expectedVersion: 1) { version } }`, { id }, { token: admin });
    const done = await graphql(graph.url, `mutation($id: ID!) { completeEvaluation(id: $id, expectedVersion: 2) { status predicate } }`, { id }, { token: admin });
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeEvaluation).toEqual({ status: 'COMPLETED', predicate: 'BAIK' });
    return id;
  }

  beforeAll(async () => {
    port = await closedPort();
    graph = await startGraph([personnelService, {
      name: 'evaluation',
      start: (o) => evaluationService.start({
        ...o, kafka: { brokers: `127.0.0.1:${port}`, topicPrefix: o.kafka.topicPrefix }, relay: { initialBackoffMs: 100, maxBackoffMs: 500, lockRetryMs: 200 },
      }),
    }], 'evaluation-events');
    const regency = generateRegency({ employees: 120 });
    await seedPersonnel(graph.services.personnel!.dataSource, regency);
    candidates = regency.employees.filter((e) => e.supervisorId && e.status === 'ACTIVE').map((e) => e.id);
    admin = await graph.token(ADMIN_ID, ['ADMIN']);
    const cycle = await graphqlOk(graph.url, `mutation { openEvaluationCycle(input: { name: "Tahunan 2026", year: 2026, periodType: ANNUAL, opensOn: "2026-01-01", closesOn: "2026-12-31" }) { id } }`, {}, { token: admin });
    cycleId = cycle.openEvaluationCycle.id;
  });

  afterAll(async () => {
    await replica?.stop();
    await graph?.stop();
    await proxy?.close();
  });

  it('completes evaluations while Kafka is unreachable; the events wait, then arrive once each when it returns', async () => {
    const ids: string[] = [];
    for (const employee of candidates.slice(0, 6)) ids.push(await completeOne(employee));

    // Pending, retried with backoff, the reason recorded.
    await waitFor(async () => (await outbox()).every((r: { attempts: number }) => r.attempts >= 2));
    const waiting = await outbox();
    expect(waiting).toHaveLength(6);
    expect(waiting.every((r: { sent_at: Date | null; last_error: string | null }) => r.sent_at === null && /ECONNREFUSED|Connection error/.test(r.last_error ?? ''))).toBe(true);
    expect(evaluation().relay!.healthy()).toBe(false);

    proxy = await startProxy(port);
    await waitFor(async () => (await outbox()).every((r: { sent_at: Date | null }) => r.sent_at !== null));
    expect(evaluation().relay!.healthy()).toBe(true);

    const messages = await readTopic(topic(), 6);
    const envelopes = messages.map((m) => JSON.parse(m.message.value!.toString()));
    expect(envelopes).toHaveLength(6);
    expect(envelopes.map((e) => e.data.evaluationId).sort()).toEqual([...ids].sort());
    expect(new Set(envelopes.map((e) => e.eventId)).size).toBe(6);
    expect(envelopes.map((e) => e.eventId).sort()).toEqual(waiting.map((r: { eventId: string }) => r.eventId).sort());
    for (const m of messages) {
      const env = JSON.parse(m.message.value!.toString());
      expect(validateEnvelope('evaluation.completed', env).ok).toBe(true);
      expect(m.message.key!.toString()).toBe(env.data.employeeId);
    }
  });

  it('with two replicas on one database, one relay publishes and each event goes out once', async () => {
    replica = await createServer({
      databaseUrl: graph.databases.evaluation!.url, sharedSecret: TEST_SHARED_SECRET, log: testLogger('evaluation-replica'),
      personnelUrl: graph.services.personnel!.url, kafka: { brokers: KAFKA_BROKERS, topicPrefix: graph.topicPrefix }, relay: { lockRetryMs: 200 },
    });
    const relays = [evaluation().relay!, replica.relay!];
    const before = (await outbox()).length;
    const ids = await Promise.all(candidates.slice(6, 16).map((employee) => completeOne(employee)));
    await Promise.all(relays.map((r) => r.drain()));
    await waitFor(async () => (await outbox()).every((r: { sent_at: Date | null }) => r.sent_at !== null));
    expect(relays.filter((r) => r.status().active)).toHaveLength(1);

    const rows = (await outbox()).slice(before);
    expect(rows).toHaveLength(10);
    expect(rows.every((r: { attempts: number }) => r.attempts === 1)).toBe(true);
    const messages = await readTopic(topic(), 16);
    const eventIds = messages.map((m) => m.message.headers!.eventId!.toString());
    expect(eventIds).toHaveLength(16);
    expect(new Set(eventIds).size).toBe(16);
    const evaluations = messages.map((m) => JSON.parse(m.message.value!.toString()).data.evaluationId);
    expect(evaluations).toEqual(expect.arrayContaining(ids));
  });
});
