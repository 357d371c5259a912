// Recognition's lawful follow-ups through the gateway, with personnel: decisions come from real
// evaluation.completed events on Kafka. PPPK and promotion, the improvement track (PP 30/2019
// art. 56-58), a discipline case with a TPP cut (PP 94/2021), a superseded evaluation, and a late
// annual predicate revising the next year's decision, in either order of arrival.
import { personnelService } from '@kinerja/personnel';
import { codeOf, graphql, graphqlOk, startGraph, waitFor, type TestGraph } from '@kinerja/testing';
import type { DemoEmployee, DemoRegency } from '@kinerja/demo-regency';
import type { DataSource } from 'typeorm';
import { recognitionService, WITHDRAWN_REASON, type RunningRecognition } from '../src';
import { addDays, addMonths, wibDate } from '../src/domain/dates';
import { cleanKafka, completedEvent, eventProducer, seedRegency, waitForDecision } from './helpers';

const DECISION = 'id year predicate status revision followUp promotionEligible certificateEligible allowancePercent sanctionRecommended creditPoints reasons revises { id status revision reasons }';
const GRANT = `mutation($d: ID!, $k: AwardKind!) { grantAward(decisionId: $d, kind: $k, title: "Penghargaan") { id } }`;
const REVIEW = `mutation($p: ID!, $o: ImprovementStatus!, $r: String!) { reviewImprovementPlan(planId: $p, outcome: $o, reason: $r) { id status steps { status decidedOn decidedBy { id } reason } } }`;

