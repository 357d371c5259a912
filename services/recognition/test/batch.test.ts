// The consumer decides a partition's events in batches (issue 9). Against real PostgreSQL, with
// personnel answering the directory: a batch decides exactly what the same events decide one at a
// time, and costs the same statements whatever its size.
import type { DemoRegency } from '@kinerja/demo-regency';
import type { Envelope } from '@kinerja/events';
import { personnelService } from '@kinerja/personnel';
import { DirectoryClient } from '@kinerja/subgraph-kit';
import { startGraph, TEST_SHARED_SECRET, testLogger, type TestGraph } from '@kinerja/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { decideBatch, decideFromEvaluation, positionKindsFrom, recognitionService, type DecideDependencies, type RunningRecognition } from '../src';
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
            credit_point_percent, position_kind, reasons, policy_version
       FROM reward_decision WHERE evaluation_id = ANY($1) ORDER BY source_event_id`, [evaluationIds]);
  const annual = await m.query('SELECT employee_id, year, predicate, evaluation_id FROM annual_predicate WHERE employee_id = ANY($1) ORDER BY employee_id, year', [employeeIds]);
  const sanctions = await m.query(
    `SELECT d.source_event_id, s.level, s.status, s.reason, h.status AS history FROM sanction s JOIN reward_decision d ON d.id = s.decision_id
       JOIN sanction_history h ON h.sanction_id = s.id WHERE d.evaluation_id = ANY($1) ORDER BY d.source_event_id`, [evaluationIds]);
  // Per topic in id order (Kafka orders a key's events within a topic, not across topics).
  const outbox = await m.query(
    `SELECT type, aggregate_id, envelope->'data'->>'sourceEventId' AS source, envelope->'data'->>'level' AS level FROM outbox
      WHERE aggregate_id = ANY($1) ORDER BY type, id`, [employeeIds]);
  // The audit rows name the consumer as actor and each row's own event as its request.
  const audit = await m.query(
    `SELECT a.entity_type, a.action, a.actor_service, a.actor_id, a.request_id FROM audit_entry a
      WHERE a.entity_id IN (SELECT id::text FROM reward_decision WHERE evaluation_id = ANY($1)
                            UNION SELECT s.id::text FROM sanction s JOIN reward_decision d ON d.id = s.decision_id WHERE d.evaluation_id = ANY($1))
      ORDER BY a.request_id, a.entity_type`, [evaluationIds]);
  return { decisions, annual, sanctions, outbox, audit };
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
    deps = { positionKindsOf: positionKindsFrom(new DirectoryClient(graph.services.personnel!.url, TEST_SHARED_SECRET, 'recognition')), log: testLogger('batch') };
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('decides what the same events decide one at a time: history within the batch, corrections, duplicates, sanctions, audit', async () => {
    const { clerk, teacher, colleague, outsider } = people;
    const kurang2025 = completedEvent({ employee: clerk, predicate: 'KURANG', year: 2025 });
    const events = [
      kurang2025,
      completedEvent({ employee: teacher, predicate: 'BAIK', year: 2025 }),
      completedEvent({ employee: outsider, predicate: 'SANGAT_KURANG', year: 2026, periodType: 'MONTHLY', period: 2 }),
      // Two consecutive annual KURANG-or-worse, both in this batch: SEVERE.
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
    expect(byEvent.get(events[3]!.eventId)).toMatchObject({ predicate: 'SANGAT_KURANG', sanction_recommended: 'SEVERE' });
    expect(byEvent.get(events[4]!.eventId)).toMatchObject({ predicate: 'SANGAT_BAIK', promotion_eligible: true, credit_point_percent: 150, position_kind: 'FUNGSIONAL' });
    expect(byEvent.get(events[7]!.eventId)).toMatchObject({ predicate: 'SANGAT_BAIK', promotion_eligible: false });
    expect(byEvent.get(events[2]!.eventId)).toMatchObject({ predicate: 'SANGAT_KURANG', sanction_recommended: null, position_kind: null });
    expect(batched.seen.annual.filter((a: any) => a.employee_id === colleague.id).map((a: any) => [a.year, a.predicate])).toEqual([[2025, 'BUTUH_PERBAIKAN'], [2026, 'SANGAT_BAIK']]);
    expect(batched.seen.sanctions.map((s: any) => [s.level, s.status, s.history]).sort()).toEqual([['LIGHT', 'PROPOSED', 'PROPOSED'], ['SEVERE', 'PROPOSED', 'PROPOSED']]);
    expect(batched.seen.outbox.filter((o: any) => o.type === 'reward.decided')).toHaveLength(8);
    expect(batched.seen.outbox.filter((o: any) => o.type === 'sanction.decided').map((o: any) => o.level)).toEqual(['LIGHT', 'SEVERE']);
    expect(batched.seen.audit).toHaveLength(10); // 8 decisions, 2 proposals
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
      expect(Number((await m.query('SELECT count(*) AS n FROM sanction WHERE decision_id IN (SELECT id FROM reward_decision WHERE evaluation_id = ANY($1))', [events.map((e) => e.data.evaluationId)]))[0].n)).toBe(2 * (n / 5));
      return count;
    });
    const five = await statements(5);
    const hundred = await statements(100);
    expect(hundred).toBe(five);
    // Read; annual predicates with decisions; proposals; audit rows; outbox rows.
    expect(five).toBe(5);
  });
});
