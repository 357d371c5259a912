import { createKafka, validateEnvelope } from '@kinerja/events';
import { KAFKA_BROKERS, startGraph, type TestGraph } from '@kinerja/testing';
import { personnelService } from '../src';
import { ADMIN_ID, createUnit, register } from './helpers';

describe('kinerja.employee.changed.v1', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startGraph([personnelService], 'employee-changed');
  });
  afterAll(() => graph?.stop());

  it('publishes REGISTERED and TRANSFERRED, keyed by employee id, through the outbox', async () => {
    const admin = await graph.token(ADMIN_ID, ['ADMIN']);
    const a = await createUnit(graph.url, admin, 'DISKOMINFO', 'Dinas Kominfo', 'DINAS');
    const b = await createUnit(graph.url, admin, 'DISHUB', 'Dinas Perhubungan', 'DINAS');
    const person = await register(graph.url, admin, { name: 'Fikri Ramadhan', unitId: a, sequence: 5 });
    const r = await fetch(graph.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: `mutation($id: ID!, $u: ID!) { transferEmployee(id: $id, unitId: $u) { id } }`, variables: { id: person.id, u: b } }),
    });
    expect(r.status).toBe(200);

    const kafka = createKafka({ brokers: KAFKA_BROKERS, clientId: 'personnel-test' });
    const topic = `${graph.topicPrefix}kinerja.employee.changed.v1`;
    // KRaft refuses a subscription to a topic that does not exist yet (the relay may not have published).
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    await kafkaAdmin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 6 }] }).catch(() => false);
    await kafkaAdmin.disconnect();
    const consumer = kafka.consumer({ groupId: `${graph.topicPrefix}reader`, maxWaitTimeInMs: 250 });
    const seen: Array<{ key: string; value: unknown; headers: Record<string, string> }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({
          key: message.key?.toString() ?? '',
          value: JSON.parse(message.value?.toString() ?? 'null'),
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        });
      },
    });
    const deadline = Date.now() + 20_000;
    while (seen.length < 2 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    await consumer.disconnect();

    expect(seen.map((s) => (s.value as any).data.change)).toEqual(['REGISTERED', 'TRANSFERRED']);
    for (const s of seen) {
      expect(s.key).toBe(person.id);
      const check = validateEnvelope('employee.changed', s.value);
      expect(check.ok).toBe(true);
      expect(s.headers.eventId).toBe((s.value as any).eventId);
      expect(s.headers.type).toBe('employee.changed');
    }
    expect((seen[1]!.value as any).data.unitId).toBe(b);
  });
});
