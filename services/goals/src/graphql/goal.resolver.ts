import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireUser, type KitContext } from '@kinerja/subgraph-kit';
import type { GoalRow } from '../entities/goal';
import type { PerformancePlanRow } from '../entities/performance-plan';
import type { RealizationRow } from '../entities/realization';
import { addGoal, recordRealization, removeGoal, updateGoal } from '../goals';
import { canReadPlansOf, requireReadPlansOf } from './access';
import { achievementOfGoal, latestRealization } from './achievement';
import { GoalInput, RealizationInput } from './inputs';
import { childGoalsOf, goalById, planById, realizationsByGoal } from './loaders';
import { Goal, PerformancePlan, Realization } from './types';

async function planOf(ctx: KitContext, goal: GoalRow): Promise<PerformancePlanRow> {
  const plan = await planById(ctx).load(goal.planId);
  if (!plan) throw new Error(`goal ${goal.id} has no plan ${goal.planId}`); // the foreign key makes this impossible
  return plan;
}

@Resolver(() => Goal)
export class GoalResolver {
  @Query(() => Goal, { nullable: true, description: 'A goal by id; FORBIDDEN for a goal in a colleague\'s plan' })
  async goal(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string): Promise<GoalRow | null> {
    requireUser(ctx);
    const goal = await goalById(ctx).load(id);
    if (goal) await requireReadPlansOf(ctx, (await planOf(ctx, goal)).employeeId);
    return goal;
  }

  @FieldResolver(() => PerformancePlan)
  plan(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<PerformancePlanRow> {
    return planOf(ctx, goal);
  }

  @FieldResolver(() => Goal, { nullable: true, description: 'The direct supervisor\'s goal this one serves' })
  async parentGoal(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<GoalRow | null> {
    if (!goal.parentGoalId) return null;
    const parent = await goalById(ctx).load(goal.parentGoalId);
    if (parent) await requireReadPlansOf(ctx, (await planOf(ctx, parent)).employeeId);
    return parent;
  }

  @FieldResolver(() => [Goal], { description: 'Subordinates\' goals serving this one, as far as the caller may read them' })
  async childGoals(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<GoalRow[]> {
    const children = await childGoalsOf(ctx).load(goal.id);
    const readable = await Promise.all(children.map(async (c) => canReadPlansOf(ctx, (await planOf(ctx, c)).employeeId)));
    return children.filter((_, i) => readable[i]);
  }

  @FieldResolver(() => [Realization])
  realizations(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<RealizationRow[]> {
    return realizationsByGoal(ctx).load(goal.id);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The latest cumulative realization' })
  async realized(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<number | null> {
    return (await latestRealization(ctx, goal))?.value ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Realized vs target (1.0 = met), capped at 1.5; null without realization' })
  achievement(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<number | null> {
    return achievementOfGoal(ctx, goal);
  }

  @Mutation(() => Goal, { description: 'Only while the plan is a DRAFT; parentGoalId must be a goal of the direct supervisor\'s plan of the same year' })
  addGoal(@Ctx() ctx: KitContext, @Arg('planId', () => ID) planId: string, @Arg('input', () => GoalInput) input: GoalInput) {
    return addGoal(ctx, planId, input);
  }

  @Mutation(() => Goal, { description: 'Replaces the goal\'s fields; only while the plan is a DRAFT' })
  updateGoal(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('input', () => GoalInput) input: GoalInput) {
    return updateGoal(ctx, id, input);
  }

  @Mutation(() => Boolean, { description: 'Only while the plan is a DRAFT, and only a goal nobody serves and without realizations' })
  removeGoal(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string) {
    return removeGoal(ctx, id);
  }

  @Mutation(() => Goal, { description: 'The employee or a supervisor above them, on an approved plan; recording a period again replaces it (history kept)' })
  recordRealization(@Ctx() ctx: KitContext, @Arg('goalId', () => ID) goalId: string, @Arg('input', () => RealizationInput) input: RealizationInput) {
    return recordRealization(ctx, goalId, input);
  }
}
