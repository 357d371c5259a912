// The event path's /metrics text against real PostgreSQL and the real broker: a stuck outbox and a
// consumer's outcomes are visible where operators look.
import { randomUUID } from 'node:crypto';
import { consumerMetrics, enqueue, outboxMetrics, startOutboxRelay, type OutboxRelay, type RunningConsumer } from '../src';
import { BROKERS, closedPort, deleteTopics, log, outboxDatabase, prefix, waitFor, type TestDb } from './helpers';

const metric = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('event path metrics', () => {
  let db: TestDb;
  const relays: OutboxRelay[] = [];
  const topics: string[] = [];
  beforeAll(async () => { db = await outboxDatabase('metrics'); });
  afterAll(async () => {
    for (const r of relays) await r.stop();
    await db?.drop();
    if (topics.length) await deleteTopics(topics);
  });

  const approve = () => db.dataSource.transaction(async (m) => {
    const employeeId = randomUUID();
    await enqueue(m, 'plan.approved', { planId: randomUUID(), employeeId, year: 2026, goals: 1 }, { key: employeeId });
  });

  it('shows rows waiting, how long the oldest waited and the relay failing while Kafka is unreachable, then all published', async () => {
    const read = outboxMetrics('goals', db.dataSource, null);
    const empty = await read();
    expect(metric(empty, 'kinerja_outbox_pending')).toBe(0);
    expect(metric(empty, 'kinerja_outbox_oldest_pending_seconds')).toBe(0);
    expect(metric(empty, 'kinerja_outbox_relay_active')).toBe(0);
    expect(metric(empty, 'kinerja_outbox_failed')).toBe(0);

    const stuck = startOutboxRelay({ dataSource: db.dataSource, brokers: `127.0.0.1:${await closedPort()}`, clientId: 'metrics-test', log, initialBackoffMs: 50, maxBackoffMs: 200 });
    relays.push(stuck);
    await approve();
    await approve();
    const readStuck = outboxMetrics('goals', db.dataSource, stuck);
    await waitFor(async () => metric(await readStuck(), 'kinerja_outbox_relay_consecutive_failures')! >= 2);
    await waitFor(async () => metric(await readStuck(), 'kinerja_outbox_oldest_pending_seconds')! >= 1);
    const text = await readStuck();
    expect(text).toContain('# TYPE kinerja_outbox_pending gauge');
    expect(metric(text, 'kinerja_outbox_pending')).toBe(2);
    expect(metric(text, 'kinerja_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(1);
    expect(metric(text, 'kinerja_outbox_relay_active')).toBe(1);
    expect(metric(text, 'kinerja_outbox_published_total')).toBe(0);
    expect(text).toContain('kinerja_outbox_pending{service="goals"} 2');
    await stuck.stop();

    const p = prefix('metrics');
    topics.push(`${p}kinerja.plan.approved.v1`);
    const live = startOutboxRelay({ dataSource: db.dataSource, brokers: BROKERS, topicPrefix: p, clientId: 'metrics-test', log });
    relays.push(live);
    const readLive = outboxMetrics('goals', db.dataSource, live);
    await waitFor(async () => metric(await readLive(), 'kinerja_outbox_pending') === 0, { timeoutMs: 20_000 });
    const after = await readLive();
    expect(metric(after, 'kinerja_outbox_published_total')).toBe(2);
    expect(metric(after, 'kinerja_outbox_oldest_pending_seconds')).toBe(0);
    expect(metric(after, 'kinerja_outbox_relay_consecutive_failures')).toBe(0);
  });

  it('counts a consumer\'s outcomes, and shows it not running before it connected', async () => {
    let consumer: RunningConsumer | null = null;
    const read = consumerMetrics('recognition', () => consumer, 'recognition');
    expect(metric(await read(), 'kinerja_consumer_running')).toBe(0);
    consumer = { stats: () => ({ processed: 7, duplicates: 2, deadLettered: 1, failures: 3 }) } as unknown as RunningConsumer;
    const text = await read();
    expect(text).toContain('kinerja_consumer_events_total{service="recognition",group="recognition",outcome="processed"} 7');
    expect(text).toContain('kinerja_consumer_events_total{service="recognition",group="recognition",outcome="duplicate"} 2');
    expect(text).toContain('kinerja_consumer_events_total{service="recognition",group="recognition",outcome="dead_lettered"} 1');
    expect(metric(text, 'kinerja_consumer_failures_total')).toBe(3);
    expect(metric(text, 'kinerja_consumer_running')).toBe(1);
  });
});
