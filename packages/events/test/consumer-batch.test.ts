// The consumer's batch path against real PostgreSQL and Kafka: a backlog of one partition is decided
// in a few transactions, keeps offset order, dedupes inside a batch, and falls back to one-by-one
// when a batch's transaction fails (the refused event goes to the DLQ, the others commit).
import { randomUUID } from 'node:crypto';
import { createKafka, EVENTS, PermanentEventError, startConsumer, type Producer, type RunningConsumer } from '../src';
import { freshCompleted } from './fixtures/examples';
import { BROKERS, createTopics, deleteTopics, log, outboxDatabase, prefix, readTopic, waitFor, type TestDb } from './helpers';

const TYPE = 'evaluation.completed' as const;

const completed = (n: number, nip = '198609262015051001') => freshCompleted({ nip, cycle: { id: randomUUID(), year: 2000 + n, periodType: 'ANNUAL', period: null } });

describe('consumer batches', () => {
  let db: TestDb;
  let producer: Producer;
  let consumer: RunningConsumer | undefined;
  const p = prefix('batch');
  const topic = `${p}${EVENTS[TYPE].topic}`;
  const groupId = `${p}recognition`;
  const handled: Array<{ year: number; tx: string }> = [];

  beforeAll(async () => {
    db = await outboxDatabase('batch');
    await db.dataSource.query('CREATE TABLE decision (evaluation_id uuid PRIMARY KEY, year int NOT NULL)');
    await createTopics([topic, `${topic}.dlq`], 1);
    producer = createKafka({ brokers: BROKERS, clientId: 'batch-test' }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await db?.drop();
    await deleteTopics([topic, `${topic}.dlq`]);
  });

  it('decides a backlog in few transactions, in offset order, once per eventId; a refused event alone goes to the DLQ', async () => {
    // 90 events of one key published before the consumer starts: they arrive as one fetch batch.
    const events = Array.from({ length: 90 }, (_, i) => completed(i));
    const refused = completed(95, '000000000000000000'); // at offset 42: its chunk falls back to one by one
    const messages = events.map((e) => ({ key: 'employee', value: JSON.stringify(e) }));
    messages.splice(40, 0, { key: 'employee', value: JSON.stringify(refused) });
    messages.splice(10, 0, { key: 'employee', value: JSON.stringify(events[9]) }); // a redelivery inside the batch
    messages.splice(5, 0, { key: 'employee', value: '{not json' });
    await producer.send({ topic, messages });

    consumer = await startConsumer({
      dataSource: db.dataSource, brokers: BROKERS, topicPrefix: p, groupId, type: TYPE, clientId: 'batch-test', log, maxBackoffMs: 200, maxBatchSize: 40,
      handle: async (envelope, m) => {
        if (envelope.data.nip === '000000000000000000') throw new PermanentEventError('no such employee');
        await m.query('INSERT INTO decision (evaluation_id, year) VALUES ($1, $2)', [envelope.data.evaluationId, envelope.data.cycle.year]);
        const [{ tx }] = await m.query('SELECT txid_current()::text AS tx');
        handled.push({ year: envelope.data.cycle.year, tx });
      },
    });
    await consumer.ready;
    await waitFor(async () => consumer!.stats().processed === 90, { timeoutMs: 60_000 });

    // Each event once, in offset order (the failed batch's events were retried one by one, after it rolled back).
    const committedYears = (await db.dataSource.query('SELECT year FROM decision ORDER BY year')).map((r: { year: number }) => r.year);
    expect(committedYears).toEqual(events.map((_e, i) => 2000 + i));
    const lastTry = new Map<number, number>();
    handled.forEach((h, i) => lastTry.set(h.year, i));
    const order = [...lastTry.entries()].sort((a, b) => a[1] - b[1]).map(([year]) => year);
    expect(order).toEqual(events.map((_e, i) => 2000 + i));
    // 93 messages in chunks of 40: the first (with the in-batch redelivery) in one transaction, the
    // second (with the refused event) one by one, the last 13 in one transaction.
    const committedTx = new Set(handled.filter((h, i) => lastTry.get(h.year) === i).map((h) => h.tx));
    expect(committedTx.size).toBe(1 + 39 + 1);
    expect(consumer.stats()).toMatchObject({ processed: 90, duplicates: 1, deadLettered: 2 });

    const admin = createKafka({ brokers: BROKERS, clientId: 'batch-test-admin' }).admin();
    await admin.connect();
    await waitFor(async () => Number((await admin.fetchOffsets({ groupId, topics: [topic] }))[0]?.partitions[0]?.offset) === 93);
    await admin.disconnect();
    const dlq = await readTopic(`${topic}.dlq`, 2, { settleMs: 300 });
    expect(dlq.map((r) => r.message.headers?.['original-offset']?.toString())).toEqual(['5', '42']);
    expect(dlq[1]!.message.headers?.error?.toString()).toBe('handler: no such employee');
  });
});
