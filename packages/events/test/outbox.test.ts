// enqueue / enqueueMany against real PostgreSQL: what a batch writes, in which order, and what it
// refuses. (The relay's publishing of these rows is relay.test.ts.)
import { randomUUID } from 'node:crypto';
import { enqueue, enqueueMany, OUTBOX_LOCK_CLASS, type OutboxItem } from '../src';
import { outboxDatabase, waitFor, type TestDb } from './helpers';

const approved = (employeeId: string, goals: number): OutboxItem<'plan.approved'> => ({
  type: 'plan.approved', data: { planId: randomUUID(), employeeId, year: 2026, goals }, options: { key: employeeId, traceId: `trace-${goals}` },
});

describe('outbox enqueue', () => {
  let db: TestDb;
  beforeAll(async () => { db = await outboxDatabase('enqueue'); });
  afterAll(async () => { await db?.drop(); });

  const rows = () => db.dataSource.query('SELECT id, event_id, topic, aggregate_id, type, envelope, headers FROM outbox ORDER BY id') as Promise<Array<Record<string, any>>>;

  it('writes a batch in the order given, each with its own envelope, key, topic and headers', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const items: OutboxItem[] = [approved(a, 1), approved(b, 2), approved(a, 3),
      { type: 'learning.completed', data: { enrollmentId: randomUUID(), employeeId: b, activityId: randomUUID(), kind: 'TRAINING', hours: 8, completedOn: '2026-03-02', participatingUnitIds: [] }, options: { key: b } }];
    const envelopes = await db.dataSource.transaction((m) => enqueueMany(m, items));
    const written = await rows();
    expect(written.map((r) => r.event_id)).toEqual(envelopes.map((e) => e.eventId));
    expect(written.map((r) => [r.aggregate_id, r.type, r.topic])).toEqual([
      [a, 'plan.approved', 'kinerja.plan.approved.v1'], [b, 'plan.approved', 'kinerja.plan.approved.v1'], [a, 'plan.approved', 'kinerja.plan.approved.v1'],
      [b, 'learning.completed', 'kinerja.learning.completed.v1'],
    ]);
    expect(written.map((r) => r.envelope.data.goals ?? r.envelope.data.hours)).toEqual([1, 2, 3, 8]);
    expect(written[0]!.headers).toEqual({ eventId: envelopes[0]!.eventId, type: 'plan.approved', traceId: 'trace-1' });
    expect(written[3]!.headers).toEqual({ eventId: envelopes[3]!.eventId, type: 'learning.completed' });
    expect(envelopes[0]).toMatchObject({ type: 'plan.approved', version: 1, producer: 'goals' });
  });

  it('writes nothing of a batch when one payload breaks its schema', async () => {
    const before = (await rows()).length;
    const bad = { ...approved(randomUUID(), 4), data: { planId: 'not-a-uuid', employeeId: randomUUID(), year: 2026, goals: 4 } } as OutboxItem;
    await expect(db.dataSource.transaction((m) => enqueueMany(m, [approved(randomUUID(), 5), bad]))).rejects.toThrow();
    expect(await rows()).toHaveLength(before);
  });

  it('lets two batches lock overlapping keys given in opposite orders without a deadlock', async () => {
    // Each batch takes its keys' advisory locks in one fixed order. Taken in the order given, the two
    // batches below would each hold half the keys when the blocker lets go, and PostgreSQL would abort
    // one of them (deadlock detected).
    const keys = Array.from({ length: 100 }, () => randomUUID());
    const before = (await rows()).length;
    const batch = (list: string[], base: number) => db.dataSource.transaction((m) => enqueueMany(m, list.map((k, i) => approved(k, base + i))));
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => { release = r; });
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((r) => { locked = r; });
    const blocker = db.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2::text))', [OUTBOX_LOCK_CLASS, keys[50]]);
      locked();
      await held;
    });
    await isLocked;
    const both = Promise.all([batch(keys, 0), batch([...keys].reverse(), 1000)]);
    // Both batches are waiting for the blocker's key (PostgreSQL shows their ungranted advisory locks).
    await waitFor(async () => {
      const [w] = (await db.dataSource.query("SELECT count(DISTINCT pid)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) as Array<{ n: number }>;
      return w!.n >= 2;
    });
    release();
    await blocker;
    await both;
    const written = (await rows()).slice(before);
    expect(written).toHaveLength(200);
    // Per key, one row of each batch, and the batch that committed first has the lower ids.
    const firstBatch = written[0]!.envelope.data.goals < 1000;
    for (const k of keys) {
      expect(written.filter((r) => r.aggregate_id === k).map((r) => r.envelope.data.goals < 1000)).toEqual([firstBatch, !firstBatch]);
    }
  });

  it('enqueue writes one event and returns its envelope; an empty batch writes nothing', async () => {
    const employeeId = randomUUID();
    const envelope = await db.dataSource.transaction((m) => enqueue(m, 'plan.approved', { planId: randomUUID(), employeeId, year: 2027, goals: 2 }, { key: employeeId }));
    expect((await rows()).at(-1)).toMatchObject({ event_id: envelope.eventId, aggregate_id: employeeId });
    const count = (await rows()).length;
    expect(await db.dataSource.transaction((m) => enqueueMany(m, []))).toEqual([]);
    expect(await rows()).toHaveLength(count);
  });
});
