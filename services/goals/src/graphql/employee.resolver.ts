import { Arg, Ctx, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { DateScalar, Forbidden, type KitContext } from '@kinerja/subgraph-kit';
import { countedAchievement, passedMonthOf, round4 } from '../domain/achievement';
import { GoalKind, PlanStatus } from '../domain/enums';
import './enums';
import type { PerformancePlanRow } from '../entities/performance-plan';
import { requireReadPlansOf } from './access';
import { measured } from './achievement';
import { EmployeeRef } from './employee-ref';
import { goalsByPlan, indicatorsByGoal, plansByEmployee, plansByEmployeeYear } from './loaders';
import { PerformancePlan } from './types';
import { localDateOf } from '../domain/transfer';

/** A goal as the evaluation subgraph needs it to ground an evaluation (service-only, @inaccessible). */
@Directive('@inaccessible')
@ObjectType()
export class SkpGoalSummary {
  @Field(() => ID) id: string;
  @Field(() => GoalKind) kind: GoalKind;
  @Field(() => String) title: string;
  @Field(() => Float, { nullable: true, description: 'Mean over quantitative indicators counted at asOf (DOMAIN.md); null when none counts' })
  achievement: number | null;
  @Field(() => Boolean, { description: 'Every indicator is qualitative: only the evaluator\'s rating measures it' })
  qualitativeOnly: boolean;
}

@Directive('@inaccessible')
@ObjectType()
export class SkpPlanSummary {
  @Field(() => ID) id: string;
  @Field(() => PlanStatus) status: PlanStatus;
  @Field(() => DateScalar) periodStart: string;
  @Field(() => DateScalar) periodEnd: string;
  @Field(() => [SkpGoalSummary]) goals: SkpGoalSummary[];
}

/** Goals' fields on personnel's Employee. */
@Resolver(() => EmployeeRef)
export class EmployeePlansResolver {
  @FieldResolver(() => PerformancePlan, { nullable: true, description: 'The SKP for a year (after a transfer: the plan covering today, else the latest of that year); null when none was created' })
  async performancePlan(
    @Root() employee: EmployeeRef,
    @Ctx() ctx: KitContext,
    @Arg('year', () => Int) year: number,
  ): Promise<PerformancePlanRow | null> {
    await requireReadPlansOf(ctx, employee.id);
    const plans = await plansByEmployeeYear(ctx).load(`${employee.id}|${year}`);
    // Today in Kabupaten Bungo (WIB), the calendar transfers split plans by; not UTC's date.
    const today = localDateOf(new Date());
    return plans.find((p) => p.periodStart <= today && today <= p.periodEnd) ?? plans[plans.length - 1] ?? null;
  }

  @FieldResolver(() => [PerformancePlan], { description: 'Every SKP of the employee, newest year first (a year split by a transfer has one per period)' })
  async performancePlans(@Root() employee: EmployeeRef, @Ctx() ctx: KitContext): Promise<PerformancePlanRow[]> {
    await requireReadPlansOf(ctx, employee.id);
    return plansByEmployee(ctx).load(employee.id);
  }

  /**
   * The plans overlapping [from, to] with their goals' kinds and achievements at `to` (or today when
   * earlier): how the evaluation subgraph grounds an evaluation in the SKP. Another subgraph only.
   */
  @Directive('@inaccessible')
  @FieldResolver(() => [SkpPlanSummary])
  async skpCoverage(
    @Root() employee: EmployeeRef,
    @Ctx() ctx: KitContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ): Promise<SkpPlanSummary[]> {
    if (!ctx.identity.service) throw new Forbidden('skpCoverage answers other subgraphs only');
    const years = new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))]);
    const plans = (await Promise.all([...years].map((y) => plansByEmployeeYear(ctx).load(`${employee.id}|${y}`)))).flat()
      .filter((p) => p.periodStart <= to && p.periodEnd >= from);
    const now = new Date();
    const asOf = new Date(Math.min(now.getTime(), new Date(`${to}T23:59:59Z`).getTime()));
    return Promise.all(plans.map(async (plan) => {
      const passed = passedMonthOf({ start: plan.periodStart, end: plan.periodEnd }, asOf);
      const goals = await goalsByPlan(ctx).load(plan.id);
      return {
        id: plan.id, status: plan.status, periodStart: plan.periodStart, periodEnd: plan.periodEnd,
        goals: await Promise.all(goals.map(async (g) => {
          const indicators = await indicatorsByGoal(ctx).load(g.id);
          const counted = (await Promise.all(indicators.map(async (i) => countedAchievement(await measured(ctx, i), passed))))
            .filter((a): a is number => a !== null);
          return {
            id: g.id, kind: g.kind, title: g.title, qualitativeOnly: indicators.length > 0 && indicators.every((i) => i.qualitative),
            achievement: counted.length ? round4(counted.reduce((s, a) => s + a, 0) / counted.length) : null,
          };
        })),
      };
    }));
  }
}
