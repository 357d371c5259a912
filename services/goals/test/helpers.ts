import { generateRegency, type DemoEmployee, type DemoRegency } from '@kinerja/demo-regency';
import { personnelService, seedPersonnel } from '@kinerja/personnel';
import { graphqlOk, startGraph, type TestGraph } from '@kinerja/testing';
import { goalsService } from '../src';

export const YEAR = 2026;

/** A supervisor chain from the demo regency: kadis → head (of a bidang) → lead → staff, with a peer of staff. */
export interface Cast {
  kadis: DemoEmployee;
  head: DemoEmployee;
  lead: DemoEmployee;
  staff: DemoEmployee;
  peer: DemoEmployee;
  /** Someone in another OPD. */
  outsider: DemoEmployee;
  /** The Sekda: no supervisor in the records. */
  sekda: DemoEmployee;
}

export function castOf(regency: DemoRegency): Cast {
  const by = regency.employeeById;
  const active = regency.employees.filter((e) => e.status === 'ACTIVE');
  const staff = active.find((e) => {
    const lead = e.supervisorId ? by.get(e.supervisorId) : undefined;
    const head = lead?.supervisorId ? by.get(lead.supervisorId) : undefined;
    const kadis = head?.supervisorId ? by.get(head.supervisorId) : undefined;
    return e.positionKind !== 'PENGAWAS' && lead?.positionKind === 'PENGAWAS' && !!kadis?.supervisorId
      && active.some((p) => p.id !== e.id && p.supervisorId === e.supervisorId && p.unitId === e.unitId);
  });
  if (!staff) throw new Error('the demo regency has no kadis → head → lead → staff chain');
  const lead = by.get(staff.supervisorId!)!;
  const head = by.get(lead.supervisorId!)!;
  const kadis = by.get(head.supervisorId!)!;
  const peer = active.find((p) => p.id !== staff.id && p.supervisorId === lead.id && p.unitId === staff.unitId)!;
  const opd = regency.units.find((u) => u.headId === kadis.id)!;
  const outsider = active.find((e) => e.positionKind === 'PELAKSANA' && e.unitId !== opd.id
    && !regency.units.some((u) => u.parentId === opd.id && u.id === e.unitId) && e.unitId !== staff.unitId)!;
  const sekda = regency.employees.find((e) => e.supervisorId === null)!;
  return { kadis, head, lead, staff, peer, outsider, sekda };
}

export interface GoalsGraph {
  graph: TestGraph;
  regency: DemoRegency;
  /** Tokens by name: an ADMIN who is not in the chain, an ANALYST, and each member of the cast. */
  tokens: Record<'admin' | 'analyst' | keyof Cast, string>;
  cast: Cast;
}

export async function startGoalsGraph(label: string, employees = 300): Promise<GoalsGraph> {
  const graph = await startGraph([personnelService, goalsService], label);
  try {
    const regency = generateRegency({ employees });
    await seedPersonnel(graph.services.personnel!.dataSource, regency);
    const cast = castOf(regency);
    const tokens = {
      admin: await graph.token(regency.admin.id, ['ADMIN', 'EMPLOYEE']),
      analyst: await graph.token(regency.employees.find((e) => e.positionKind === 'FUNGSIONAL' && e.unitId === regency.unitByCode.get('BAPPEDA')?.id)?.id ?? regency.employees[5]!.id, ['ANALYST']),
    } as GoalsGraph['tokens'];
    for (const [name, e] of Object.entries(cast)) tokens[name as keyof Cast] = await graph.token(e.id, ['EMPLOYEE']);
    return { graph, regency, tokens, cast };
  } catch (error) {
    await graph.stop();
    throw error;
  }
}

export const PLAN_FIELDS = 'id year status version employee { id name } goals { id title } achievement';
export const GOAL_FIELDS = 'id title indicator unitOfMeasure target direction realized achievement parentGoal { id } plan { id version status }';

export const CREATE_PLAN = `mutation($e: ID!, $y: Int!) { createPerformancePlan(employeeId: $e, year: $y) { ${PLAN_FIELDS} } }`;
export const ADD_GOAL = `mutation($p: ID!, $input: GoalInput!) { addGoal(planId: $p, input: $input) { ${GOAL_FIELDS} } }`;
export const UPDATE_GOAL = `mutation($id: ID!, $input: GoalInput!) { updateGoal(id: $id, input: $input) { ${GOAL_FIELDS} } }`;
export const REMOVE_GOAL = `mutation($id: ID!) { removeGoal(id: $id) }`;
export const SUBMIT = `mutation($id: ID!, $v: Int!) { submitPerformancePlan(id: $id, expectedVersion: $v) { id status version } }`;
export const APPROVE = `mutation($id: ID!, $v: Int!) { approvePerformancePlan(id: $id, expectedVersion: $v) { id status version approvedBy { name } } }`;
export const REOPEN = `mutation($id: ID!, $v: Int!) { reopenPerformancePlan(id: $id, expectedVersion: $v) { id status version } }`;
export const RECORD = `mutation($g: ID!, $input: RealizationInput!) { recordRealization(goalId: $g, input: $input) {
  id realized achievement realizations { period value note evidenceUrl recordedBy { id name } revisions { value recordedBy { id } replacedBy { id } } }
  plan { achievement } } }`;

export function goalInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Terlaksananya pendampingan warga belajar', indicator: 'Jumlah warga belajar yang didampingi', unitOfMeasure: 'orang',
    target: 60, direction: 'HIGHER_IS_BETTER', parentGoalId: null, ...overrides,
  };
}

/** Creates a plan with goals through the gateway; returns its id, its goals' ids and its version. */
export async function planWithGoals(url: string, token: string, employeeId: string, goals: Array<Record<string, unknown>>, year = YEAR) {
  const created = await graphqlOk(url, CREATE_PLAN, { e: employeeId, y: year }, { token });
  const planId = created.createPerformancePlan.id as string;
  const ids: string[] = [];
  let version = created.createPerformancePlan.version as number;
  for (const g of goals) {
    const d = await graphqlOk(url, ADD_GOAL, { p: planId, input: goalInput(g) }, { token });
    ids.push(d.addGoal.id);
    version = d.addGoal.plan.version;
  }
  return { planId, goalIds: ids, version };
}