describe('recognition follow-ups through the gateway', () => {
  let graph: TestGraph;
  let ds: DataSource;
  let regency: DemoRegency;
  let producer: Awaited<ReturnType<typeof eventProducer>>;
  let adminToken: string;
  const tokenOf = (e: DemoEmployee) => graph.token(e.id, ['EMPLOYEE']);
  const used = new Set<string>();
  /** A distinct active PNS (or PPPK) employee with a supervisor, not used by another case. */
  const someone = (pred: (e: DemoEmployee) => boolean = () => true): DemoEmployee => {
    const e = regency.employees.find((x) => x.status === 'ACTIVE' && x.supervisorId && !used.has(x.id) && !used.has(x.supervisorId) && pred(x))!;
    used.add(e.id);
    used.add(e.supervisorId!);
    return e;
  };
  const decisionsOf = async (e: DemoEmployee, token = adminToken) =>
    (await graphqlOk(graph.url, `query($id: ID!) { employee(id: $id) { rewardDecisions { ${DECISION} } } }`, { id: e.id }, { token })).employee.rewardDecisions as Array<Record<string, any>>;

  beforeAll(async () => {
    graph = await startGraph([personnelService, recognitionService], 'recognition-follow-ups');
    regency = await seedRegency(graph);
    const recognition = graph.services.recognition as unknown as RunningRecognition;
    ds = recognition.dataSource;
    adminToken = await graph.token(regency.admin.id, ['ADMIN', 'EMPLOYEE']);
    used.add(regency.admin.id);
    await (await recognition.consumer!.started)!.ready;
    producer = await eventProducer(graph.topicPrefix);
  });

  afterAll(async () => {
    await producer?.stop();
    await graph?.stop();
    if (graph) await cleanKafka(graph.topicPrefix);
  });

  it('never finds a PPPK promotion-eligible, says why, and refuses the promotion recommendation', async () => {
    const pppk = someone((e) => e.employmentType === 'PPPK');
    // No employmentType on the events: recognition asks personnel's directory.
    const first = completedEvent({ employee: pppk, predicate: 'SANGAT_BAIK', year: 2025 });
    await producer.send(first);
    await waitForDecision(ds, first.data.evaluationId);
    const second = completedEvent({ employee: pppk, predicate: 'SANGAT_BAIK', year: 2026 });
    await producer.send(second);
    const decided = await waitForDecision(ds, second.data.evaluationId);
    const decisions = await decisionsOf(pppk, await tokenOf(pppk));
    expect(decisions.map((d) => [d.year, d.predicate, d.promotionEligible, d.certificateEligible, d.sanctionRecommended, d.followUp])).toEqual([
      [2025, 'SANGAT_BAIK', false, true, null, 'NONE'], [2026, 'SANGAT_BAIK', false, true, null, 'NONE'],
    ]);
    for (const d of decisions) expect(d.reasons).toContain('Promotion: not applicable; a PPPK has no pangkat, and promotion (kenaikan pangkat, PP 99/2000) is for PNS only.');
    const refused = await graphql(graph.url, GRANT, { d: decided.id, k: 'PROMOTION_RECOMMENDATION' }, { token: adminToken });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toBe('kind: a PPPK has no pangkat: a promotion recommendation is for PNS only (PP 99/2000)');
    await graphqlOk(graph.url, GRANT, { d: decided.id, k: 'CERTIFICATE' }, { token: adminToken });
  });

  it('opens an improvement plan for KURANG owned by the direct supervisor, refuses the review a day early, and takes the outcomes in order with the right people', async () => {
    const today = wibDate();
    // A plan that opened 6 months before tomorrow: its review is due tomorrow.
    const early = someone((e) => e.employmentType === 'PNS');
    const opensEarly = addMonths(addDays(today, 1), -6);
    const earlyEvent = completedEvent({ employee: early, predicate: 'KURANG', year: 2025, completedAt: `${opensEarly}T05:00:00.000Z` });
    // A plan that opened a year ago: its review is due.
    const low = someone((e) => e.employmentType === 'PNS');
    const lowEvent = completedEvent({ employee: low, predicate: 'SANGAT_KURANG', year: 2025, completedAt: `${addMonths(today, -12)}T05:00:00.000Z` });
    await producer.send(earlyEvent);
    await producer.send(lowEvent);
    await waitForDecision(ds, earlyEvent.data.evaluationId);
    const lowDecision = await waitForDecision(ds, lowEvent.data.evaluationId);
    const PLANS = `query($id: ID!) { employee(id: $id) { improvementPlans { id status opensOn reviewDueOn owner { id } decision { id followUp } employee { id } sessions { heldOn notes by { id } } steps { status decidedBy { id } reason } } } }`;

    const lowOwner = regency.employeeById.get(low.supervisorId!)!;
    const ownerToken = await tokenOf(lowOwner);
    const mine = await waitFor(async () => {
      const data = await graphqlOk(graph.url, PLANS, { id: low.id }, { token: await tokenOf(low) });
      return data.employee.improvementPlans.length > 0 ? data.employee.improvementPlans : null;
    });
    expect(mine).toEqual([expect.objectContaining({
      status: 'OPEN', owner: { id: lowOwner.id }, decision: { id: lowDecision.id, followUp: 'IMPROVEMENT_TRACK' }, employee: { id: low.id },
      opensOn: addMonths(today, -12), reviewDueOn: addMonths(addMonths(today, -12), 6), sessions: [],
      steps: [{ status: 'OPEN', decidedBy: null, reason: expect.stringMatching(/^Opened by the 2025 annual predicate SANGAT_KURANG/) }],
    })]);
    const planId = mine[0].id;
    // The owner (the evaluator, the direct supervisor) and the unit's head see it; a colleague does not.
    await graphqlOk(graph.url, PLANS, { id: low.id }, { token: ownerToken });
    const head = regency.employeeById.get(regency.units.find((u) => u.id === low.unitId)!.headId!)!;
    if (head.id !== low.id) await graphqlOk(graph.url, PLANS, { id: low.id }, { token: await tokenOf(head) });
    const colleague = regency.employees.find((e) => e.unitId !== low.unitId && e.status === 'ACTIVE' && e.positionKind === 'PELAKSANA' && !used.has(e.id))!;
    const colleagueToken = await tokenOf(colleague);
    expect(codeOf(await graphql(graph.url, PLANS, { id: low.id }, { token: colleagueToken }))).toBe('FORBIDDEN');

    // A day early: refused, naming the date.
    const earlyPlan = await waitFor(async () => (await ds.query('SELECT id, review_due_on::text AS due FROM improvement_plan WHERE employee_id = $1', [early.id]))[0]);
    expect(earlyPlan.due).toBe(addDays(today, 1));
    const earlyOwner = await tokenOf(regency.employeeById.get(early.supervisorId!)!);
    const tooEarly = await graphql(graph.url, REVIEW, { p: earlyPlan.id, o: 'IMPROVED', r: 'Targets met' }, { token: earlyOwner });
    expect(codeOf(tooEarly)).toBe('BAD_USER_INPUT');
    expect(tooEarly.errors?.[0]?.message).toBe(`outcome: the review is due on ${addDays(today, 1)} (6 months after the plan opened, PP 30/2019 art. 56); it cannot be decided before then`);

    // Targets and coaching by the owner only.
    const TARGETS = `mutation($p: ID!, $t: String!) { setImprovementTargets(planId: $p, targets: $t) { targets } }`;
    expect(codeOf(await graphql(graph.url, TARGETS, { p: planId, t: 'Finish the backlog' }, { token: colleagueToken }))).toBe('FORBIDDEN');
    const targets = await graphqlOk(graph.url, TARGETS, { p: planId, t: 'Clear the 40 pending permit files by June' }, { token: ownerToken });
    expect(targets.setImprovementTargets.targets).toBe('Clear the 40 pending permit files by June');

    const COACH = `mutation($p: ID!, $d: Date!, $n: String!) { recordCoachingSession(planId: $p, heldOn: $d, notes: $n) { sessions { heldOn notes by { id } } } }`;
    expect(codeOf(await graphql(graph.url, COACH, { p: planId, d: today, n: 'Weekly check-in' }, { token: colleagueToken }))).toBe('FORBIDDEN');
    expect(codeOf(await graphql(graph.url, COACH, { p: planId, d: today, n: 'Weekly check-in' }, { token: adminToken }))).toBe('FORBIDDEN');
    const coached = await graphqlOk(graph.url, COACH, { p: planId, d: today, n: 'Weekly check-in on the SKP targets' }, { token: ownerToken });
    expect(coached.recordCoachingSession.sessions).toEqual([{ heldOn: today, notes: 'Weekly check-in on the SKP targets', by: { id: lowOwner.id } }]);

    // The outcomes in DOMAIN.md's order, each by the right person; everyone else FORBIDDEN.
    const forbidden: Array<[string, string]> = [['RETEST', colleagueToken], ['RETEST', adminToken], ['TRANSFER', ownerToken]];
    for (const [o, token] of forbidden) expect(codeOf(await graphql(graph.url, REVIEW, { p: planId, o, r: 'Because' }, { token }))).toBe('FORBIDDEN');
    const outOfOrder = await graphql(graph.url, REVIEW, { p: planId, o: 'TRANSFER', r: 'Skip ahead' }, { token: adminToken });
    expect(outOfOrder.errors?.[0]?.message).toBe('outcome: after OPEN the next step is IMPROVED or RETEST, not TRANSFER');
    await graphqlOk(graph.url, REVIEW, { p: planId, o: 'RETEST', r: 'Targets not met; competency retest' }, { token: ownerToken });
    expect(codeOf(await graphql(graph.url, REVIEW, { p: planId, o: 'TRANSFER', r: 'Retest failed' }, { token: ownerToken }))).toBe('FORBIDDEN');
    await graphqlOk(graph.url, REVIEW, { p: planId, o: 'TRANSFER', r: 'Retest failed; transfer to a lower post' }, { token: adminToken });
    const skip = await graphql(graph.url, REVIEW, { p: planId, o: 'DISCHARGE_RECOMMENDED', r: 'Skip' }, { token: adminToken });
    expect(skip.errors?.[0]?.message).toBe('outcome: after TRANSFER the next step is IMPROVED or TEMPORARY_POST, not DISCHARGE_RECOMMENDED');
    await graphqlOk(graph.url, REVIEW, { p: planId, o: 'TEMPORARY_POST', r: 'No improvement after the transfer' }, { token: adminToken });
    const last = await graphqlOk(graph.url, REVIEW, { p: planId, o: 'DISCHARGE_RECOMMENDED', r: 'No improvement in the temporary post' }, { token: adminToken });
    const adminId = regency.admin.id;
    expect(last.reviewImprovementPlan.steps.map((s: any) => [s.status, s.decidedBy?.id ?? null, s.reason])).toEqual([
      ['OPEN', null, expect.any(String)],
      ['RETEST', lowOwner.id, 'Targets not met; competency retest'],
      ['TRANSFER', adminId, 'Retest failed; transfer to a lower post'],
      ['TEMPORARY_POST', adminId, 'No improvement after the transfer'],
      ['DISCHARGE_RECOMMENDED', adminId, 'No improvement in the temporary post'],
    ]);
    // Each step in the audit trail and on kinerja.improvement.changed.v1.
    const audit = await ds.query(`SELECT action, actor_id, reason FROM audit_entry WHERE entity_type = 'ImprovementPlan' AND entity_id = $1 ORDER BY id`, [planId]);
    expect(audit.map((a: any) => [a.action, a.actor_id])).toEqual([
      ['openImprovementPlan', null], ['setImprovementTargets', lowOwner.id], ['recordCoachingSession', lowOwner.id], ['reviewImprovementPlan', lowOwner.id],
      ['reviewImprovementPlan', adminId], ['reviewImprovementPlan', adminId], ['reviewImprovementPlan', adminId],
    ]);
    const events = await ds.query(`SELECT envelope FROM outbox WHERE type = 'improvement.changed' AND envelope->'data'->>'planId' = $1 ORDER BY id`, [planId]);
    expect(events.map((e: any) => [e.envelope.data.status, e.envelope.data.decidedBy])).toEqual([
      ['OPEN', null], ['RETEST', lowOwner.id], ['TRANSFER', adminId], ['TEMPORARY_POST', adminId], ['DISCHARGE_RECOMMENDED', adminId],
    ]);
  });

  it('examines and imposes a moderate 9-month TPP cut, which lowers exactly nine months of the allowance', async () => {
    const employee = someone((e) => e.employmentType === 'PNS');
    const superior = regency.employeeById.get(employee.supervisorId!)!;
    const superiorToken = await tokenOf(superior);
    const event = completedEvent({ employee, predicate: 'BAIK', year: 2026 });
    await producer.send(event);
    await waitForDecision(ds, event.data.evaluationId);
    const PROPOSE = `mutation($e: ID!, $v: String!) { proposeSanction(employeeId: $e, level: MODERATE, violation: $v, reason: "Reported by the unit") { id status violation } }`;
    const outsider = await tokenOf(regency.employees.find((e) => !used.has(e.id) && e.status === 'ACTIVE' && e.id !== superior.id && e.unitId !== employee.unitId)!);
    expect(codeOf(await graphql(graph.url, PROPOSE, { e: employee.id, v: 'Absent 12 days' }, { token: outsider }))).toBe('FORBIDDEN');
    const proposed = (await graphqlOk(graph.url, PROPOSE, { e: employee.id, v: 'Absent without leave for 12 working days' }, { token: superiorToken })).proposeSanction;
    expect(proposed).toMatchObject({ status: 'PROPOSED', violation: 'Absent without leave for 12 working days' });

    const EXAMINE = `mutation($s: ID!, $d: Date!, $x: [ID!]!) { recordExamination(sanctionId: $s, heldOn: $d, examinerIds: $x, record: "Berita acara pemeriksaan") { status examinations { heldOn examiners { id } } } }`;
    const DECIDE = `mutation($s: ID!, $t: SanctionType, $from: Date) { decideSanction(id: $s, impose: true, type: $t, startsOn: $from) { status type startsOn endsOn } }`;
    const heldOn = wibDate();
    const early = await graphql(graph.url, DECIDE, { s: proposed.id, t: 'TPP_CUT_9_MONTHS', from: '2026-03-01' }, { token: adminToken });
    expect(early.errors?.[0]?.message).toBe('impose: the case has no examination record yet; recordExamination first (PP 94/2021 art. 27)');
    const alone = await graphql(graph.url, EXAMINE, { s: proposed.id, d: heldOn, x: [superior.id] }, { token: superiorToken });
    expect(alone.errors?.[0]?.message).toBe('examinerIds: a MODERATE case is examined by a panel of at least two (PP 94/2021 art. 28)');
    const withoutSuperior = await graphql(graph.url, EXAMINE, { s: proposed.id, d: heldOn, x: [regency.admin.id, outsiderId()] }, { token: adminToken });
    expect(withoutSuperior.errors?.[0]?.message).toBe('examinerIds: must include the employee\'s direct superior, who must examine (PP 94/2021 art. 27)');
    const examined = await graphqlOk(graph.url, EXAMINE, { s: proposed.id, d: heldOn, x: [superior.id, regency.admin.id] }, { token: superiorToken });
    expect(examined.recordExamination).toEqual({ status: 'EXAMINED', examinations: [{ heldOn, examiners: [{ id: superior.id }, { id: regency.admin.id }] }] });
    expect(codeOf(await graphql(graph.url, DECIDE, { s: proposed.id, t: 'TPP_CUT_9_MONTHS', from: '2026-03-01' }, { token: superiorToken }))).toBe('FORBIDDEN');
    const wrongType = await graphql(graph.url, DECIDE, { s: proposed.id, t: 'WRITTEN_REPRIMAND', from: '2026-03-01' }, { token: adminToken });
    expect(wrongType.errors?.[0]?.message).toMatch(/^type: WRITTEN_REPRIMAND is a LIGHT sanction; a MODERATE case takes TPP_CUT_6_MONTHS/);
    const imposed = await graphqlOk(graph.url, DECIDE, { s: proposed.id, t: 'TPP_CUT_9_MONTHS', from: '2026-03-01' }, { token: adminToken });
    expect(imposed.decideSanction).toEqual({ status: 'IMPOSED', type: 'TPP_CUT_9_MONTHS', startsOn: '2026-03-01', endsOn: '2026-11-30' });

    const months = Array.from({ length: 12 }, (_, i) => `m${i + 1}: allowance(year: 2026, month: ${i + 1}) { month percent reasons }`).join(' ');
    const data = await graphqlOk(graph.url, `query($id: ID!) { employee(id: $id) { ${months} } }`, { id: employee.id }, { token: await tokenOf(employee) });
    const percents = Array.from({ length: 12 }, (_, i) => data.employee[`m${i + 1}`].percent);
    expect(percents).toEqual([100, 100, 75, 75, 75, 75, 75, 75, 75, 75, 75, 100]);
    expect(data.employee.m3.reasons).toEqual([
      'Allowance (TPP): the 2026 annual predicate BAIK earns 100% (policy version 1).',
      'Discipline case (PP 94/2021 art. 8(3)): TPP_CUT_9_MONTHS from 2026-03-01 to 2026-11-30 cuts 25 percentage points of the allowance this month (100% → 75%).',
    ]);
    const events = await ds.query(`SELECT envelope FROM outbox WHERE type = 'sanction.decided' AND envelope->'data'->>'sanctionId' = $1 ORDER BY id`, [proposed.id]);
    expect(events.map((e: any) => e.envelope.data.status)).toEqual(['PROPOSED', 'EXAMINED', 'IMPOSED']);
    expect(events[2].envelope.data).toMatchObject({ type: 'TPP_CUT_9_MONTHS', startsOn: '2026-03-01', endsOn: '2026-11-30' });

    function outsiderId(): string {
      return regency.employees.find((e) => e.status === 'ACTIVE' && e.id !== employee.id && e.id !== superior.id && e.id !== regency.admin.id)!.id;
    }
  });

  it('dismisses a case with a reason (DISMISSED, not REVOKED)', async () => {
    const employee = someone();
    const superiorToken = await tokenOf(regency.employeeById.get(employee.supervisorId!)!);
    const { proposeSanction: s } = await graphqlOk(graph.url, `mutation($e: ID!) { proposeSanction(employeeId: $e, level: LIGHT, violation: "Late five times", reason: "Attendance record") { id } }`, { e: employee.id }, { token: superiorToken });
    const DISMISS = `mutation($s: ID!, $r: String) { decideSanction(id: $s, impose: false, reason: $r) { status history { status reason } } }`;
    expect((await graphql(graph.url, DISMISS, { s: s.id }, { token: adminToken })).errors?.[0]?.message).toBe('reason: is required when dismissing a case');
    const dismissed = await graphqlOk(graph.url, DISMISS, { s: s.id, r: 'Leave was approved after all' }, { token: adminToken });
    expect(dismissed.decideSanction).toEqual({ status: 'DISMISSED', history: [{ status: 'PROPOSED', reason: 'Attendance record' }, { status: 'DISMISSED', reason: 'Leave was approved after all' }] });
  });

  it('marks a superseded evaluation\'s decision SUPERSEDED, withdraws its open plan, refuses awards on it, and decides the new evaluation afresh', async () => {
    const employee = someone((e) => e.employmentType === 'PNS');
    const old = completedEvent({ employee, predicate: 'KURANG', year: 2026 });
    await producer.send(old);
    const oldDecision = await waitForDecision(ds, old.data.evaluationId);
    await waitFor(async () => (await ds.query('SELECT id FROM improvement_plan WHERE evaluation_id = $1', [old.data.evaluationId]))[0]);
    const corrected = completedEvent({ employee, predicate: 'BAIK', year: 2026, completedAt: '2027-02-01T03:00:00.000Z' });
    corrected.data.supersedes = old.data.evaluationId;
    await producer.send(corrected);
    const fresh = await waitForDecision(ds, corrected.data.evaluationId);
    const Q = `query($id: ID!) { rewardDecision(id: $id) { status predicate followUp } }`;
    expect((await graphqlOk(graph.url, Q, { id: oldDecision.id }, { token: adminToken })).rewardDecision).toEqual({ status: 'SUPERSEDED', predicate: 'KURANG', followUp: 'IMPROVEMENT_TRACK' });
    expect((await graphqlOk(graph.url, Q, { id: fresh.id }, { token: adminToken })).rewardDecision).toEqual({ status: 'ACTIVE', predicate: 'BAIK', followUp: 'NONE' });
    const refused = await graphql(graph.url, GRANT, { d: oldDecision.id, k: 'PERFORMANCE_ALLOWANCE' }, { token: adminToken });
    expect(refused.errors?.[0]?.message).toBe('kind: the decision is SUPERSEDED: its evaluation was superseded, so it earns no award');
    const plans = await graphqlOk(graph.url, `query($id: ID!) { employee(id: $id) { improvementPlans { status steps { status decidedBy { id } reason } } } }`, { id: employee.id }, { token: adminToken });
    expect(plans.employee.improvementPlans).toEqual([{ status: 'WITHDRAWN', steps: [expect.objectContaining({ status: 'OPEN' }), { status: 'WITHDRAWN', decidedBy: null, reason: WITHDRAWN_REASON }] }]);
    await graphqlOk(graph.url, GRANT, { d: fresh.id, k: 'PERFORMANCE_ALLOWANCE' }, { token: adminToken });
  });

  it('gives the same final decisions whether the 2025 annual predicate arrives before or after 2026, and ignores redelivery', async () => {
    // Two PNS of the same position title: the same facts, so the same decisions.
    const byTitle = new Map<string, DemoEmployee[]>();
    for (const e of regency.employees) {
      if (e.employmentType !== 'PNS' || e.status !== 'ACTIVE' || !e.supervisorId || used.has(e.id)) continue;
      byTitle.set(e.positionTitle, [...(byTitle.get(e.positionTitle) ?? []), e]);
    }
    const [late, inOrder] = [...byTitle.values()].find((list) => list.length >= 2)!;
    used.add(late!.id);
    used.add(inOrder!.id);

    // 2026 first, then the late 2025.
    const late2026 = completedEvent({ employee: late!, predicate: 'SANGAT_BAIK', year: 2026 });
    const late2025 = completedEvent({ employee: late!, predicate: 'BAIK', year: 2025, completedAt: '2027-01-20T03:00:00.000Z' });
    await producer.send(late2026);
    const first = await waitForDecision(ds, late2026.data.evaluationId);
    expect(first.promotion_eligible).toBe(false);
    await producer.send(late2025);
    await waitForDecision(ds, late2025.data.evaluationId);
    await waitFor(async () => Number((await ds.query('SELECT count(*) AS n FROM reward_decision WHERE evaluation_id = $1', [late2026.data.evaluationId]))[0].n) === 2);
    // Redelivered (the same event) and repeated (the same evaluation under another event id): nothing changes.
    await producer.send(late2025);
    const again = { ...late2025, eventId: '7d1f4f7e-3b7a-4b8e-9a55-2f8a1c0e9d11' };
    await producer.send(again);
    await waitFor(async () => (await ds.query('SELECT 1 FROM processed_event WHERE event_id = $1', [again.eventId])).length > 0);

    // 2025 first, then 2026.
    const inOrder2025 = completedEvent({ employee: inOrder!, predicate: 'BAIK', year: 2025, completedAt: '2027-01-20T03:00:00.000Z' });
    const inOrder2026 = completedEvent({ employee: inOrder!, predicate: 'SANGAT_BAIK', year: 2026 });
    await producer.send(inOrder2025);
    await waitForDecision(ds, inOrder2025.data.evaluationId);
    await producer.send(inOrder2026);
    await waitForDecision(ds, inOrder2026.data.evaluationId);

    const lateDecisions = await decisionsOf(late!);
    const inOrderDecisions = await decisionsOf(inOrder!);
    const final = (list: Array<Record<string, any>>): Array<Record<string, any>> => list.map(({ id: _id, revision: _r, revises: _v, reasons, ...rest }) => ({
      ...rest, reasons: (reasons as string[]).filter((r) => !r.startsWith('Revision ')),
    })).sort((a: Record<string, any>, b: Record<string, any>) => a.year - b.year);
    expect(final(lateDecisions)).toEqual(final(inOrderDecisions));
    expect(final(lateDecisions).map((d) => [d.year, d.status, d.promotionEligible])).toEqual([[2025, 'ACTIVE', false], [2026, 'ACTIVE', true]]); // 2025 lacks 2024

    const revised = lateDecisions.find((d) => d.year === 2026)!;
    expect(revised).toMatchObject({ revision: 2, revises: { id: first.id, status: 'REVISED', revision: 1 } });
    expect(revised.revises.reasons).toContain('Promotion: not eligible; it needs at least BAIK in each of the last 2 annual evaluations (2025, 2026): no annual predicate is recorded for 2025.');
    expect(revised.reasons).toContain('Revision 2: decided again because the 2025 annual predicate is now BAIK (was not recorded).');
    expect(inOrderDecisions.map((d) => d.revision)).toEqual([1, 1]);
    expect(Number((await ds.query('SELECT count(*) AS n FROM reward_decision WHERE employee_id = $1', [late!.id]))[0].n)).toBe(3);
    // kinerja.reward.decided.v1 carries the revision.
    const [event] = await ds.query(`SELECT envelope FROM outbox WHERE type = 'reward.decided' AND envelope->'data'->>'decisionId' = $1`, [revised.id]);
    expect(event.envelope.data).toMatchObject({ status: 'ACTIVE', revision: 2, revises: first.id, followUp: 'NONE', sanctionRecommended: null });
  });
});
