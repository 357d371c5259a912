import { randomUUID } from 'node:crypto';
import { graphqlOk, makeToken, waitFor } from '@kinerja/testing';
import type { SeededGraph } from './graph';
import type { Fixture, Relation } from './matrix';

/**
 * Everything the matrix rows refer to: the target's seeded records plus plans, activities, cycles
 * and a sanction created by ADMIN (or the right person) through the gateway, each in the state its
 * row needs (a DRAFT plan for addGoal, a SUBMITTED one for approve, ...).
 */
export async function buildFixture(g: SeededGraph, tokens: Record<Relation, string | undefined>): Promise<Fixture> {
  const { graph, cast } = g;
  const url = graph.url;
  const as = (r: Relation) => ({ token: tokens[r]! });
  const regency = cast.regency;
  const sd = regency.unitByCode.get('DISDIKBUD-SD')!.id;
  const disdik = regency.unitByCode.get('DISDIKBUD')!.id;
  const q = (svc: string, sql: string, params: unknown[] = []) => graph.services[svc]!.dataSource.query(sql, params) as Promise<any[]>;

  // The event pipeline (evaluation outbox → Kafka → recognition) must have settled: later row counts compare.
  const completed = Number((await q('evaluation', "SELECT count(*)::int AS n FROM evaluation WHERE status = 'COMPLETED'"))[0].n);
  await waitFor(async () => Number((await q('recognition', 'SELECT count(*)::int AS n FROM processed_event'))[0].n) >= completed,
    { timeoutMs: 60_000, everyMs: 250, what: `recognition to process the ${completed} completed evaluations` });
  const decision = (await q('recognition', 'SELECT id FROM reward_decision WHERE employee_id = $1 ORDER BY year DESC LIMIT 1', [cast.target.id]))[0];
  if (!decision) throw new Error('the target has no reward decision: the evaluation → recognition pipeline did not run');

  const plan = (await q('goals', 'SELECT id FROM performance_plan WHERE employee_id = $1 ORDER BY year DESC LIMIT 1', [cast.target.id]))[0];
  const goal = (await q('goals', 'SELECT id FROM goal WHERE plan_id = $1 ORDER BY position LIMIT 1', [plan.id]))[0];
  const evaluation = (await q('evaluation', "SELECT id, version FROM evaluation WHERE employee_id = $1 AND status = 'DRAFT' LIMIT 1", [cast.target.id]))[0];
  const completedEvaluation = (await q('evaluation', "SELECT id FROM evaluation WHERE employee_id = $1 AND status = 'COMPLETED' LIMIT 1", [cast.target.id]))[0];

  const GOAL = { title: 'Fixture goal', indicator: 'Dokumen', unitOfMeasure: 'dokumen', target: 4, direction: 'HIGHER_IS_BETTER' };
  const newPlan = async (year: number) =>
    (await graphqlOk(url, 'mutation($e: ID!, $y: Int!) { createPerformancePlan(employeeId: $e, year: $y) { id version } }', { e: cast.target.id, y: year }, as('self'))).createPerformancePlan as { id: string; version: number };
  const addGoal = async (planId: string) =>
    (await graphqlOk(url, 'mutation($p: ID!, $i: GoalInput!) { addGoal(planId: $p, input: $i) { id } }', { p: planId, i: GOAL }, as('self'))).addGoal.id as string;
  const submit = async (p: { id: string }, v: number) =>
    (await graphqlOk(url, 'mutation($id: ID!, $v: Int!) { submitPerformancePlan(id: $id, expectedVersion: $v) { version } }', { id: p.id, v }, as('self'))).submitPerformancePlan.version as number;
  const versionOf = async (id: string) => Number((await q('goals', 'SELECT version FROM performance_plan WHERE id = $1', [id]))[0].version);

  const draftPlan = await newPlan(2021);
  const draftGoal = await addGoal(draftPlan.id);
  const removableGoal = await addGoal(draftPlan.id);
  const submitPlan = await newPlan(2022);
  await addGoal(submitPlan.id);
  const approvePlan = await newPlan(2023);
  await addGoal(approvePlan.id);
  await submit(approvePlan, await versionOf(approvePlan.id));
  const reopenPlan = await newPlan(2024);
  await addGoal(reopenPlan.id);
  await submit(reopenPlan, await versionOf(reopenPlan.id));
  await graphqlOk(url, 'mutation($id: ID!, $v: Int!) { approvePerformancePlan(id: $id, expectedVersion: $v) { id } }', { id: reopenPlan.id, v: await versionOf(reopenPlan.id) }, as('directSupervisor'));

  // The full SKP: a SUBMITTED plan to return, indicators to change, a realization to give feedback on.
  const returnPlan = await newPlan(2025);
  await addGoal(returnPlan.id);
  await submit(returnPlan, await versionOf(returnPlan.id));
  const INDICATOR = { aspect: 'KUALITAS', description: 'Dokumen diterima tanpa revisi', qualitative: true };
  await graphqlOk(url, 'mutation($g: ID!, $i: IndicatorInput!) { addIndicator(goalId: $g, input: $i) { id } }', { g: removableGoal, i: INDICATOR }, as('self'));
  const draftIndicator = (await q('goals', 'SELECT id::text FROM indicator WHERE goal_id = $1 ORDER BY position LIMIT 1', [draftGoal]))[0].id as string;
  const removableIndicator = (await q('goals', 'SELECT id::text FROM indicator WHERE goal_id = $1 ORDER BY position DESC LIMIT 1', [removableGoal]))[0].id as string;
  const realization = (await q('goals', `SELECT r.id::text FROM realization r JOIN goal g ON g.id = r.goal_id JOIN performance_plan p ON p.id = g.plan_id
    WHERE p.employee_id = $1 ORDER BY r.period_end_month DESC LIMIT 1`, [cast.target.id]))[0]?.id as string | undefined;
  if (!realization) throw new Error('the target has no seeded realization to give feedback on');

  const activity = async (startsOn: string, endsOn: string) =>
    (await graphqlOk(url, 'mutation($i: LearningActivityInput!) { createLearningActivity(input: $i) { id } }', {
      i: { title: `Fixture ${startsOn}`, kind: 'WORKSHOP', organizerUnitId: sd, participatingUnitIds: [sd], startsOn, endsOn, hours: 8, capacity: 40 },
    }, as('ADMIN'))).createLearningActivity.id as string;
  const enroll = async (a: string) =>
    (await graphqlOk(url, 'mutation($a: ID!, $e: ID!) { enroll(activityId: $a, employeeId: $e) { id } }', { a, e: cast.target.id }, as('ADMIN'))).enroll.id as string;
  const today = new Date().toISOString().slice(0, 10);
  const runningActivity = await activity(today.slice(0, 8) + '01', `${today.slice(0, 4)}-12-31`);
  const enrollment = await enroll(runningActivity);
  const futureActivity = await activity('2027-03-01', '2027-03-03');
  const futureEnrollment = await enroll(futureActivity);

  const cycle = async (period: number) =>
    (await graphqlOk(url, 'mutation($p: Int) { openEvaluationCycle(input: { name: "Fixture", year: 2027, periodType: MONTHLY, period: $p, opensOn: "2027-01-01", closesOn: "2027-12-31" }) { id } }', { p: period }, as('ADMIN'))).openEvaluationCycle.id as string;
  const closableCycle = await cycle(5);
  const startCycle = await cycle(6);

  // Feedback on the target by a colleague (not the matrix's peer) the target must never see the author of.
  const colleague = regency.employees.find((e) => e.unitId === sd && e.status === 'ACTIVE' && e.positionKind === 'FUNGSIONAL' && ![cast.target.id, cast.peer.id].includes(e.id))!;
  const secretComment = `Rahasia rekan ${Date.now()}`;
  await graphqlOk(url, 'mutation($id: ID!, $c: String) { giveFeedback(evaluationId: $id, input: { source: PEER, coreValue: KOLABORATIF, score: 4, comment: $c }) { id } }', { id: evaluation.id, c: secretComment }, { token: await makeToken({ sub: colleague.id }) });
  const hidden = await q('evaluation', "SELECT DISTINCT author_id::text AS a FROM feedback WHERE evaluation_id = $1 AND source IN ('PEER','SUBORDINATE') AND author_id IS NOT NULL", [evaluation.id]);
  const all = await q('evaluation', 'SELECT id::text AS id, author_id::text AS a, comment FROM feedback WHERE evaluation_id = $1', [evaluation.id]);
  const byPeer = all.filter((r) => r.a === cast.peer.id);
  const evalVersion = Number((await q('evaluation', 'SELECT version FROM evaluation WHERE id = $1', [evaluation.id]))[0].version);

  const sanction = (await graphqlOk(url, 'mutation($e: ID!) { proposeSanction(employeeId: $e, level: LIGHT, violation: "Fixture violation", reason: "Fixture proposal") { id } }', { e: cast.target.id }, as('ADMIN'))).proposeSanction.id as string;
  // An improvement plan (PP 30/2019 art. 56-58) owned by the direct supervisor, its review due: the
  // target's own if a low predicate opened one, else one recorded as the consumer would.
  const ownPlan = (await q('recognition', "SELECT id FROM improvement_plan WHERE employee_id = $1 AND owner_id = $2 AND status = 'OPEN' AND review_due_on <= current_date", [cast.target.id, cast.directSupervisor.id]))[0];
  let improvementPlan = ownPlan?.id as string | undefined;
  if (!improvementPlan) {
    improvementPlan = randomUUID();
    await q('recognition', `INSERT INTO improvement_plan (id, employee_id, unit_id, decision_id, evaluation_id, owner_id, status, opens_on, review_due_on)
      VALUES ($1, $2, $3, $4, $5, $6, 'OPEN', '2025-01-15', '2025-07-15')`, [improvementPlan, cast.target.id, sd, decision.id, randomUUID(), cast.directSupervisor.id]);
    await q('recognition', `INSERT INTO improvement_step (plan_id, status, decided_on, reason) VALUES ($1, 'OPEN', '2025-01-15', 'Fixture plan')`, [improvementPlan]);
  }
  const policy = (await graphqlOk(url, '{ rewardPolicy { rules } }', {}, as('ADMIN'))).rewardPolicy.rules as string;
  // An award on the target so Award.decision has something to hide.
  await graphqlOk(url, 'mutation($d: ID!) { grantAward(decisionId: $d, kind: PERFORMANCE_ALLOWANCE, title: "TPP") { id } }', { d: decision.id }, as('ADMIN')).catch(() => undefined);

  // A seeded PPPK with a contract in force, for renewContract / endContract.
  const pppk = regency.employees.find((e) => e.employmentType === 'PPPK' && e.status === 'ACTIVE' && e.contracts.at(-1)?.status === 'ACTIVE')!;
  const pppkContract = pppk.contracts.at(-1)!;
  const pppkRenewEnd = `${Number(pppkContract.endsOn.slice(0, 4)) + 2}${pppkContract.endsOn.slice(4)}`;
  // An objection by the target to their completed evaluation (PP 30/2019 art. 59), within the window:
  // the seeded evaluation was completed in January, so its completion is moved to now for the fixture.
  await q('evaluation', 'UPDATE evaluation SET completed_at = now() WHERE id = $1', [completedEvaluation.id]);
  const objection = (await graphqlOk(url, 'mutation($e: ID!) { fileObjection(evaluationId: $e, reason: "Fixture: capaian triwulan IV tidak diperhitungkan") { id } }', { e: completedEvaluation.id }, as('self'))).fileObjection.id as string;

  const transferee = regency.employees.find((e) => e.unitId === sd && e.status === 'ACTIVE' && e.positionKind === 'FUNGSIONAL' && ![cast.target.id, cast.peer.id].includes(e.id))!;
  return {
    target: { id: cast.target.id, nip: cast.target.nip, birthDate: cast.target.birthDate },
    ids: {
      sd, disdik, directSupervisor: cast.directSupervisor.id, indirectSupervisor: cast.indirectSupervisor.id, transferee: transferee.id,
      plan: plan.id, goal: goal.id, draftPlan: draftPlan.id, draftGoal, removableGoal, submitPlan: submitPlan.id, approvePlan: approvePlan.id, reopenPlan: reopenPlan.id,
      enrollment, futureActivity, futureEnrollment, evaluation: evaluation.id, completedEvaluation: completedEvaluation.id,
      closableCycle, startCycle, decision: decision.id, sanction, policyRules: policy, objection, improvementPlan,
      pppk: pppk.id, pppkContractEnd: pppkContract.endsOn, pppkRenewEnd,
      returnPlan: returnPlan.id, draftIndicator, removableIndicator, realization,
    },
    versions: {
      submitPlan: await versionOf(submitPlan.id), approvePlan: await versionOf(approvePlan.id), reopenPlan: await versionOf(reopenPlan.id), evaluation: evalVersion,
      returnPlan: await versionOf(returnPlan.id),
    },
    hiddenAuthors: hidden.map((r) => r.a as string),
    comments: all.filter((r) => r.comment).map((r) => r.comment as string),
    feedbackIds: all.map((r) => r.id as string),
    peerOwn: [cast.peer.id, ...byPeer.map((r) => r.id as string), ...byPeer.filter((r) => r.comment).map((r) => r.comment as string)],
  };
}
