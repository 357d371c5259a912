// The consumer decides a partition's events in batches (bench/results). Against real PostgreSQL, with
// personnel answering the directory: a batch decides exactly what the same events decide one at a
// time, and costs the same statements whatever its size.
import type { DemoRegency } from '@kinerja/demo-regency';
import type { Envelope } from '@kinerja/events';
import { personnelService } from '@kinerja/personnel';
import { DirectoryClient } from '@kinerja/subgraph-kit';
import { startGraph, TEST_SHARED_SECRET, testLogger, type TestGraph } from '@kinerja/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { decideBatch, decideFromEvaluation, employeeFactsFrom, positionKindsFrom, recognitionService, type DecideDependencies, type RunningRecognition } from '../src';
import { cast, completedEvent, seedRegency, type Completed } from './helpers';

/** Rolled back at the end: each path starts from the same database. */
async function inRolledBackTransaction<T>(ds: DataSource, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.startTransaction();
  try {
    return await fn(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/** What a user (or an analyst) sees of the decisions the events made, independent of generated ids. */
async function outcome(m: EntityManager, events: Array<Envelope<Completed>>) {
  const evaluationIds = events.map((e) => e.data.evaluationId);
  const employeeIds = [...new Set(events.map((e) => e.data.employeeId))];
  const decisions = await m.query(
    `SELECT evaluation_id, source_event_id, predicate, allowance_percent, certificate_eligible, promotion_eligible, sanction_recommended,
            credit_point_percent, credit_points, position_kind, employment_type, reasons, policy_version, follow_up, status, revision, depends_on
       FROM reward_decision WHERE evaluation_id = ANY($1) ORDER BY source_event_id, evaluation_id, revision`, [evaluationIds]);
  const annual = await m.query('SELECT employee_id, year, predicate, evaluation_id FROM annual_predicate WHERE employee_id = ANY($1) ORDER BY employee_id, year', [employeeIds]);
  const plans = await m.query(
    `SELECT d.source_event_id, p.status, p.owner_id, p.opens_on::text AS opens_on, p.review_due_on::text AS review_due_on, h.status AS history, h.reason
       FROM improvement_plan p JOIN reward_decision d ON d.id = p.decision_id
       JOIN improvement_step h ON h.plan_id = p.id WHERE d.evaluation_id = ANY($1) ORDER BY d.source_event_id`, [evaluationIds]);
  // Per topic in id order (Kafka orders a key's events within a topic, not across topics).
  const outbox = await m.query(
    `SELECT type, aggregate_id, envelope->'data'->>'sourceEventId' AS source, envelope->'data'->>'status' AS status, envelope->'data'->>'revision' AS revision FROM outbox
      WHERE aggregate_id = ANY($1) ORDER BY type, id`, [employeeIds]);
  // The audit rows name the consumer as actor and each row's own event as its request.
  const audit = await m.query(
    `SELECT a.entity_type, a.action, a.actor_service, a.actor_id, a.request_id FROM audit_entry a
      WHERE a.entity_id IN (SELECT id::text FROM reward_decision WHERE evaluation_id = ANY($1)
                            UNION SELECT p.id::text FROM improvement_plan p WHERE p.evaluation_id = ANY($1))
      ORDER BY a.request_id, a.entity_type`, [evaluationIds]);
  return { decisions, annual, plans, outbox, audit };
}

describe('recognition decides a batch of evaluation.completed events', () => {
  let graph: TestGraph;
  let ds: DataSource;
  let regency: DemoRegency;
  let people: ReturnType<typeof cast>;
  let deps: DecideDependencies;

  beforeAll(async () => {
    graph = await startGraph([personnelService, recognitionService], 'recognition-batch');
    regency = await seedRegency(graph);
    people = cast(regency);
    const recognition = graph.services.recognition as unknown as RunningRecognition;
    ds = recognition.dataSource;
    const directory = new DirectoryClient(graph.services.personnel!.url, TEST_SHARED_SECRET, 'recognition');
    deps = { positionKindsOf: positionKindsFrom(directory), employeeFactsOf: employeeFactsFrom(directory), log: testLogger('batch') };
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('decides what the same events decide one at a time: history within the batch, corrections, duplicates, plans, audit', async () => {
    const { clerk, teacher, colleague, outsider } = people;
    const kurang2025 = completedEvent({ employee: clerk, predicate: 'KURANG', year: 2025 });
    const events = [
      kurang2025,
      completedEvent({ employee: teacher, predicate: 'BAIK', year: 2025 }),
      completedEvent({ employee: outsider, predicate: 'SANGAT_KURANG', year: 2026, periodType: 'MONTHLY', period: 2 }),
      // Two consecutive low annual predicates, both in this batch: two improvement plans, no discipline case.
      completedEvent({ employee: clerk, predicate: 'SANGAT_KURANG', year: 2026 }),
      // BAIK then SANGAT_BAIK in one batch: promotion eligible.
      completedEvent({ employee: teacher, predicate: 'SANGAT_BAIK', year: 2026 }),
      completedEvent({ employee: colleague, predicate: 'SANGAT_BAIK', year: 2025 }),
      // A correction of the colleague's 2025, completed later in the same batch: it supersedes SANGAT_BAIK ...
      completedEvent({ employee: colleague, predicate: 'BUTUH_PERBAIKAN', year: 2025, completedAt: '2026-02-20T03:00:00.000Z' }),
      // ... so 2026 SANGAT_BAIK is not promotion-eligible.
      completedEvent({ employee: colleague, predicate: 'SANGAT_BAIK', year: 2026 }),
      // The clerk's 2025 evaluation again under another event id: no second decision.
      { ...kurang2025, eventId: '0b7e3a52-6a8e-4e55-9d8e-2a5f0a3f6c11' },
    ];

    const oneByOne = await inRolledBackTransaction(ds, async (m) => {
      const made: Array<string | null> = [];
      for (const e of events) made.push(await decideFromEvaluation(e, m, deps));
      return { made, seen: await outcome(m, events) };
    });
    const batched = await inRolledBackTransaction(ds, async (m) => {
      const made = await decideBatch(events, m, deps);
      return { made, seen: await outcome(m, events) };
    });

    expect(batched.made.map((r) => r.eventId)).toEqual(events.map((e) => e.eventId));
    expect(batched.made.map((r) => r.decisionId !== null)).toEqual(oneByOne.made.map((id) => id !== null));
    expect(batched.made.map((r) => r.decisionId !== null)).toEqual([true, true, true, true, true, true, true, true, false]);
    expect(batched.seen).toEqual(oneByOne.seen);

    const byEvent = new Map(batched.seen.decisions.map((d: any) => [d.source_event_id, d]));
    expect(byEvent.get(events[3]!.eventId)).toMatchObject({ predicate: 'SANGAT_KURANG', sanction_recommended: null, follow_up: 'IMPROVEMENT_TRACK' });
    expect(byEvent.get(events[4]!.eventId)).toMatchObject({ predicate: 'SANGAT_BAIK', promotion_eligible: true, credit_point_percent: 150, position_kind: 'FUNGSIONAL', employment_type: 'PNS' });
    expect(byEvent.get(events[7]!.eventId)).toMatchObject({ predicate: 'SANGAT_BAIK', promotion_eligible: false });
    expect(byEvent.get(events[2]!.eventId)).toMatchObject({ predicate: 'SANGAT_KURANG', sanction_recommended: null, follow_up: 'NONE', position_kind: null });
    expect(batched.seen.annual.filter((a: any) => a.employee_id === colleague.id).map((a: any) => [a.year, a.predicate])).toEqual([[2025, 'BUTUH_PERBAIKAN'], [2026, 'SANGAT_BAIK']]);
    expect(batched.seen.plans.map((p: any) => [p.status, p.history, p.owner_id, p.opens_on, p.review_due_on]).sort((x: any[], y: any[]) => (x[3] < y[3] ? -1 : 1))).toEqual([
      ['OPEN', 'OPEN', clerk.supervisorId, '2026-01-15', '2026-07-15'], ['OPEN', 'OPEN', clerk.supervisorId, '2027-01-15', '2027-07-15'],
    ]);
    expect(batched.seen.outbox.filter((o: any) => o.type === 'reward.decided')).toHaveLength(8);
    expect(batched.seen.outbox.filter((o: any) => o.type === 'improvement.changed').map((o: any) => o.status)).toEqual(['OPEN', 'OPEN']);
    expect(await ds.query('SELECT 1 FROM sanction')).toEqual([]);
    expect(batched.seen.audit).toHaveLength(10); // 8 decisions, 2 plans
    expect(new Set(batched.seen.audit.map((a: any) => a.actor_service))).toEqual(new Set(['recognition-consumer']));
    const decidedEvents = new Set(events.slice(0, 8).map((e) => e.eventId));
    expect(batched.seen.audit.every((a: any) => decidedEvents.has(a.request_id) && a.actor_id === null)).toBe(true);
  });

  it('costs the same statements for 5 events as for 100', async () => {
    const staff = regency.employees.filter((e) => e.status === 'ACTIVE' && e.supervisorId);
    const predicates: Array<Completed['predicate']> = ['BAIK', 'SANGAT_BAIK', 'KURANG', 'BUTUH_PERBAIKAN', 'SANGAT_KURANG'];
    const statements = async (n: number) => inRolledBackTransaction(ds, async (m) => {
      const events = staff.slice(0, n).map((employee, i) => completedEvent({ employee, predicate: predicates[i % predicates.length]!, year: 2026 }));
      let count = 0;
      const counting = Object.create(m, { query: { value: (...args: Parameters<EntityManager['query']>) => { count++; return m.query(...args); } } }) as EntityManager;
      const made = await decideBatch(events, counting, deps);
      expect(made.filter((r) => r.decisionId)).toHaveLength(n);
      expect(Number((await m.query('SELECT count(*) AS n FROM improvement_plan WHERE evaluation_id = ANY($1)', [events.map((e) => e.data.evaluationId)]))[0].n)).toBe(2 * (n / 5));
      return count;
    });
    const five = await statements(5);
    const hundred = await statements(100);
    expect(hundred).toBe(five);
    // Read; annual predicates with decisions and plans; audit rows; outbox rows.
    expect(five).toBe(4);
  });

  it('revises within a batch as one at a time, whatever the order, in one more statement', async () => {
    const staff = regency.employees.filter((e) => e.status === 'ACTIVE' && e.supervisorId && e.employmentType === 'PNS').slice(0, 20);
    const late = staff.flatMap((employee) => [
      completedEvent({ employee, predicate: 'SANGAT_BAIK', year: 2026 }),
      completedEvent({ employee, predicate: 'BAIK', year: 2025, completedAt: '2027-01-20T03:00:00.000Z' }),
    ]);
    const run = (events: typeof late, batch: boolean) => inRolledBackTransaction(ds, async (m) => {
      let count = 0;
      const counting = Object.create(m, { query: { value: (...args: Parameters<EntityManager['query']>) => { count++; return m.query(...args); } } }) as EntityManager;
      if (batch) await decideBatch(events, counting, deps);
      else for (const e of events) await decideFromEvaluation(e, m, deps);
      const rows = await m.query(`SELECT employee_id, year, status, revision, promotion_eligible, reasons FROM reward_decision WHERE employee_id = ANY($1) ORDER BY employee_id, year, revision`, [staff.map((e) => e.id)]);
      return { count, rows };
    });
    const batched = await run(late, true);
    const oneByOne = await run(late, false);
    expect(batched.rows).toEqual(oneByOne.rows);
    expect(batched.count).toBe(4); // revised rows never stored ACTIVE: no status update needed
    expect(batched.rows.filter((r: any) => r.year === 2026).map((r: any) => [r.status, r.revision, r.promotion_eligible])).toEqual(
      staff.flatMap(() => [['REVISED', 1, false], ['ACTIVE', 2, true]]));
    // Against stored 2026 decisions, the late 2025 batch costs one statement more: the REVISED marks.
    const stored = await inRolledBackTransaction(ds, async (m) => {
      await decideBatch(late.filter((e) => e.data.cycle.year === 2026), m, deps);
      let count = 0;
      const counting = Object.create(m, { query: { value: (...args: Parameters<EntityManager['query']>) => { count++; return m.query(...args); } } }) as EntityManager;
      await decideBatch(late.filter((e) => e.data.cycle.year === 2025), counting, deps);
      const rows = await m.query(`SELECT employee_id, year, status, revision, promotion_eligible, reasons FROM reward_decision WHERE employee_id = ANY($1) ORDER BY employee_id, year, revision`, [staff.map((e) => e.id)]);
      return { count, rows };
    });
    expect(stored.count).toBe(5);
    expect(stored.rows).toEqual(batched.rows);
  });
});
