// A row Kafka refuses for good (here: over the topic's max.message.bytes) must not hold every later
// row of its database: against real PostgreSQL and the real broker.
import { randomUUID } from 'node:crypto';
import { createKafka, enqueue, outboxMetrics, startOutboxRelay, type OutboxRelay } from '../src';
import { BROKERS, deleteTopics, log, outboxDatabase, prefix, readTopic, waitFor, type TestDb } from './helpers';

describe('outbox relay and a row the broker refuses', () => {
  let db: TestDb;
  let relay: OutboxRelay | undefined;
  const p = prefix('refused');
  const topic = `${p}kinerja.sanction.decided.v1`;

  beforeAll(async () => {
    db = await outboxDatabase('refused');
    const admin = createKafka({ brokers: BROKERS, clientId: 'refused-test-admin' }).admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, configEntries: [{ name: 'max.message.bytes', value: '4096' }] }] });
    await admin.disconnect();
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
    await deleteTopics([topic]);
  });

  const propose = (employeeId: string, reason: string) => db.dataSource.transaction((m) =>
    enqueue(m, 'sanction.decided', { sanctionId: randomUUID(), employeeId, level: 'LIGHT', status: 'PROPOSED', reason }, { key: employeeId }));

  it('sets the refused row aside with why, publishes the rows before and after it, and counts it on /metrics', async () => {
    const [one, two] = [randomUUID(), randomUUID()];
    const first = await propose(one, 'Terlambat hadir lima kali');
    const huge = await propose(one, 'x'.repeat(10_000)); // over the topic's 4,096-byte limit
    const after = await propose(one, 'Tidak mengumpulkan laporan');
    const other = await propose(two, 'Tidak hadir rapat');

    relay = startOutboxRelay({ dataSource: db.dataSource, brokers: BROKERS, topicPrefix: p, clientId: 'refused-test', log, initialBackoffMs: 50 });
    const pending = async () => Number((await db.dataSource.query('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL'))[0].n);
    await waitFor(async () => (await pending()) === 0, { timeoutMs: 20_000 });

    const rows = (await db.dataSource.query('SELECT event_id, sent_at, failed_at, last_error FROM outbox ORDER BY id')) as Array<{ event_id: string; sent_at: Date | null; failed_at: Date | null; last_error: string | null }>;
    const byEvent = new Map(rows.map((r) => [r.event_id, r]));
    expect(byEvent.get(huge.eventId)).toMatchObject({ sent_at: null, failed_at: expect.any(Date) });
    expect(byEvent.get(huge.eventId)!.last_error).toMatch(/larger than|too large/i);
    for (const e of [first, after, other]) expect(byEvent.get(e.eventId)).toMatchObject({ sent_at: expect.any(Date), failed_at: null, last_error: null });

    const read = await readTopic(topic, 3);
    const mine = read.filter((r) => r.message.key?.toString() === one).map((r) => JSON.parse(r.message.value!.toString()).eventId);
    expect(mine).toEqual([first.eventId, after.eventId]);
    expect(read.map((r) => JSON.parse(r.message.value!.toString()).eventId)).not.toContain(huge.eventId);

    const text = await outboxMetrics('recognition', db.dataSource, relay)();
    expect(text).toContain('kinerja_outbox_failed{service="recognition"} 1');
    expect(text).toContain('kinerja_outbox_pending{service="recognition"} 0');
    expect(relay.status()).toMatchObject({ consecutiveFailures: 0, published: 3 });

    // An operator republishes it once the limit is raised: clearing failed_at puts it back in the queue.
    const admin = createKafka({ brokers: BROKERS, clientId: 'refused-test-admin' }).admin();
    await admin.connect();
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: topic, configEntries: [{ name: 'max.message.bytes', value: '1048588' }] }] });
    await admin.disconnect();
    await db.dataSource.query('UPDATE outbox SET failed_at = NULL WHERE event_id = $1', [huge.eventId]);
    await relay.drain();
    const [republished] = (await db.dataSource.query('SELECT sent_at, failed_at FROM outbox WHERE event_id = $1', [huge.eventId])) as Array<{ sent_at: Date | null; failed_at: Date | null }>;
    expect(republished).toMatchObject({ sent_at: expect.any(Date), failed_at: null });
  });
});
