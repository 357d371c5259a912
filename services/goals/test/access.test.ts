import { codeOf, graphql, graphqlOk } from '@kinerja/testing';
import { ADD_GOAL, CREATE_PLAN, goalInput, planWithGoals, RECORD, SUBMIT, startGoalsGraph, YEAR, type GoalsGraph } from './helpers';

const READ = `query($id: ID!) { employee(id: $id) { name performancePlan(year: ${YEAR}) { status goals { title } } } }`;
const READ_ALL = `query($id: ID!) { employee(id: $id) { performancePlans { year } } }`;

describe('who may read and manage plans (CONTRACT.md, "Who may do what")', () => {
  let g: GoalsGraph;
  let url: string;
  const plans: Record<string, { planId: string; goalIds: string[]; version: number }> = {};

  beforeAll(async () => {
    g = await startGoalsGraph('goals_access');
    url = g.graph.url;
    const { tokens: t, cast } = g;
    // The outsider moves into the staff's unit but reports to the Sekda: the unit's head is not in their chain.
    await graphqlOk(url, `mutation($id: ID!, $u: ID!, $s: ID) { transferEmployee(id: $id, unitId: $u, supervisorId: $s) { id } }`,
      { id: cast.outsider.id, u: cast.staff.unitId, s: cast.sekda.id }, { token: t.admin });
    plans.lead = await planWithGoals(url, t.lead, cast.lead.id, [{ title: 'Lead goal' }]);
    plans.staff = await planWithGoals(url, t.staff, cast.staff.id, [{ title: 'Staff goal', parentGoalId: plans.lead!.goalIds[0] }]);
    plans.outsider = await planWithGoals(url, t.admin, cast.outsider.id, [{ title: 'Outsider goal' }]);
  });
  afterAll(() => g?.graph.stop());

  const read = (who: keyof GoalsGraph['tokens'], target: keyof GoalsGraph['cast']) =>
    graphql(url, READ, { id: g.cast[target].id }, { token: g.tokens[who] });

  it.each([
    ['the employee themself', 'staff', 'staff'],
    ['the direct supervisor', 'lead', 'staff'],
    ['an indirect supervisor', 'kadis', 'staff'],
    ['ADMIN', 'admin', 'staff'],
    ['ANALYST', 'analyst', 'staff'],
    ['an employee, the plan of a supervisor above them (their goals cascade from it)', 'staff', 'lead'],
    ['the head of the unit who is not in the chain', 'head', 'outsider'],
  ] as const)('lets %s read', async (_who, who, target) => {
    const r = await read(who, target);
    expect(r.errors).toBeUndefined();
    expect(r.data?.employee.performancePlan.goals.length).toBeGreaterThan(0);
  });

  it.each([
    ['a colleague of the same supervisor', 'peer', 'staff'],
    ['a colleague of the same unit outside the chain', 'outsider', 'staff'],
    ['a supervisor, the plan of someone in their unit outside their chain', 'lead', 'outsider'],
    ['a subordinate, the plan of a colleague of their supervisor', 'staff', 'peer'],
  ] as const)('refuses %s with FORBIDDEN', async (_who, who, target) => {
    const r = await read(who, target);
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(r.data?.employee).toEqual({ name: g.cast[target].name, performancePlan: null });
    const all = await graphql(url, READ_ALL, { id: g.cast[target].id }, { token: g.tokens[who] });
    expect(codeOf(all)).toBe('FORBIDDEN');
  });

  it('refuses a colleague\'s goal and plan by id', async () => {
    const peer = await planWithGoals(url, g.tokens.lead, g.cast.peer.id, [{ title: 'Peer goal', parentGoalId: plans.lead!.goalIds[0] }]);
    expect(codeOf(await graphql(url, `query($id: ID!) { goal(id: $id) { title } }`, { id: peer.goalIds[0] }, { token: g.tokens.staff }))).toBe('FORBIDDEN');
    expect(codeOf(await graphql(url, `query($id: ID!) { performancePlan(id: $id) { id } }`, { id: peer.planId }, { token: g.tokens.staff }))).toBe('FORBIDDEN');
    expect((await graphqlOk(url, `query($id: ID!) { goal(id: $id) { title } }`, { id: peer.goalIds[0] }, { token: g.tokens.lead })).goal.title).toBe('Peer goal');
  });

  it('shows in childGoals only the goals the caller may read', async () => {
    const q = `query($id: ID!) { goal(id: $id) { childGoals { title plan { employee { name } } } } }`;
    const asStaff = await graphqlOk(url, q, { id: plans.lead!.goalIds[0] }, { token: g.tokens.staff });
    expect(asStaff.goal.childGoals).toEqual([{ title: 'Staff goal', plan: { employee: { name: g.cast.staff.name } } }]);
    const asLead = await graphqlOk(url, q, { id: plans.lead!.goalIds[0] }, { token: g.tokens.lead });
    expect(asLead.goal.childGoals.map((c: { title: string }) => c.title).sort()).toEqual(['Peer goal', 'Staff goal']);
  });

  it.each([
    ['a colleague', 'peer'],
    ['ANALYST, who reads only', 'analyst'],
    ['the head of the unit who is not in the chain', 'head'],
  ] as const)('refuses %s managing the plan', async (_who, who) => {
    const target = who === 'head' ? 'outsider' : 'staff';
    const plan = plans[target]!;
    const tries = [
      graphql(url, ADD_GOAL, { p: plan.planId, input: goalInput() }, { token: g.tokens[who] }),
      graphql(url, SUBMIT, { id: plan.planId, v: plan.version }, { token: g.tokens[who] }),
      graphql(url, RECORD, { g: plan.goalIds[0], input: { period: `${YEAR}-01`, value: 1 } }, { token: g.tokens[who] }),
    ];
    for (const r of await Promise.all(tries)) expect(codeOf(r)).toBe('FORBIDDEN');
    const create = await graphql(url, CREATE_PLAN, { e: g.cast[target].id, y: YEAR + 1 }, { token: g.tokens[who] });
    expect(codeOf(create)).toBe('FORBIDDEN');
    if (who === 'analyst') expect(create.errors?.[0]?.message).toBe('ANALYST is read-only: cannot create a plan for this employee');
  });

  it('lets a supervisor create and draft the plan of someone below them, and ADMIN anyone\'s', async () => {
    const byKadis = await graphqlOk(url, CREATE_PLAN, { e: g.cast.staff.id, y: YEAR + 1 }, { token: g.tokens.kadis });
    expect(byKadis.createPerformancePlan.status).toBe('DRAFT');
    await graphqlOk(url, ADD_GOAL, { p: byKadis.createPerformancePlan.id, input: goalInput() }, { token: g.tokens.lead });
    const byAdmin = await graphqlOk(url, CREATE_PLAN, { e: g.cast.peer.id, y: YEAR + 1 }, { token: g.tokens.admin });
    expect(byAdmin.createPerformancePlan.employee.name).toBe(g.cast.peer.name);
  });
});
