import { organizationPredicates, prng, stableUuid, type DemoEmployee, type DemoRegency } from '@kinerja/demo-regency';
import { EVENTS, OUTBOX_TABLE } from '@kinerja/events';
import type { DataSource, EntityManager } from 'typeorm';
import { CoreValue, FeedbackSource, Rating } from './domain/enums';
import { computePredicate } from './domain/predicate';

export type Progress = (done: number, total: number, what: string) => void;

/** True when evaluation has no cycles yet (a fresh database). */
export async function isEmpty(ds: DataSource): Promise<boolean> {
  const rows: Array<{ n: string }> = await ds.query('SELECT count(*) AS n FROM evaluation_cycle');
  return Number(rows[0]?.n ?? 0) === 0;
}

const { ABOVE_EXPECTATION: ABOVE, MEETS_EXPECTATION: MEETS, BELOW_EXPECTATION: BELOW } = Rating;

/**
 * Rating pairs with weights that give a distribution a regency rated Baik could defend (DOMAIN.md,
 * "Distribution"): about 12% SANGAT_BAIK, 68% BAIK, 12% BUTUH_PERBAIKAN, 6% KURANG, 2% SANGAT_KURANG.
 */
const RATING_PAIRS: Array<[Rating, Rating, number]> = [
  [ABOVE, ABOVE, 12],
  [ABOVE, MEETS, 10], [MEETS, MEETS, 48], [MEETS, ABOVE, 10],
  [BELOW, MEETS, 9], [BELOW, ABOVE, 3],
  [MEETS, BELOW, 4], [ABOVE, BELOW, 2],
  [BELOW, BELOW, 2],
];

const COMMENTS: Record<FeedbackSource, string[]> = {
  [FeedbackSource.SELF]: ['Target tercapai sesuai rencana', 'Perlu meningkatkan ketepatan waktu laporan', 'Aktif mengikuti pelatihan'],
  [FeedbackSource.SUPERVISOR]: ['Tanggap terhadap arahan pimpinan', 'Laporan rapi dan tepat waktu', 'Perlu lebih proaktif berkoordinasi'],
  [FeedbackSource.PEER]: ['Mudah diajak bekerja sama', 'Membantu rekan saat beban kerja tinggi', 'Komunikasi bisa lebih terbuka'],
  [FeedbackSource.SUBORDINATE]: ['Memberi arahan yang jelas', 'Terbuka terhadap masukan'],
  [FeedbackSource.PUBLIC]: ['Pelayanan cepat dan ramah', 'Antrean cukup lama', 'Petugas menjelaskan dengan jelas', 'Terima kasih atas bantuannya'],
};

// Units whose people serve citizens directly get public feedback in the seed.
const PUBLIC_FACING = /^(PKM|RSUD|KEC|KEL|DUKCAPIL|DPMPTSP|DINSOS|DISHUB)/;

interface SeedFeedback {
  id: string; evaluationId: string; employeeId: string; source: FeedbackSource; authorId: string | null;
  coreValue: CoreValue | null; score: number; comment: string | null; createdAt: string;
}

async function insertBatches<T>(m: EntityManager, rows: T[], sql: string, columns: Array<(r: T) => unknown>, progress: Progress, what: string): Promise<void> {
  const batch = 2000;
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    await m.query(sql, columns.map((c) => part.map(c)));
    progress(Math.min(i + batch, rows.length), rows.length, what);
  }
}

/**
 * The demo regency's evaluations: the ANNUAL 2025 cycle closed with every evaluation completed (and
 * its evaluation.completed event waiting in the outbox, so `npm start` publishes them), and the
 * ANNUAL 2026 cycle open with DRAFT evaluations collecting feedback. Deterministic ids.
 */
