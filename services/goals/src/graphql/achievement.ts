import type { KitContext } from '@kinerja/subgraph-kit';
import { indicatorAchievement, passedMonthOf, planAchievement, planAchievementOf, type MeasuredIndicator } from '../domain/achievement';
import type { GoalRow } from '../entities/goal';
import type { IndicatorRow } from '../entities/indicator';
import type { PerformancePlanRow } from '../entities/performance-plan';
import type { RealizationRow } from '../entities/realization';
import { goalsByPlan, indicatorsByGoal, realizationsByIndicator } from './loaders';

/** Achievement through the per-request loaders: a fixed number of statements whatever the page holds. */

export async function measured(ctx: KitContext, indicator: IndicatorRow): Promise<MeasuredIndicator> {
  const realizations = await realizationsByIndicator(ctx).load(indicator.id);
  return {
    qualitative: indicator.qualitative, target: indicator.target, direction: indicator.direction, quarterlyTargets: indicator.quarterlyTargets,
    realizations: realizations.map((r) => ({ endMonth: r.periodEndMonth, value: r.value })),
  };
}

export async function achievementOfIndicator(ctx: KitContext, indicator: IndicatorRow): Promise<number | null> {
  return indicatorAchievement(await measured(ctx, indicator));
}

export async function firstIndicatorOf(ctx: KitContext, goal: GoalRow): Promise<IndicatorRow | null> {
  return (await indicatorsByGoal(ctx).load(goal.id))[0] ?? null;
}

/** The latest cumulative realization of an indicator (realizations come in time order). */
export async function latestRealization(ctx: KitContext, indicator: IndicatorRow): Promise<RealizationRow | null> {
  const list = await realizationsByIndicator(ctx).load(indicator.id);
  return list[list.length - 1] ?? null;
}

/** A goal's achievement: the mean of its quantitative indicators' achievements; null while none has one. */
export async function achievementOfGoal(ctx: KitContext, goal: GoalRow): Promise<number | null> {
  const indicators = await indicatorsByGoal(ctx).load(goal.id);
  return planAchievement(await Promise.all(indicators.map((i) => achievementOfIndicator(ctx, i))));
}

/** DOMAIN.md: every quantitative indicator whose period has passed counts, without realization as 0. */
export async function achievementOfPlan(ctx: KitContext, plan: PerformancePlanRow, asOf = new Date()): Promise<number | null> {
  const goals = await goalsByPlan(ctx).load(plan.id);
  const indicators = (await Promise.all(goals.map((g) => indicatorsByGoal(ctx).load(g.id)))).flat();
  const measures = await Promise.all(indicators.map((i) => measured(ctx, i)));
  return planAchievementOf(measures, passedMonthOf({ start: plan.periodStart, end: plan.periodEnd }, asOf));
}
