// The evaluation grounded in the SKP (DOMAIN.md, "Evaluation and the predicate"), through the gateway
// with the real personnel and goals subgraphs.
import { randomUUID } from 'node:crypto';
import { goalsService } from '@kinerja/goals';
import { personnelService } from '@kinerja/personnel';
import { codeOf, createUnit, graphql, graphqlOk, registerEmployee, setUnitHead, startGraph, type Person, type TestGraph } from '@kinerja/testing';
import { evaluationService } from '../src';
import { ADMIN_ID } from './helpers';

const YEAR = new Date().getUTCFullYear();
// The latest quarter that has ended (Q1 before April): a passed quarter without realization counts 0 (DOMAIN.md).
const QUARTER = `${YEAR}-Q${Math.max(1, Math.floor(new Date().getUTCMonth() / 3))}`;

describe('an evaluation grounded in the SKP', () => {
  let graph: TestGraph;
  let admin: string;
  let kabid: Person;
  let budi: Person;
  let rina: Person;
  const tokens: Record<string, string> = {};
  let annual: string;

  const start = (employeeId: string, cycle: string, token = tokens.kabid as string) =>
    graphql(graph.url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id version } }`, { e: employeeId, c: cycle }, { token });
  const openCycle = async (input: Record<string, unknown>) =>
    (await graphqlOk(graph.url, `mutation($input: EvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }`, { input }, { token: admin })).openEvaluationCycle.id as string;

  /** A plan through the gateway: goals [kind, target], submitted by the employee and approved by kabid. */
  async function approvedPlan(who: Person, token: string, goals: Array<[string, number]>) {
    const created = await graphqlOk(graph.url, `mutation($e: ID!, $y: Int!) { createPerformancePlan(employeeId: $e, year: $y) { id version } }`, { e: who.id, y: YEAR }, { token });
    const planId = created.createPerformancePlan.id as string;
    const goalIds: string[] = [];
    let version = 0;
    for (const [kind, target] of goals) {
      const g = await graphqlOk(graph.url, `mutation($p: ID!, $input: GoalInput!) { addGoal(planId: $p, input: $input) { id plan { version } } }`, {
        p: planId, input: { title: `RHK ${goalIds.length + 1}`, indicator: 'Jumlah layanan', unitOfMeasure: 'layanan', target, direction: 'HIGHER_IS_BETTER', kind },
      }, { token });
      goalIds.push(g.addGoal.id);
      version = g.addGoal.plan.version;
    }
    const s = await graphqlOk(graph.url, `mutation($id: ID!, $v: Int!) { submitPerformancePlan(id: $id, expectedVersion: $v) { version } }`, { id: planId, v: version }, { token });
    await graphqlOk(graph.url, `mutation($id: ID!, $v: Int!) { approvePerformancePlan(id: $id, expectedVersion: $v) { status } }`, { id: planId, v: s.submitPerformancePlan.version }, { token: tokens.kabid });
    return { planId, goalIds };
  }

  beforeAll(async () => {
    graph = await startGraph([personnelService, goalsService, evaluationService], 'grounding');
    admin = await graph.token(ADMIN_ID, ['ADMIN', 'EMPLOYEE']);
    const dinkes = await createUnit(graph.url, admin, 'DINKES', 'Dinas Kesehatan', 'DINAS');
    const p2p = await createUnit(graph.url, admin, 'DINKES-P2P', 'Bidang Pencegahan dan Pengendalian Penyakit', 'BIDANG', dinkes);
    const head = await registerEmployee(graph.url, admin, { name: 'Hendra Saputra', unitId: dinkes, sequence: 1, positionKind: 'JPT' });
    await setUnitHead(graph.url, admin, dinkes, head.id);
    kabid = await registerEmployee(graph.url, admin, { name: 'Siti Aminah', unitId: p2p, supervisorId: head.id, sequence: 2, positionKind: 'ADMINISTRATOR' });
    await setUnitHead(graph.url, admin, p2p, kabid.id);
    budi = await registerEmployee(graph.url, admin, { name: 'Budi Santoso', unitId: p2p, supervisorId: kabid.id, sequence: 3 });
    rina = await registerEmployee(graph.url, admin, { name: 'Rina Lestari', unitId: p2p, supervisorId: kabid.id, sequence: 4 });
    for (const [name, p] of Object.entries({ kabid, budi, rina })) tokens[name] = await graph.token(p.id);
    annual = await openCycle({ name: `Penilaian Kinerja Tahunan ${YEAR}`, year: YEAR, periodType: 'ANNUAL', period: null, opensOn: `${YEAR}-01-01`, closesOn: `${YEAR}-12-31` });
  }, 120_000);

  afterAll(() => graph?.stop());

  it('refuses to start an evaluation without an approved plan covering the period (CONFLICT, NO_APPROVED_PLAN)', async () => {
    const none = await start(rina.id, annual);
    expect(codeOf(none)).toBe('CONFLICT');
    expect(none.errors?.[0]?.extensions?.reason).toBe('NO_APPROVED_PLAN');
    expect(none.data?.startEvaluation ?? null).toBeNull();
    // A submitted plan is not enough either.
    const created = await graphqlOk(graph.url, `mutation($e: ID!, $y: Int!) { createPerformancePlan(employeeId: $e, year: $y) { id } }`, { e: rina.id, y: YEAR }, { token: tokens.rina });
    const g = await graphqlOk(graph.url, `mutation($p: ID!, $input: GoalInput!) { addGoal(planId: $p, input: $input) { plan { version } } }`, {
      p: created.createPerformancePlan.id, input: { title: 'RHK', indicator: 'Jumlah', unitOfMeasure: 'dokumen', target: 4, direction: 'HIGHER_IS_BETTER' },
    }, { token: tokens.rina });
    await graphqlOk(graph.url, `mutation($id: ID!, $v: Int!) { submitPerformancePlan(id: $id, expectedVersion: $v) { status } }`, { id: created.createPerformancePlan.id, v: g.addGoal.plan.version }, { token: tokens.rina });
    const submitted = await start(rina.id, annual);
    expect(submitted.errors?.[0]?.extensions?.reason).toBe('NO_APPROVED_PLAN');
    expect(submitted.errors?.[0]?.message).toMatch(/SUBMITTED/);
  });

  it('suggests no ABOVE for a mixed plan whose UTAMA RHK is far below, however high the others; the evaluator\'s RHK ratings move it', async () => {
    const { goalIds } = await approvedPlan(budi, tokens.budi as string, [['UTAMA', 100], ['UTAMA', 100], ['UTAMA', 100], ['TAMBAHAN', 10]]);
    const record = (goalId: string, value: number) => graphqlOk(graph.url, `mutation($g: ID!, $input: RealizationInput!) { recordRealization(goalId: $g, input: $input) { achievement } }`,
      { g: goalId, input: { period: QUARTER, value } }, { token: tokens.budi });
    expect((await record(goalIds[0]!, 150)).recordRealization.achievement).toBe(1.5);
    await record(goalIds[1]!, 140);
    await record(goalIds[2]!, 20); // far below
    await record(goalIds[3]!, 15);

    const started = await start(budi.id, annual);
    expect(started.errors).toBeUndefined();
    const id = started.data!.startEvaluation.id as string;
    const READ = `query($id: ID!) { evaluation(id: $id) { version suggestedResultRating goalRatings { goal { id title kind } rating note } periodicEvaluations { id } } }`;
    const first = await graphqlOk(graph.url, READ, { id }, { token: tokens.kabid });
    // The evaluator sees the SKP itself: each RHK with its indicators and realizations.
    const skp = await graphqlOk(graph.url, `query($id: ID!) { evaluation(id: $id) { performancePlans { status goals { id kind indicators { achievement realizations { period value } } } } } }`, { id }, { token: tokens.kabid });
    expect(skp.evaluation.performancePlans).toHaveLength(1);
    expect(skp.evaluation.performancePlans[0].goals.map((g: { kind: string }) => g.kind)).toEqual(['UTAMA', 'UTAMA', 'UTAMA', 'TAMBAHAN']);
    expect(skp.evaluation.performancePlans[0].goals[2].indicators[0]).toEqual({ achievement: 0.2, realizations: [{ period: QUARTER, value: 20 }] });
    expect(first.evaluation.suggestedResultRating).toBe('MEETS_EXPECTATION');
    expect(first.evaluation.goalRatings).toEqual([]);
    // Why: the rule that fired and each RHK with its rating and where it came from, for the evaluator to read.
    const WHY = `query($id: ID!) { evaluation(id: $id) { suggestedResultRatingReason { rating rule utamaRated utamaAbove utamaBelow tambahanAbove aboveFrom meetsFrom
      organizationPredicate rhk { goal { id } kind rating source achievement } } } }`;
    expect((await graphqlOk(graph.url, WHY, { id }, { token: tokens.kabid })).evaluation.suggestedResultRatingReason).toEqual({
      rating: 'MEETS_EXPECTATION', rule: 'UTAMA_BELOW_SOME', utamaRated: 3, utamaAbove: 2, utamaBelow: 1, tambahanAbove: true, aboveFrom: 1.1, meetsFrom: 0.9,
      organizationPredicate: null,
      rhk: [
        { goal: { id: goalIds[0] }, kind: 'UTAMA', rating: 'ABOVE_EXPECTATION', source: 'ACHIEVEMENT', achievement: 1.5 },
        { goal: { id: goalIds[1] }, kind: 'UTAMA', rating: 'ABOVE_EXPECTATION', source: 'ACHIEVEMENT', achievement: 1.4 },
        { goal: { id: goalIds[2] }, kind: 'UTAMA', rating: 'BELOW_EXPECTATION', source: 'ACHIEVEMENT', achievement: 0.2 },
        { goal: { id: goalIds[3] }, kind: 'TAMBAHAN', rating: 'ABOVE_EXPECTATION', source: 'ACHIEVEMENT', achievement: 1.5 },
      ],
    });
    // The employee evaluated reads it too.
    expect((await graphqlOk(graph.url, WHY, { id }, { token: tokens.budi })).evaluation.suggestedResultRatingReason.rule).toBe('UTAMA_BELOW_SOME');

    // Only the evaluator (or ADMIN) rates RHK, and only RHK of the plan being evaluated.
    const RATE = `mutation($e: ID!, $g: ID!, $r: Rating!, $n: String) { rateGoal(evaluationId: $e, goalId: $g, rating: $r, note: $n) { id version } }`;
    expect(codeOf(await graphql(graph.url, RATE, { e: id, g: goalIds[2], r: 'ABOVE_EXPECTATION' }, { token: tokens.budi }))).toBe('FORBIDDEN');
    expect(codeOf(await graphql(graph.url, RATE, { e: id, g: randomUUID(), r: 'ABOVE_EXPECTATION' }, { token: tokens.kabid }))).toBe('BAD_USER_INPUT');
    await graphqlOk(graph.url, RATE, { e: id, g: goalIds[2], r: 'BELOW_EXPECTATION', n: 'Realisasi jauh di bawah target' }, { token: tokens.kabid });
    const still = await graphqlOk(graph.url, READ, { id }, { token: tokens.kabid });
    expect(still.evaluation.suggestedResultRating).toBe('MEETS_EXPECTATION');
    expect(still.evaluation.goalRatings).toEqual([{ goal: { id: goalIds[2], title: 'RHK 3', kind: 'UTAMA' }, rating: 'BELOW_EXPECTATION', note: 'Realisasi jauh di bawah target' }]);

    // The evaluator judges the low RHK met after all (a documented delay): now ABOVE is suggested.
    await graphqlOk(graph.url, RATE, { e: id, g: goalIds[2], r: 'MEETS_EXPECTATION', n: null }, { token: tokens.kabid });
    const moved = await graphqlOk(graph.url, READ, { id }, { token: tokens.kabid });
    expect(moved.evaluation.suggestedResultRating).toBe('ABOVE_EXPECTATION');
    const movedWhy = (await graphqlOk(graph.url, WHY, { id }, { token: tokens.kabid })).evaluation.suggestedResultRatingReason;
    expect([movedWhy.rule, movedWhy.rhk[2]]).toEqual(['MAJORITY_ABOVE', { goal: { id: goalIds[2] }, kind: 'UTAMA', rating: 'MEETS_EXPECTATION', source: 'EVALUATOR', achievement: 0.2 }]);
    expect(moved.evaluation.goalRatings).toHaveLength(1);
  });

  it('lists the year\'s periodic evaluations on the annual one', async () => {
    const q1 = await openCycle({ name: `Triwulan I ${YEAR}`, year: YEAR, periodType: 'QUARTERLY', period: 1, opensOn: `${YEAR}-01-01`, closesOn: `${YEAR}-04-15` });
    const periodic = await start(budi.id, q1);
    expect(periodic.errors).toBeUndefined();
    const [annualEval] = (await graphqlOk(graph.url, `query($id: ID!, $y: Int!) { employee(id: $id) { evaluations(year: $y) { id cycle { periodType } periodicEvaluations { id cycle { periodType period } } } } }`,
      { id: budi.id, y: YEAR }, { token: tokens.kabid })).employee.evaluations.filter((e: { cycle: { periodType: string } }) => e.cycle.periodType === 'ANNUAL');
    expect(annualEval.periodicEvaluations).toEqual([{ id: periodic.data!.startEvaluation.id, cycle: { periodType: 'QUARTERLY', period: 1 } }]);
  });
});