export async function seedEvaluation(ds: DataSource, regency: DemoRegency, progress: Progress = () => {}): Promise<{ evaluations: number; feedback: number; events: number; organizationPredicates: number }> {
  const rand = prng(20260505);
  const pickWeighted = <T>(items: Array<[...unknown[], number]>): T => {
    const total = items.reduce((s, i) => s + (i[i.length - 1] as number), 0);
    let x = rand() * total;
    for (const i of items) {
      x -= i[i.length - 1] as number;
      if (x < 0) return i as unknown as T;
    }
    return items[items.length - 1] as unknown as T;
  };
  const pickOne = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const coreValues = Object.values(CoreValue);

  const unitById = new Map(regency.units.map((u) => [u.id, u]));
  const byUnit = new Map<string, DemoEmployee[]>();
  const subordinates = new Map<string, DemoEmployee[]>();
  for (const e of regency.employees) {
    if (e.status !== 'ACTIVE') continue;
    byUnit.set(e.unitId, [...(byUnit.get(e.unitId) ?? []), e]);
    if (e.supervisorId) subordinates.set(e.supervisorId, [...(subordinates.get(e.supervisorId) ?? []), e]);
  }
  const evaluatorOf = (e: DemoEmployee): string | null => {
    if (e.supervisorId) return e.supervisorId;
    const unit = unitById.get(e.unitId);
    if (unit?.headId && unit.headId !== e.id) return unit.headId;
    const parent = unit?.parentId ? unitById.get(unit.parentId) : undefined;
    return parent?.headId && parent.headId !== e.id ? parent.headId : null;
  };

  const cycle2025 = { id: stableUuid('cycle:ANNUAL:2025'), name: 'Penilaian Kinerja Tahunan 2025', year: 2025, opensOn: '2025-01-01', closesOn: '2025-12-31' };
  const cycle2026 = { id: stableUuid('cycle:ANNUAL:2026'), name: 'Penilaian Kinerja Tahunan 2026', year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31' };

  const evaluations: Array<{
    id: string; cycleId: string; employee: DemoEmployee; evaluatorId: string; status: 'DRAFT' | 'COMPLETED';
    result: Rating | null; behavior: Rating | null; completedAt: string | null; version: number;
  }> = [];
  const feedback: SeedFeedback[] = [];
  const addFeedback = (evaluationId: string, employee: DemoEmployee, source: FeedbackSource, authorId: string | null, day: string, used: Set<string>) => {
    let coreValue = pickOne(coreValues);
    // One per author per core value per evaluation, as the live rule requires.
    for (let tries = 0; used.has(`${authorId}|${coreValue}`) && tries < 10; tries++) coreValue = pickOne(coreValues);
    if (used.has(`${authorId}|${coreValue}`)) return;
    if (authorId) used.add(`${authorId}|${coreValue}`);
    const score = Math.max(1, Math.min(5, Math.round(3.9 + (rand() - 0.45) * 2.2)));
    feedback.push({
      id: stableUuid(`feedback:${evaluationId}:${feedback.length}`), evaluationId, employeeId: employee.id, source, authorId,
      coreValue, score, comment: rand() < 0.6 ? pickOne(COMMENTS[source]) : null, createdAt: `${day}T0${Math.floor(rand() * 9)}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00Z`,
    });
  };

  for (const e of regency.employees) {
    if (e.status !== 'ACTIVE') continue;
    const evaluatorId = evaluatorOf(e);
    if (!evaluatorId) continue; // the Sekda: no one above to evaluate them here
    const colleagues = (byUnit.get(e.unitId) ?? []).filter((c) => c.id !== e.id);
    const team = subordinates.get(e.id) ?? [];
    const publicFacing = PUBLIC_FACING.test(unitById.get(e.unitId)?.code ?? '');

    // 2025: completed in January 2026, with feedback collected during the year.
    const [result, behavior] = pickWeighted<[Rating, Rating, number]>(RATING_PAIRS);
    const id2025 = stableUuid(`evaluation:${cycle2025.id}:${e.id}`);
    const day = `2026-01-${String(5 + Math.floor(rand() * 25)).padStart(2, '0')}`;
    evaluations.push({ id: id2025, cycleId: cycle2025.id, employee: e, evaluatorId, status: 'COMPLETED', result, behavior, completedAt: `${day}T03:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00Z`, version: 3 });
    const used = new Set<string>();
    addFeedback(id2025, e, FeedbackSource.SELF, e.id, '2025-12-10', used);
    addFeedback(id2025, e, FeedbackSource.SUPERVISOR, evaluatorId, '2025-12-15', used);
    if (colleagues.length) addFeedback(id2025, e, FeedbackSource.PEER, pickOne(colleagues).id, '2025-12-12', used);
    if (team.length) addFeedback(id2025, e, FeedbackSource.SUBORDINATE, pickOne(team).id, '2025-12-12', used);
    if (publicFacing && rand() < 0.5) addFeedback(id2025, e, FeedbackSource.PUBLIC, null, '2025-11-20', used);

    // 2026: open, DRAFT; some have written their SELF feedback already.
    const id2026 = stableUuid(`evaluation:${cycle2026.id}:${e.id}`);
    evaluations.push({ id: id2026, cycleId: cycle2026.id, employee: e, evaluatorId, status: 'DRAFT', result: null, behavior: null, completedAt: null, version: 1 });
    const used2026 = new Set<string>();
    if (rand() < 0.4) addFeedback(id2026, e, FeedbackSource.SELF, e.id, '2026-03-02', used2026);
    if (colleagues.length && rand() < 0.25) addFeedback(id2026, e, FeedbackSource.PEER, pickOne(colleagues).id, '2026-03-09', used2026);
    if (publicFacing && rand() < 0.3) addFeedback(id2026, e, FeedbackSource.PUBLIC, null, '2026-02-14', used2026);
  }

  const completed = evaluations.filter((v) => v.status === 'COMPLETED').sort((a, b) => (a.completedAt as string).localeCompare(b.completedAt as string));
  const spec = EVENTS['evaluation.completed'];
  const events = completed.map((v) => {
    const eventId = stableUuid(`event:evaluation.completed:${v.id}`);
    const data = spec.data.parse({
      evaluationId: v.id, employeeId: v.employee.id, nip: v.employee.nip, unitId: v.employee.unitId, evaluatorId: v.evaluatorId,
      cycle: { id: cycle2025.id, year: 2025, periodType: 'ANNUAL', period: null },
      resultRating: v.result, behaviorRating: v.behavior, predicate: computePredicate(v.result as Rating, v.behavior as Rating),
      completedAt: new Date(v.completedAt as string).toISOString(),
    });
    const envelope = { eventId, type: 'evaluation.completed', version: spec.version, occurredAt: data.completedAt, producer: spec.producer, data };
    return { eventId, key: v.employee.id, envelope: JSON.stringify(envelope), headers: JSON.stringify({ eventId, type: 'evaluation.completed' }), createdAt: data.completedAt };
  });

  const orgPredicates = organizationPredicates(regency, cycle2025.year);
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO evaluation_cycle (id, name, year, period_type, period, status, opens_on, closes_on, closed_at)
       VALUES ($1, $2, $3, 'ANNUAL', NULL, 'CLOSED', $4, $5, '2026-01-31T10:00:00Z'), ($6, $7, $8, 'ANNUAL', NULL, 'OPEN', $9, $10, NULL)`,
      [cycle2025.id, cycle2025.name, cycle2025.year, cycle2025.opensOn, cycle2025.closesOn, cycle2026.id, cycle2026.name, cycle2026.year, cycle2026.opensOn, cycle2026.closesOn],
    );
    await insertBatches(m, evaluations,
      `INSERT INTO evaluation (id, cycle_id, employee_id, employee_nip, unit_id, evaluator_id, status, result_rating, behavior_rating, predicate, rated_by, completed_at, completed_by, version)
       SELECT u.id, u.cycle_id, u.employee_id, u.nip, u.unit_id, u.evaluator_id, u.status, u.result, u.behavior, u.predicate,
              CASE WHEN u.result IS NULL THEN NULL ELSE u.evaluator_id END, u.completed_at,
              CASE WHEN u.completed_at IS NULL THEN NULL ELSE u.evaluator_id END, u.version
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::int[])
           AS u(id, cycle_id, employee_id, nip, unit_id, evaluator_id, status, result, behavior, predicate, completed_at, version)`,
      [(v) => v.id, (v) => v.cycleId, (v) => v.employee.id, (v) => v.employee.nip, (v) => v.employee.unitId, (v) => v.evaluatorId, (v) => v.status,
        (v) => v.result, (v) => v.behavior, (v) => (v.result && v.behavior ? computePredicate(v.result, v.behavior) : null), (v) => v.completedAt, (v) => v.version],
      progress, 'evaluations');
    await insertBatches(m, feedback,
      `INSERT INTO feedback (id, evaluation_id, employee_id, source, author_id, core_value, score, comment, created_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::smallint[], $8::text[], $9::timestamptz[])`,
      [(f) => f.id, (f) => f.evaluationId, (f) => f.employeeId, (f) => f.source, (f) => f.authorId, (f) => f.coreValue, (f) => f.score, (f) => f.comment, (f) => f.createdAt],
      progress, 'feedback');
    // Last year's organisation predicates, so the distribution curve warns on first start (DOMAIN.md).
    await m.query(
      `INSERT INTO organization_predicate (unit_id, year, predicate, set_by, set_at)
       SELECT u.unit_id, u.year, u.predicate, $4::uuid, '2026-01-31T10:00:00Z' FROM unnest($1::uuid[], $2::int[], $3::text[]) AS u(unit_id, year, predicate)`,
      [orgPredicates.map((o) => o.unitId), orgPredicates.map((o) => o.year), orgPredicates.map((o) => o.predicate), regency.admin.id],
    );
    // Pending outbox rows: the relay publishes them on first start (EVENTS.md, at-least-once).
    await insertBatches(m, events,
      `INSERT INTO ${OUTBOX_TABLE} (event_id, topic, aggregate_id, type, envelope, headers, created_at)
       SELECT e.event_id, e.topic, e.key, 'evaluation.completed', e.envelope, e.headers, e.created_at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[]) AS e(event_id, topic, key, envelope, headers, created_at)
        ORDER BY e.created_at, e.event_id`,
      [(e) => e.eventId, () => spec.topic, (e) => e.key, (e) => e.envelope, (e) => e.headers, (e) => e.createdAt],
      progress, 'outbox events');
  });
  return { evaluations: evaluations.length, feedback: feedback.length, events: events.length, organizationPredicates: orgPredicates.length };
}
