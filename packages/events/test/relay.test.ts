// The outbox relay against real PostgreSQL and the real Kafka broker (KAFKA_BROKERS, default
// 127.0.0.1:9092). Fails, never skips, when either is missing.
import { randomUUID } from 'node:crypto';
import { EVENTS, enqueue, startOutboxRelay, type OutboxRelay } from '../src';
import { BROKERS, closedPort, createTopics, deleteTopics, log, outboxDatabase, prefix, readTopic, startProxy, waitFor, type TestDb } from './helpers';

const TOPIC = EVENTS['plan.approved'].topic;

async function approve(db: TestDb, employeeId: string, goals: number): Promise<string> {
  return db.dataSource.transaction(async (m) => {
    const env = await enqueue(m, 'plan.approved', { planId: randomUUID(), employeeId, year: 2026, goals }, { key: employeeId, traceId: `trace-${goals}` });
    return env.eventId;
  });
}

async function pending(db: TestDb): Promise<number> {
  const [r] = await db.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
  return r.n;
}

describe('outbox relay', () => {
  const relays: OutboxRelay[] = [];
  const topics: string[] = [];
  const dbs: TestDb[] = [];
  const start = (db: TestDb, topicPrefix: string, over: Partial<Parameters<typeof startOutboxRelay>[0]> = {}) => {
    const relay = startOutboxRelay({ dataSource: db.dataSource, brokers: BROKERS, topicPrefix, clientId: 'relay-test', log, ...over });
    relays.push(relay);
    return relay;
  };

  afterAll(async () => {
    for (const r of relays) await r.stop();
    for (const d of dbs) await d.drop();
    if (topics.length) await deleteTopics(topics);
  });

  it('publishes committed rows in id order, keyed by aggregate id, with eventId/type/traceId headers, within milliseconds of the commit', async () => {
    const db = await outboxDatabase('order');
    dbs.push(db);
    const p = prefix('order');
    topics.push(`${p}${TOPIC}`);
    await createTopics([`${p}${TOPIC}`], 3);
    // A one-minute poll: only the NOTIFY sent at commit can wake the relay this fast.
    const relay = start(db, p, { pollIntervalMs: 60_000 });
    await waitFor(async () => relay.status().active);

    const employees = [randomUUID(), randomUUID(), randomUUID()];
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await approve(db, employees[i % 3] as string, i));
    const committedAt = Date.now();
    await waitFor(async () => (await pending(db)) === 0, { everyMs: 5 });
    const latency = Date.now() - committedAt;
    expect(latency).toBeLessThan(500); // ~10 ms measured; the 1-minute poll could never make this

    const read = await readTopic(`${p}${TOPIC}`, 12);
    expect(read).toHaveLength(12);
    for (const employee of employees) {
      const mine = read.filter((r) => r.message.key?.toString() === employee);
      // One key, one partition, in the order written.
      expect(new Set(mine.map((r) => r.partition)).size).toBe(1);
      expect(mine.map((r) => r.message.headers?.eventId?.toString())).toEqual(ids.filter((_, i) => employees[i % 3] === employee));
    }
    const first = read.find((r) => r.message.headers?.eventId?.toString() === ids[0])!;
    expect(first.message.headers?.type?.toString()).toBe('plan.approved');
    expect(first.message.headers?.traceId?.toString()).toBe('trace-0');
    const value = JSON.parse(first.message.value!.toString());
    expect(Object.keys(value)).toEqual(['eventId', 'type', 'version', 'occurredAt', 'producer', 'data']);
    expect(value).toMatchObject({ eventId: ids[0], type: 'plan.approved', version: 1, producer: 'goals', data: { employeeId: employees[0], year: 2026, goals: 0 } });

    const rows = await db.dataSource.query('SELECT attempts, last_error, sent_at FROM outbox ORDER BY id');
    expect(rows.every((r: { attempts: number; last_error: string | null; sent_at: Date | null }) => r.attempts === 1 && r.last_error === null && r.sent_at)).toBe(true);
  });

  it('does not publish a rolled-back event', async () => {
    const db = await outboxDatabase('rollback');
    dbs.push(db);
    await expect(db.dataSource.transaction(async (m) => {
      await enqueue(m, 'plan.approved', { planId: randomUUID(), employeeId: randomUUID(), year: 2026, goals: 1 }, { key: 'x' });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect(await pending(db)).toBe(0);
  });

  it('keeps rows while Kafka is unreachable, records attempts and the error, and publishes each exactly once when it comes back', async () => {
    const db = await outboxDatabase('outage');
    dbs.push(db);
    const p = prefix('outage');
    topics.push(`${p}${TOPIC}`);
    await createTopics([`${p}${TOPIC}`], 3);
    const port = await closedPort();
    const relay = start(db, p, { brokers: `127.0.0.1:${port}`, initialBackoffMs: 100, maxBackoffMs: 400 });
    const employee = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await approve(db, employee, i));

    // Several failed attempts, nothing sent, the reason recorded on the waiting rows.
    await waitFor(async () => {
      const [r] = await db.dataSource.query('SELECT min(attempts)::int AS a FROM outbox');
      return r.a >= 3;
    });
    expect(relay.healthy()).toBe(false);
    expect(relay.status().lastError).toBeTruthy();
    const waiting = await db.dataSource.query('SELECT sent_at, last_error FROM outbox ORDER BY id');
    expect(waiting.every((r: { sent_at: Date | null; last_error: string | null }) => r.sent_at === null && r.last_error)).toBe(true);

    // More rows while it is down, then the broker comes back on the same address.
    for (let i = 5; i < 8; i++) ids.push(await approve(db, employee, i));
    const proxy = await startProxy(port);
    try {
      await waitFor(async () => (await pending(db)) === 0);
      expect(relay.healthy()).toBe(true);
      const read = await readTopic(`${p}${TOPIC}`, 8);
      expect(read.map((r) => r.message.headers?.eventId?.toString())).toEqual(ids);
      const [r] = await db.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE last_error IS NOT NULL');
      expect(r.n).toBe(0);
    } finally {
      await relay.stop();
      await proxy.close();
    }
  });

  it('a relay pointed at a dead broker then replaced by one at the real broker loses and duplicates nothing', async () => {
    const db = await outboxDatabase('replace');
    dbs.push(db);
    const p = prefix('replace');
    topics.push(`${p}${TOPIC}`);
    await createTopics([`${p}${TOPIC}`], 3);
    const dead = start(db, p, { brokers: `127.0.0.1:${await closedPort()}`, initialBackoffMs: 50, maxBackoffMs: 200 });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await approve(db, randomUUID(), i));
    await waitFor(async () => (await db.dataSource.query('SELECT min(attempts)::int AS a FROM outbox'))[0].a >= 2);
    await expect(dead.drain()).rejects.toThrow();
    await dead.stop();
    expect(await pending(db)).toBe(6);

    const live = start(db, p);
    await waitFor(async () => (await pending(db)) === 0);
    await live.stop();
    const read = await readTopic(`${p}${TOPIC}`, 6);
    expect(read.map((r) => r.message.headers?.eventId?.toString()).sort()).toEqual([...ids].sort());
  });

  it('runs one active relay per database: two relays publish each row once, and the standby takes over', async () => {
    const db = await outboxDatabase('two');
    dbs.push(db);
    const p = prefix('two');
    topics.push(`${p}${TOPIC}`);
    await createTopics([`${p}${TOPIC}`], 3);
    const a = start(db, p, { lockRetryMs: 100, batchSize: 7 });
    const b = start(db, p, { lockRetryMs: 100, batchSize: 7 });
    await waitFor(async () => a.status().active || b.status().active);
    // Concurrent writers while both relays run (and both call drain()).
    const writers = Array.from({ length: 10 }, () => randomUUID());
    const ids = (await Promise.all(writers.map(async (employee) => {
      const mine: string[] = [];
      for (let i = 0; i < 10; i++) mine.push(await approve(db, employee, i));
      return mine;
    }))).flat();
    await Promise.all([a.drain(), b.drain()]);
    await waitFor(async () => (await pending(db)) === 0);
    expect([a.status().active, b.status().active].filter(Boolean)).toHaveLength(1);

    // The active one goes away: the other takes over and publishes what comes next.
    const [leader, standby] = a.status().active ? [a, b] : [b, a];
    await leader.stop();
    await waitFor(async () => standby.status().active);
    const after = randomUUID();
    for (let i = 0; i < 5; i++) ids.push(await approve(db, after, i));
    await waitFor(async () => (await pending(db)) === 0);

    const read = await readTopic(`${p}${TOPIC}`, 105);
    const eventIds = read.map((r) => r.message.headers?.eventId?.toString());
    expect(eventIds).toHaveLength(105);
    expect(new Set(eventIds).size).toBe(105);
    expect([...eventIds].sort()).toEqual([...ids].sort());
    for (const key of writers) {
      expect(read.filter((r) => r.message.key?.toString() === key).map((r) => JSON.parse(r.message.value!.toString()).data.goals)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    const [r] = await db.dataSource.query('SELECT max(attempts)::int AS a FROM outbox');
    expect(r.a).toBe(1);
  });
});
