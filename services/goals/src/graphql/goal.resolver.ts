import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireUser, Guard, type KitContext } from '@kinerja/subgraph-kit';
import { TargetDirection } from '../domain/enums';
import './enums';
import type { GoalRow } from '../entities/goal';
import type { IndicatorRow } from '../entities/indicator';
import type { PerformancePlanRow } from '../entities/performance-plan';
import type { RealizationRow } from '../entities/realization';
import { addGoal, addIndicator, recordRealization, removeGoal, removeIndicator, updateGoal, updateIndicator } from '../goals';
import { canReadPlansOf, requireReadPlansOf } from './access';
import { achievementOfGoal, achievementOfIndicator, firstIndicatorOf, latestRealization } from './achievement';
import { GoalInput, IndicatorInput, RealizationInput } from './inputs';
import { childGoalsOf, goalById, indicatorsByGoal, planById, realizationsByIndicator } from './loaders';
import { Goal, Indicator, PerformancePlan, Realization } from './types';
import { managerByGoal, managerByGoalId, managerByIndicator, managerByPlanId, realizationRecorder } from './guards';

async function planOf(ctx: KitContext, goal: GoalRow): Promise<PerformancePlanRow> {
  const plan = await planById(ctx).load(goal.planId);
  if (!plan) throw new Error(`goal ${goal.id} has no plan ${goal.planId}`); // the foreign key makes this impossible
  return plan;
}

const FIRST = 'Describes the first indicator; use indicators';

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

  @FieldResolver(() => [Indicator], { description: 'One or more indicators (indikator kinerja individu), in order' })
  indicators(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<IndicatorRow[]> {
    return indicatorsByGoal(ctx).load(goal.id);
  }

  @FieldResolver(() => String, { deprecationReason: FIRST, description: 'indikator kinerja individu (the first indicator)' })
  async indicator(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<string> {
    return (await firstIndicatorOf(ctx, goal))?.description ?? '';
  }

  @FieldResolver(() => String, { deprecationReason: FIRST, description: 'The first indicator\'s unit; empty for a qualitative one' })
  async unitOfMeasure(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<string> {
    return (await firstIndicatorOf(ctx, goal))?.unitOfMeasure ?? '';
  }

  @FieldResolver(() => Float, { deprecationReason: FIRST, description: 'The first indicator\'s annual target; 0 for a qualitative one' })
  async target(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<number> {
    return (await firstIndicatorOf(ctx, goal))?.target ?? 0;
  }

  @FieldResolver(() => TargetDirection, { deprecationReason: FIRST, description: 'The first indicator\'s direction; HIGHER_IS_BETTER for a qualitative one' })
  async direction(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<TargetDirection> {
    return (await firstIndicatorOf(ctx, goal))?.direction ?? TargetDirection.HIGHER_IS_BETTER;
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

  @FieldResolver(() => [Realization], { description: 'The first indicator\'s realizations (Indicator.realizations has each indicator\'s)' })
  async realizations(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<RealizationRow[]> {
    const first = await firstIndicatorOf(ctx, goal);
    return first ? realizationsByIndicator(ctx).load(first.id) : [];
  }

  @FieldResolver(() => Float, { nullable: true, deprecationReason: FIRST, description: 'The first indicator\'s latest cumulative realization' })
  async realized(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<number | null> {
    const first = await firstIndicatorOf(ctx, goal);
    return first && !first.qualitative ? (await latestRealization(ctx, first))?.value ?? null : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Mean of the quantitative indicators\' achievement (1.0 = met), each capped at 1.5; null while none has a realization' })
  achievement(@Root() goal: GoalRow, @Ctx() ctx: KitContext): Promise<number | null> {
    return achievementOfGoal(ctx, goal);
  }

  @Mutation(() => Goal, { description: 'Only while the plan is a DRAFT or RETURNED; parentGoalId must be a goal of the direct supervisor\'s plan of the same year; creates the first indicator' })
  @Guard(managerByPlanId)
  addGoal(@Ctx() ctx: KitContext, @Arg('planId', () => ID) planId: string, @Arg('input', () => GoalInput) input: GoalInput) {
    return addGoal(ctx, planId, input);
  }

  @Mutation(() => Goal, { description: 'Replaces the goal\'s title, parent (link the supervisor\'s RHK here), kind when given, and its first indicator; only while the plan is a DRAFT or RETURNED' })
  @Guard(managerByGoal)
  updateGoal(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('input', () => GoalInput) input: GoalInput) {
    return updateGoal(ctx, id, input);
  }

  @Mutation(() => Boolean, { description: 'Only while the plan is a DRAFT or RETURNED, and only a goal nobody serves and without realizations' })
  @Guard(managerByGoal)
  removeGoal(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string) {
    return removeGoal(ctx, id);
  }

  @Mutation(() => Goal, { description: 'Adds an indicator to a goal; only while the plan is a DRAFT or RETURNED' })
  @Guard(managerByGoalId)
  addIndicator(@Ctx() ctx: KitContext, @Arg('goalId', () => ID) goalId: string, @Arg('input', () => IndicatorInput) input: IndicatorInput) {
    return addIndicator(ctx, goalId, input);
  }

  @Mutation(() => Goal, { description: 'Replaces an indicator; only while the plan is a DRAFT or RETURNED' })
  @Guard(managerByIndicator)
  updateIndicator(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('input', () => IndicatorInput) input: IndicatorInput) {
    return updateIndicator(ctx, id, input);
  }

  @Mutation(() => Goal, { description: 'Removes an indicator without realizations; a goal keeps at least one' })
  @Guard(managerByIndicator)
  removeIndicator(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string) {
    return removeIndicator(ctx, id);
  }

  @Mutation(() => Goal, { description: 'The employee or a supervisor above them, on an approved plan, for a period within the plan\'s; indicatorId, or goalId for the goal\'s first indicator; recording a period again replaces it (history kept)' })
  @Guard(realizationRecorder)
  recordRealization(
    @Ctx() ctx: KitContext,
    @Arg('input', () => RealizationInput) input: RealizationInput,
    @Arg('goalId', () => ID, { nullable: true }) goalId?: string | null,
    @Arg('indicatorId', () => ID, { nullable: true }) indicatorId?: string | null,
  ) {
    return recordRealization(ctx, { goalId: goalId ?? null, indicatorId: indicatorId ?? null }, input);
  }
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => [Realization], { description: 'In time order' })
  realizations(@Root() i: IndicatorRow, @Ctx() ctx: KitContext): Promise<RealizationRow[]> {
    return realizationsByIndicator(ctx).load(i.id);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The latest cumulative realization; null when qualitative or without realization' })
  async realized(@Root() i: IndicatorRow, @Ctx() ctx: KitContext): Promise<number | null> {
    return i.qualitative ? null : (await latestRealization(ctx, i))?.value ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The latest realization against its quarter\'s target (else the annual one), capped at 1.5, 4 decimals; null when qualitative or without realization' })
  achievement(@Root() i: IndicatorRow, @Ctx() ctx: KitContext): Promise<number | null> {
    return achievementOfIndicator(ctx, i);
  }
}
