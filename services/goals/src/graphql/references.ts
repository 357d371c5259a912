import { requireUser, type KitContext } from '@kinerja/subgraph-kit';
import type { GoalRow } from '../entities/goal';
import type { PerformancePlanRow } from '../entities/performance-plan';
import { requireReadPlansOf } from './access';
import { goalById, planById } from './loaders';

/** `_entities` for PerformancePlan and Goal, batched and authorized like the queries. */
export async function resolvePlanReference(ref: Record<string, unknown>, ctx: KitContext): Promise<PerformancePlanRow | null> {
  requireUser(ctx);
  const plan = typeof ref.id === 'string' ? await planById(ctx).load(ref.id) : null;
  if (plan) await requireReadPlansOf(ctx, plan.employeeId);
  return plan;
}

export async function resolveGoalReference(ref: Record<string, unknown>, ctx: KitContext): Promise<GoalRow | null> {
  requireUser(ctx);
  const goal = typeof ref.id === 'string' ? await goalById(ctx).load(ref.id) : null;
  if (!goal) return null;
  const plan = await planById(ctx).load(goal.planId);
  if (plan) await requireReadPlansOf(ctx, plan.employeeId);
  return goal;
}
