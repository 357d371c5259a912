import type { KitContext } from '@kinerja/subgraph-kit';
import { computeAchievement, planAchievement } from '../domain/achievement';
import type { GoalRow } from '../entities/goal';
import type { RealizationRow } from '../entities/realization';
import { goalsByPlan, realizationsByGoal } from './loaders';

/** The latest cumulative realization of a goal (realizations come in time order). */
export async function latestRealization(ctx: KitContext, goal: GoalRow): Promise<RealizationRow | null> {
  const list = await realizationsByGoal(ctx).load(goal.id);
  return list[list.length - 1] ?? null;
}

export async function achievementOfGoal(ctx: KitContext, goal: GoalRow): Promise<number | null> {
  const latest = await latestRealization(ctx, goal);
  return latest ? computeAchievement(goal.target, latest.value, goal.direction) : null;
}

/** CONTRACT.md: the mean of the goals' achievement, null while no realization exists. */
export async function achievementOfPlan(ctx: KitContext, planId: string): Promise<number | null> {
  const goals = await goalsByPlan(ctx).load(planId);
  return planAchievement(await Promise.all(goals.map((g) => achievementOfGoal(ctx, g))));
}
