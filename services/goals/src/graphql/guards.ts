import { allowsSomeRelation, defineGuard, loadById, relationTo, SUBJECT_NOT_FOUND, type Guard, type KitContext } from '@kinerja/subgraph-kit';
import { actsAsDirectSupervisor, managesPlans, movesPlan, type PlanFacts } from '../domain/access';
import type { PlanAction } from '../domain/plan-flow';
import { GoalRow } from '../entities/goal';
import { IndicatorRow } from '../entities/indicator';
import { PerformancePlanRow } from '../entities/performance-plan';
import { RealizationRow } from '../entities/realization';
import { planFactsFrom } from './access';

/**
 * The guards goals' resolvers declare (rules in domain/access.ts). Each finds the employee whose
 * plan the arguments name (plan, goal, indicator or realization id); where none is found the
 * resolver answers NOT_FOUND, since every employee manages a plan of their own.
 */

type Subject = (ctx: KitContext, args: Record<string, unknown>) => Promise<string | null>;

// The guard reads through the kit's own loaders, never the resolvers' (planById, goalById): a plan
// cached here before the write would answer the mutation's response with its old version.
const ofPlan = (arg: string): Subject => async (ctx, args) => (await loadById(ctx, PerformancePlanRow, args[arg]))?.employeeId ?? null;
async function employeeOfGoal(ctx: KitContext, goalId: unknown): Promise<string | null> {
  const goal = await loadById(ctx, GoalRow, goalId);
  return goal ? (await loadById(ctx, PerformancePlanRow, goal.planId))?.employeeId ?? null : null;
}
const ofGoal = (arg: string): Subject => (ctx, args) => employeeOfGoal(ctx, args[arg]);
const ofIndicator = (arg: string): Subject => async (ctx, args) => {
  const indicator = await loadById(ctx, IndicatorRow, args[arg]);
  return indicator ? employeeOfGoal(ctx, indicator.goalId) : null;
};
const ofRealization: Subject = async (ctx, args) => {
  const realization = await loadById(ctx, RealizationRow, args.realizationId);
  return realization ? employeeOfGoal(ctx, realization.goalId) : null;
};
/** recordRealization names the indicator, or the goal for its first indicator. */
const ofRealizationTarget: Subject = (ctx, args) => (args.indicatorId ? ofIndicator('indicatorId')(ctx, args) : employeeOfGoal(ctx, args.goalId));
const ofEmployee: Subject = async (_ctx, args) => (typeof args.employeeId === 'string' ? args.employeeId : null);

async function planFacts(ctx: KitContext, employeeId: string | null): Promise<PlanFacts | typeof SUBJECT_NOT_FOUND> {
  if (!employeeId) return SUBJECT_NOT_FOUND;
  const r = await relationTo(ctx, employeeId);
  if (!r.target) return SUBJECT_NOT_FOUND;
  return planFactsFrom(r, employeeId);
}

function planGuard(name: string, rule: (f: PlanFacts) => string | null, subject: Subject): Guard<PlanFacts> {
  return defineGuard({
    name, rule,
    facts: async (ctx, args) => planFacts(ctx, await subject(ctx, args)),
    mayUnderSomeSubject: allowsSomeRelation((f) => rule({ ...f, employeeHasSupervisor: true, aboveInOwnChain: false })),
  });
}

export const planCreator = planGuard('managesPlans', managesPlans('create a plan for this employee'), ofEmployee);
export const managerByPlanId = planGuard('managesPlans', managesPlans('change the goals of this plan'), ofPlan('planId'));
export const attachmentsByPlanId = planGuard('managesPlans', managesPlans('change the attachments of this plan'), ofPlan('planId'));
export const managerByGoalId = planGuard('managesPlans', managesPlans('change the indicators of this plan'), ofGoal('goalId'));
export const managerByGoal = planGuard('managesPlans', managesPlans('change the goals of this plan'), ofGoal('id'));
export const managerByIndicator = planGuard('managesPlans', managesPlans('change the indicators of this plan'), ofIndicator('id'));
export const realizationRecorder = planGuard('managesPlans', managesPlans('record realizations for this employee'), ofRealizationTarget);
export const expectationSetter = planGuard('actsAsDirectSupervisor', actsAsDirectSupervisor, ofPlan('planId'));
export const realizationReviewer = planGuard('actsAsDirectSupervisor', actsAsDirectSupervisor, ofRealization);
export const planMover = (action: PlanAction): Guard<PlanFacts> => planGuard(`movesPlan(${action})`, movesPlan(action), ofPlan('id'));
export const planSubmitter = planMover('SUBMIT');
export const planApprover = planMover('APPROVE');
export const planReturner = planMover('RETURN');
export const planReopener = planMover('REOPEN');
