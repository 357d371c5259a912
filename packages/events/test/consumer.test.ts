// The idempotent consumer against real PostgreSQL and the real Kafka broker.
import { createKafka, EVENTS, PermanentEventError, startConsumer, type Producer, type RunningConsumer } from '../src';
import { freshCompleted } from './fixtures/examples';
import { BROKERS, createTopics, deleteTopics, log, outboxDatabase, prefix, readTopic, waitFor, type TestDb } from './helpers';

const TYPE = 'evaluation.completed' as const;

const completed = () => freshCompleted();

describe('idempotent consumer with a dead-letter topic', () => {
  let db: TestDb;
  let producer: Producer;
  let consumer: RunningConsumer | undefined;
  const p = prefix('consumer');
  const topic = `${p}${EVENTS[TYPE].topic}`;
  const groupId = `${p}recognition`;
  const handled: string[] = [];
  let failNext = 0;

  beforeAll(async () => {
    db = await outboxDatabase('consumer');
    await db.dataSource.query('CREATE TABLE decision (evaluation_id uuid PRIMARY KEY, predicate text NOT NULL)');
    await createTopics([topic, `${topic}.dlq`], 1);
    producer = createKafka({ brokers: BROKERS, clientId: 'consumer-test' }).producer();
    await producer.connect();
    consumer = await startConsumer({
      dataSource: db.dataSource, brokers: BROKERS, topicPrefix: p, groupId, type: TYPE, clientId: 'consumer-test', log, maxBackoffMs: 200,
      handle: async (envelope, m) => {
        if (failNext > 0) {
          failNext -= 1;
          throw new Error('database hiccup');
        }
        if (envelope.data.nip === '000000000000000000') throw new PermanentEventError('no such employee');
        await m.query('INSERT INTO decision (evaluation_id, predicate) VALUES ($1, $2)', [envelope.data.evaluationId, envelope.data.predicate]);
        handled.push(envelope.eventId);
      },
    });
    await consumer.ready;
  });

  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await db?.drop();
    await deleteTopics([topic, `${topic}.dlq`]);
  });

  const send = (value: string, key = 'employee') => producer.send({ topic, messages: [{ key, value }] });
  const decisions = async () => (await db.dataSource.query('SELECT count(*)::int AS n FROM decision'))[0].n as number;
  const committed = async () => {
    const admin = createKafka({ brokers: BROKERS, clientId: 'consumer-test-admin' }).admin();
    await admin.connect();
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    return Number(t?.partitions[0]?.offset);
  };

  it('processes an event once, records its id in the handler\'s transaction, and commits the offset after', async () => {
    const event = completed();
    await send(JSON.stringify(event));
    await waitFor(async () => (await decisions()) === 1);
    const [row] = await db.dataSource.query('SELECT consumer, event_id, topic FROM processed_event');
    expect(row).toEqual({ consumer: groupId, event_id: event.eventId, topic });
    await waitFor(async () => (await committed()) === 1);
  });

  it('ignores a redelivered event (same eventId): no second effect, offset still committed', async () => {
    const event = completed();
    await send(JSON.stringify(event));
    await send(JSON.stringify(event));
    await waitFor(async () => (await committed()) === 3);
    expect(handled.filter((id) => id === event.eventId)).toHaveLength(1);
    expect(await decisions()).toBe(2);
    expect(consumer!.stats().duplicates).toBe(1);
  });

  it('sends an unparsable and an invalid message to <topic>.dlq with the reason, and processes the next valid one', async () => {
    await send('{not json', 'k1');
    const invalid = completed();
    (invalid.data as Record<string, unknown>).predicate = 'ISTIMEWA';
    await send(JSON.stringify(invalid), 'k2');
    const next = completed();
    await send(JSON.stringify(next), 'k3');
    await waitFor(async () => (await committed()) === 6);
    expect(handled).toContain(next.eventId);

    const dlq = await readTopic(`${topic}.dlq`, 2, { settleMs: 500 });
    expect(dlq).toHaveLength(2);
    const [parse, validation] = dlq.map((r) => r.headers);
    expect(parse).toMatchObject({ consumer: groupId, 'original-topic': topic, 'original-partition': '0', 'original-offset': '3' });
    expect(parse!.error).toMatch(/^parse: /);
    expect(validation).toMatchObject({ consumer: groupId, 'original-topic': topic, 'original-offset': '4' });
    expect(validation!.error).toMatch(/^data: predicate: /);
    expect(dlq[0]!.message.value!.toString()).toBe('{not json');
    expect(dlq[1]!.message.key!.toString()).toBe('k2');
  });

  it('retries a handler that fails, without committing, until it succeeds; a permanent refusal goes to the DLQ', async () => {
    failNext = 2;
    const event = completed();
    await send(JSON.stringify(event));
    // Wait for the committed state, not for the handler to have run: `handled` is pushed inside the
    // handler's transaction, before it commits, so a loaded machine could look in between.
    const processed = async () => (await db.dataSource.query('SELECT count(*)::int AS n FROM processed_event WHERE event_id = $1', [event.eventId]))[0].n as number;
    await waitFor(async () => (await processed()) === 1);
    await waitFor(async () => (await committed()) === 7);
    expect(consumer!.stats().failures).toBeGreaterThanOrEqual(2);
    expect(handled.filter((id) => id === event.eventId)).toHaveLength(1);

    const refused = completed();
    (refused.data as Record<string, unknown>).nip = '000000000000000000';
    await send(JSON.stringify(refused));
    await waitFor(async () => (await committed()) === 8);
    // The refused event's processed_event row rolled back with its transaction.
    const [r] = await db.dataSource.query('SELECT count(*)::int AS n FROM processed_event WHERE event_id = $1', [refused.eventId]);
    expect(r.n).toBe(0);
    const dlq = await readTopic(`${topic}.dlq`, 3, { settleMs: 300 });
    expect(dlq[2]!.message.headers?.error?.toString()).toBe('handler: no such employee');
  });
});
