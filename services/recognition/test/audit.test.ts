// Audit trail (CONTRACT.md): every mutation records who, when, what, before and after in its own service's
// database (same transaction); ADMIN reads an entity's trail through the gateway, nobody else does.
// All five subgraphs run, so AuditTrail.entries (personnel) @requires every other subgraph's rows.
import { competencyService } from '@kinerja/competency';
import { evaluationService } from '@kinerja/evaluation';
import { goalsService } from '@kinerja/goals';
import { personnelService } from '@kinerja/personnel';
import { codeOf, graphql, graphqlOk, rowCounts, startGraph, waitFor, type TestGraph } from '@kinerja/testing';
import { recognitionService } from '../src';
import { cast, cleanKafka, COMPLETE, OPEN_CYCLE, RATE, seedRegency, START } from './helpers';

const TRAIL = `query($t: String!, $id: ID!) { auditTrail(entityType: $t, entityId: $id) { entityType entityId
  entries { entityType entityId action actorId actorService at before after reason } } }`;

interface Entry {
  entityType: string; entityId: string; action: string; actorId: string | null; actorService: string | null;
  at: string; before: string | null; after: string | null; reason: string | null;
}

describe('the audit trail through the gateway (all five subgraphs)', () => {
  let graph: TestGraph;
  let people: ReturnType<typeof cast>;
  let adminId: string;
  let admin: string;
  let employee: string;

  const trail = async (entityType: string, entityId: string): Promise<Entry[]> =>
    (await graphqlOk(graph.url, TRAIL, { t: entityType, id: entityId }, { token: admin })).auditTrail.entries as Entry[];
  const json = (s: string | null) => (s === null ? null : JSON.parse(s));
  /**
   * DOMAIN.md: an evaluation starts only with an approved SKP covering the period. The fixture writes
   * one approved plan (one UTAMA goal) into goals' database; the SKP flow itself is tested in goals.
   */
  const approvedPlan = async (employeeId: string, year: number) => {
    const [plan] = await graph.services.goals!.dataSource.query(
      `INSERT INTO performance_plan (employee_id, year, status, version, period_start, period_end, approved_at)
       VALUES ($1, $2, 'APPROVED', 3, make_date($2, 1, 1), make_date($2, 12, 31), now()) RETURNING id`, [employeeId, year]);
    const [goal] = await graph.services.goals!.dataSource.query(
      `INSERT INTO goal (plan_id, position, title, kind) VALUES ($1, 1, 'Terlaksananya layanan', 'UTAMA') RETURNING id`, [plan.id]);
    await graph.services.goals!.dataSource.query(
      `INSERT INTO indicator (goal_id, position, aspect, description, unit_of_measure, target, direction)
       VALUES ($1, 1, 'KUANTITAS', 'Jumlah layanan', 'layanan', 10, 'HIGHER_IS_BETTER')`, [goal.id]);
  };

  beforeAll(async () => {
    graph = await startGraph([personnelService, goalsService, competencyService, evaluationService, recognitionService], 'audit');
    const regency = await seedRegency(graph);
    people = cast(regency);
    adminId = regency.admin.id;
    admin = await graph.token(adminId, ['ADMIN', 'EMPLOYEE']);
    employee = await graph.token(people.teacher.id, ['EMPLOYEE']);
  }, 120_000);

  afterAll(async () => {
    await graph?.stop();
    if (graph) await cleanKafka(graph.topicPrefix);
  });

  it('personnel: updateEmployee records who, when, before and after; ADMIN reads it, others are FORBIDDEN', async () => {
    const t0 = Date.now();
    await graphqlOk(graph.url, `mutation($id: ID!) { updateEmployee(id: $id, input: { positionTitle: "Guru Ahli Madya" }) { id } }`,
      { id: people.teacher.id }, { token: admin });
    const entries = await trail('Employee', people.teacher.id);
    expect(entries).toHaveLength(1);
    const [e] = entries as [Entry];
    expect(e).toMatchObject({ entityType: 'Employee', entityId: people.teacher.id, action: 'updateEmployee', actorId: adminId, actorService: null, reason: null });
    expect(Date.parse(e.at)).toBeGreaterThanOrEqual(t0 - 5_000);
    expect(json(e.before).positionTitle).toBe(people.teacher.positionTitle);
    expect(json(e.after).positionTitle).toBe('Guru Ahli Madya');

    for (const token of [employee, await graph.token(people.disdikHead.id, ['EMPLOYEE']), await graph.token(people.outsider.id, ['ANALYST', 'EMPLOYEE'])]) {
      const r = await graphql(graph.url, TRAIL, { t: 'Employee', id: people.teacher.id }, { token });
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.data?.auditTrail ?? null).toBeNull();
    }
    expect(codeOf(await graphql(graph.url, TRAIL, { t: 'Employee', id: people.teacher.id }))).toBe('UNAUTHENTICATED');
  });

  it('a refused mutation leaves no audit entry in any service', async () => {
    const before = await Promise.all(Object.values(graph.databases).map((d) => rowCounts(d.url, ['audit_entry'])));
    const refusals = [
      [`mutation($id: ID!) { updateEmployee(id: $id, input: { positionTitle: "Guru Ahli Utama" }) { id } }`, { id: people.colleague.id }, employee, 'FORBIDDEN'],
      [`mutation { createCompetency(input: { code: "AUD-1", name: "Audit", kind: TECHNICAL }) { id } }`, {}, employee, 'FORBIDDEN'],
      [`mutation($e: ID!) { createPerformancePlan(employeeId: $e, year: 1900) { id } }`, { e: people.teacher.id }, admin, 'BAD_USER_INPUT'],
      [`mutation { setRewardPolicy(rules: "{", effectiveFrom: "2026-01-01") { version } }`, {}, admin, 'BAD_USER_INPUT'],
      [`mutation($e: ID!) { proposeSanction(employeeId: $e, level: LIGHT, violation: "Terlambat", reason: "Terlambat") { id } }`, { e: people.teacher.id }, employee, 'FORBIDDEN'],
    ] as const;
    for (const [query, vars, token, code] of refusals) {
      expect(codeOf(await graphql(graph.url, query, vars, { token }))).toBe(code);
    }
    const after = await Promise.all(Object.values(graph.databases).map((d) => rowCounts(d.url, ['audit_entry'])));
    expect(after).toEqual(before);
  });

  it('goals and competency: creates record a null before and the new row after', async () => {
    const plan = (await graphqlOk(graph.url, `mutation($e: ID!) { createPerformancePlan(employeeId: $e, year: 2026) { id } }`,
      { e: people.teacher.id }, { token: employee })).createPerformancePlan;
    const goal = (await graphqlOk(graph.url, `mutation($p: ID!) { addGoal(planId: $p, input: { title: "Nilai rata-rata kelas", indicator: "Rata-rata nilai ujian", unitOfMeasure: "nilai", target: 80, direction: HIGHER_IS_BETTER }) { id } }`,
      { p: plan.id }, { token: employee })).addGoal;
    await graphqlOk(graph.url, `mutation($id: ID!) { updateGoal(id: $id, input: { title: "Nilai rata-rata kelas VI", indicator: "Rata-rata nilai ujian", unitOfMeasure: "nilai", target: 85, direction: HIGHER_IS_BETTER }) { id } }`,
      { id: goal.id }, { token: employee });
    const planTrail = await trail('PerformancePlan', plan.id);
    expect(planTrail.map((e) => [e.action, e.actorId])).toEqual([['createPerformancePlan', people.teacher.id]]);
    expect(json(planTrail[0]!.before)).toBeNull();
    expect(json(planTrail[0]!.after)).toMatchObject({ id: plan.id, status: 'DRAFT', year: 2026 });
    const goalTrail = await trail('Goal', goal.id);
    expect(goalTrail.map((e) => e.action)).toEqual(['addGoal', 'updateGoal']);
    expect(json(goalTrail[1]!.before)).toMatchObject({ target: 80, title: 'Nilai rata-rata kelas' });
    expect(json(goalTrail[1]!.after)).toMatchObject({ target: 85, title: 'Nilai rata-rata kelas VI' });

    const competency = (await graphqlOk(graph.url, `mutation { createCompetency(input: { code: "AUD-2", name: "Audit internal", kind: TECHNICAL }) { id } }`,
      {}, { token: admin })).createCompetency;
    const c = await trail('Competency', competency.id);
    expect(c).toMatchObject([{ action: 'createCompetency', actorId: adminId, before: null }]);
    expect(json(c[0]!.after)).toMatchObject({ code: 'AUD-2', kind: 'TECHNICAL' });
  });

  it('evaluation and recognition: the consumer\'s reward decision shows the consumer and its reasons; a sanction shows who and why', async () => {
    const cycle = await graphqlOk(graph.url, OPEN_CYCLE, {
      input: { name: 'Penilaian Kinerja Tahunan 2026', year: 2026, periodType: 'ANNUAL', period: null, opensOn: '2026-01-01', closesOn: '2026-12-31' },
    }, { token: admin });
    await approvedPlan(people.colleague.id, 2026);
    const started = await graphqlOk(graph.url, START, { e: people.colleague.id, c: cycle.openEvaluationCycle.id }, { token: admin });
    const id = started.startEvaluation.id as string;
    const rated = await graphqlOk(graph.url, RATE, { id, r: 'ABOVE_EXPECTATION', b: 'ABOVE_EXPECTATION', v: started.startEvaluation.version }, { token: admin });
    await graphqlOk(graph.url, COMPLETE, { id, v: rated.rateEvaluation.version }, { token: admin });

    const evaluationTrail = await trail('Evaluation', id);
    expect(evaluationTrail.map((e) => e.action)).toEqual(['startEvaluation', 'rateEvaluation', 'completeEvaluation']);
    expect(json(evaluationTrail[2]!.before)).toMatchObject({ status: 'DRAFT' });
    expect(json(evaluationTrail[2]!.after)).toMatchObject({ status: 'COMPLETED', predicate: 'SANGAT_BAIK' });
    expect(evaluationTrail.every((e) => e.actorId === adminId)).toBe(true);

    const Q = `query($id: ID!) { evaluation(id: $id) { rewardDecision { id reasons } } }`;
    const decision = await waitFor(async () => (await graphqlOk(graph.url, Q, { id }, { token: admin })).evaluation.rewardDecision,
      { timeoutMs: 20_000, everyMs: 50 }) as { id: string; reasons: string[] };
    const [decided] = await trail('RewardDecision', decision.id);
    expect(decided).toMatchObject({ action: 'decideReward', actorId: null, actorService: 'recognition-consumer', reason: decision.reasons.join(' ') });
    expect(json(decided!.after)).toMatchObject({ id: decision.id, evaluationId: id, predicate: 'SANGAT_BAIK', reasons: decision.reasons });

    // A discipline case (PP 94/2021): opened by the direct superior, examined, imposed by ADMIN.
    const boss = await graph.token(people.teacherBoss.id, ['EMPLOYEE']);
    const proposed = (await graphqlOk(graph.url, `mutation($e: ID!) { proposeSanction(employeeId: $e, level: LIGHT, violation: "Terlambat hadir lima kali", reason: "Terlambat hadir lima kali") { id } }`,
      { e: people.teacher.id }, { token: boss })).proposeSanction;
    await graphqlOk(graph.url, `mutation($id: ID!, $x: [ID!]!) { recordExamination(sanctionId: $id, heldOn: "2026-04-20", examinerIds: $x, record: "Berita acara") { id } }`,
      { id: proposed.id, x: [people.teacherBoss.id] }, { token: boss });
    await graphqlOk(graph.url, `mutation($id: ID!) { decideSanction(id: $id, impose: true, reason: "Terbukti dari rekap presensi", type: ORAL_REPRIMAND, startsOn: "2026-05-04") { id } }`,
      { id: proposed.id }, { token: admin });
    const sanction = await trail('Sanction', proposed.id);
    expect(sanction.map((e) => [e.action, e.actorId, e.reason])).toEqual([
      ['proposeSanction', people.teacherBoss.id, 'Terlambat hadir lima kali'],
      ['recordExamination', people.teacherBoss.id, 'Examined on 2026-04-20 by 1 examiner'],
      ['decideSanction', adminId, 'Terbukti dari rekap presensi'],
    ]);
    expect(json(sanction[2]!.before)).toMatchObject({ status: 'EXAMINED' });
    expect(json(sanction[2]!.after)).toMatchObject({ status: 'IMPOSED', type: 'ORAL_REPRIMAND' });
  });

  it('competency: an activity and an enrollment\'s whole life (enroll, attendance, completion, cancellation) are in the trail', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const activity = (await graphqlOk(graph.url, 'mutation($i: LearningActivityInput!) { createLearningActivity(input: $i) { id } }', {
      i: { title: 'Bimtek Kurikulum Merdeka', kind: 'WORKSHOP', organizerUnitId: people.sd.id, participatingUnitIds: [people.sd.id],
        startsOn: `${today.slice(0, 8)}01`, endsOn: `${today.slice(0, 4)}-12-31`, hours: 8, capacity: 40 },
    }, { token: admin })).createLearningActivity;
    const a = await trail('LearningActivity', activity.id);
    expect(a).toMatchObject([{ action: 'createLearningActivity', actorId: adminId, before: null }]);
    expect(json(a[0]!.after)).toMatchObject({ title: 'Bimtek Kurikulum Merdeka', hours: 8, capacity: 40 });

    const enrolled = (await graphqlOk(graph.url, 'mutation($a: ID!, $e: ID!) { enroll(activityId: $a, employeeId: $e) { id } }',
      { a: activity.id, e: people.teacher.id }, { token: employee })).enroll;
    await graphqlOk(graph.url, 'mutation($id: ID!) { recordAttendance(enrollmentId: $id, attended: true) { id } }', { id: enrolled.id }, { token: admin });
    await graphqlOk(graph.url, 'mutation($id: ID!) { completeEnrollment(enrollmentId: $id) { id } }', { id: enrolled.id }, { token: admin });
    const e = await trail('Enrollment', enrolled.id);
    expect(e.map((x) => [x.action, x.actorId])).toEqual([
      ['enroll', people.teacher.id], ['recordAttendance', adminId], ['completeEnrollment', adminId],
    ]);
    expect(json(e[0]!.after)).toMatchObject({ status: 'ENROLLED', employeeId: people.teacher.id, activityId: activity.id });
    expect([json(e[1]!.before).status, json(e[1]!.after).status]).toEqual(['ENROLLED', 'ATTENDED']);
    expect([json(e[2]!.before).status, json(e[2]!.after).status]).toEqual(['ATTENDED', 'COMPLETED']);
    expect(json(e[2]!.after)).toMatchObject({ creditedHours: 8 });

    // Cancelling is only before an activity starts.
    const upcoming = (await graphqlOk(graph.url, 'mutation($i: LearningActivityInput!) { createLearningActivity(input: $i) { id } }', {
      i: { title: 'Diklat Kepemimpinan', kind: 'TRAINING', organizerUnitId: people.sd.id, participatingUnitIds: [people.sd.id],
        startsOn: '2027-03-01', endsOn: '2027-03-03', hours: 24, capacity: 30 },
    }, { token: admin })).createLearningActivity;
    const other = (await graphqlOk(graph.url, 'mutation($a: ID!, $e: ID!) { enroll(activityId: $a, employeeId: $e) { id } }',
      { a: upcoming.id, e: people.colleague.id }, { token: admin })).enroll;
    await graphqlOk(graph.url, 'mutation($id: ID!) { cancelEnrollment(enrollmentId: $id) { id } }', { id: other.id }, { token: admin });
    const c = await trail('Enrollment', other.id);
    expect(c.map((x) => x.action)).toEqual(['enroll', 'cancelEnrollment']);
    expect(json(c[1]!.after)).toMatchObject({ status: 'CANCELLED' });
  });

  it('recognition: a new reward policy version and a granted award name ADMIN, with the stored values', async () => {
    const rules = (await graphqlOk(graph.url, '{ rewardPolicy { rules } }', {}, { token: admin })).rewardPolicy.rules as string;
    const set = (await graphqlOk(graph.url, 'mutation($r: String!) { setRewardPolicy(rules: $r, effectiveFrom: "2031-01-01") { version } }',
      { r: rules }, { token: admin })).setRewardPolicy;
    const p = await trail('RewardPolicy', String(set.version));
    expect(p).toMatchObject([{ action: 'setRewardPolicy', actorId: adminId, before: null }]);
    expect(json(p[0]!.after)).toMatchObject({ version: set.version, effectiveFrom: '2031-01-01' });

    const cycle = await graphqlOk(graph.url, OPEN_CYCLE, {
      input: { name: 'Penilaian Kinerja Tahunan 2027', year: 2027, periodType: 'ANNUAL', period: null, opensOn: '2027-01-01', closesOn: '2027-12-31' },
    }, { token: admin });
    await approvedPlan(people.clerk.id, 2027);
    const started = await graphqlOk(graph.url, START, { e: people.clerk.id, c: cycle.openEvaluationCycle.id }, { token: admin });
    const rated = await graphqlOk(graph.url, RATE, { id: started.startEvaluation.id, r: 'ABOVE_EXPECTATION', b: 'ABOVE_EXPECTATION', v: started.startEvaluation.version }, { token: admin });
    await graphqlOk(graph.url, COMPLETE, { id: started.startEvaluation.id, v: rated.rateEvaluation.version }, { token: admin });
    const decision = await waitFor(async () => (await graphqlOk(graph.url, `query($id: ID!) { evaluation(id: $id) { rewardDecision { id } } }`,
      { id: started.startEvaluation.id }, { token: admin })).evaluation.rewardDecision, { timeoutMs: 20_000, everyMs: 50 }) as { id: string };
    const award = (await graphqlOk(graph.url, 'mutation($d: ID!) { grantAward(decisionId: $d, kind: CERTIFICATE, title: "Pegawai Teladan 2027") { id } }',
      { d: decision.id }, { token: admin })).grantAward;
    const w = await trail('Award', award.id);
    expect(w).toMatchObject([{ action: 'grantAward', actorId: adminId, before: null }]);
    expect(json(w[0]!.after)).toMatchObject({ kind: 'CERTIFICATE', title: 'Pegawai Teladan 2027', decisionId: decision.id, employeeId: people.clerk.id });
  });

  it('evaluation: a colleague\'s feedback is on the evaluation\'s trail; public feedback names no actor, no request and no identity', async () => {
    const cycle = await graphqlOk(graph.url, OPEN_CYCLE, {
      input: { name: 'Penilaian Kinerja Tahunan 2028', year: 2028, periodType: 'ANNUAL', period: null, opensOn: '2028-01-01', closesOn: '2028-12-31' },
    }, { token: admin });
    await approvedPlan(people.teacher.id, 2028);
    const started = await graphqlOk(graph.url, START, { e: people.teacher.id, c: cycle.openEvaluationCycle.id }, { token: admin });
    const colleague = await graph.token(people.colleague.id, ['EMPLOYEE']);
    const given = (await graphqlOk(graph.url, 'mutation($id: ID!, $i: FeedbackInput!) { giveFeedback(evaluationId: $id, input: $i) { id } }',
      { id: started.startEvaluation.id, i: { source: 'PEER', coreValue: 'KOLABORATIF', score: 4, comment: 'Selalu membantu rekan' } }, { token: colleague })).giveFeedback;
    const onEvaluation = await trail('Evaluation', started.startEvaluation.id);
    const feedbackEntry = onEvaluation.find((x) => x.action === 'giveFeedback')!;
    expect(feedbackEntry.actorId).toBe(people.colleague.id);
    expect(json(feedbackEntry.after)).toMatchObject({ id: given.id, source: 'PEER', score: 4 });

    const before = await graph.services.evaluation!.dataSource.query('SELECT id FROM feedback') as Array<{ id: string }>;
    const sent = await graphql(graph.url, 'mutation($n: String) { submitPublicFeedback(input: { employeeNip: $n, coreValue: BERORIENTASI_PELAYANAN, score: 5, comment: "Pelayanan cepat" }) }',
      { n: people.clerk.nip });
    expect(sent.errors).toBeUndefined();
    const known = new Set(before.map((r) => r.id));
    const [created] = (await graph.services.evaluation!.dataSource.query('SELECT id FROM feedback') as Array<{ id: string }>).filter((r) => !known.has(r.id));
    const publicTrail = await trail('Feedback', created!.id);
    expect(publicTrail).toMatchObject([{ action: 'submitPublicFeedback', actorId: null, actorService: null }]);
    const after = json(publicTrail[0]!.after);
    expect(after).toMatchObject({ score: 5, comment: 'Pelayanan cepat' });
    expect(after.author_id ?? null).toBeNull();
    expect(Object.keys(after).filter((k) => /client|address|token|hash/i.test(k))).toEqual([]);
    const [row] = await graph.services.evaluation!.dataSource.query('SELECT request_id, actor_roles FROM audit_entry WHERE entity_type = $1 AND entity_id = $2',
      ['Feedback', created!.id]) as Array<{ request_id: string | null; actor_roles: string[] }>;
    expect(row).toEqual({ request_id: null, actor_roles: [] });
  });

  it('an unknown entity has an empty trail, and the per-service fields are not in the public schema', async () => {
    expect(await trail('Employee', '00000000-0000-0000-0000-000000000000')).toEqual([]);
    const r = await graphql(graph.url, `query { auditTrail(entityType: "Goal", entityId: "x") { goalsAuditEntries { action } } }`, {}, { token: admin });
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
