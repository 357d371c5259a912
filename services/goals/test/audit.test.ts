// The audit trail (CONTRACT.md) in a graph of personnel and goals only: personnel's AuditTrail.entries then @requires goals'
// rows alone (the subgraphs absent from the graph are dropped from its SDL), and the plan's life is audited.
import { codeOf, graphql, graphqlOk } from '@kinerja/testing';
import { ADD_GOAL, APPROVE, CREATE_PLAN, RECORD, REMOVE_GOAL, startGoalsGraph, SUBMIT, YEAR, type GoalsGraph } from './helpers';

const TRAIL = `query($t: String!, $id: ID!) { auditTrail(entityType: $t, entityId: $id) { entries { action actorId before after } } }`;
const GOAL = { title: 'Laporan keuangan tepat waktu', indicator: 'Laporan terbit', unitOfMeasure: 'dokumen', target: 12, direction: 'HIGHER_IS_BETTER' };

describe('goals audit trail through the gateway (personnel + goals)', () => {
  let g: GoalsGraph;
  beforeAll(async () => {
    g = await startGoalsGraph('goals_audit');
  }, 120_000);
  afterAll(async () => g?.graph.stop());

  it('records each plan transition and goal change with the actor, before and after; ADMIN only', async () => {
    const { graph, tokens, cast } = g;
    const plan = (await graphqlOk(graph.url, CREATE_PLAN, { e: cast.staff.id, y: YEAR }, { token: tokens.staff })).createPerformancePlan;
    const goal = (await graphqlOk(graph.url, ADD_GOAL, { p: plan.id, input: GOAL }, { token: tokens.staff })).addGoal;
    const spare = (await graphqlOk(graph.url, ADD_GOAL, { p: plan.id, input: { ...GOAL, title: 'Cadangan' } }, { token: tokens.staff })).addGoal;
    await graphqlOk(graph.url, REMOVE_GOAL, { id: spare.id }, { token: tokens.staff });
    const submitted = (await graphqlOk(graph.url, SUBMIT, { id: plan.id, v: goal.plan.version + 2 }, { token: tokens.staff })).submitPerformancePlan;
    // A stale version is refused and leaves no entry.
    expect(codeOf(await graphql(graph.url, APPROVE, { id: plan.id, v: submitted.version - 1 }, { token: tokens.lead }))).toBe('CONFLICT');
    await graphqlOk(graph.url, APPROVE, { id: plan.id, v: submitted.version }, { token: tokens.lead });
    await graphqlOk(graph.url, RECORD, { g: goal.id, input: { period: `${YEAR}-Q1`, value: 3 } }, { token: tokens.staff });

    const read = async (t: string, id: string) => (await graphqlOk(graph.url, TRAIL, { t, id }, { token: tokens.admin })).auditTrail.entries as Array<Record<string, string | null>>;
    const planTrail = await read('PerformancePlan', plan.id);
    expect(planTrail.map((e) => [e.action, e.actorId])).toEqual([
      ['createPerformancePlan', cast.staff.id], ['submitPlan', cast.staff.id], ['approvePlan', cast.lead.id],
    ]);
    expect(JSON.parse(planTrail[2]!.before!)).toMatchObject({ status: 'SUBMITTED' });
    expect(JSON.parse(planTrail[2]!.after!)).toMatchObject({ status: 'APPROVED', approvedBy: cast.lead.id });
    expect((await read('Goal', goal.id)).map((e) => e.action)).toEqual(['addGoal', 'recordRealization']);
    const removed = await read('Goal', spare.id);
    expect(removed.map((e) => e.action)).toEqual(['addGoal', 'removeGoal']);
    expect(JSON.parse(removed[1]!.before!)).toMatchObject({ title: 'Cadangan' });
    expect(removed[1]!.after).toBeNull();

    for (const token of [tokens.staff, tokens.lead, tokens.analyst]) {
      expect(codeOf(await graphql(graph.url, TRAIL, { t: 'PerformancePlan', id: plan.id }, { token }))).toBe('FORBIDDEN');
    }
  });
});
