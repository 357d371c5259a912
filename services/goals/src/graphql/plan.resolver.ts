import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireUser, type KitContext } from '@kinerja/subgraph-kit';
import type { PerformancePlanRow } from '../entities/performance-plan';
import type { GoalRow } from '../entities/goal';
import { createPerformancePlan, transitionPlan } from '../goals';
import { requireReadPlansOf } from './access';
import { achievementOfPlan } from './achievement';
import { EmployeeRef, employeeStub } from './employee-ref';
import { goalsByPlan, planById } from './loaders';
import { Goal, PerformancePlan } from './types';

@Resolver(() => PerformancePlan)
export class PerformancePlanResolver {
  @Query(() => PerformancePlan, { nullable: true, description: 'A plan by id; FORBIDDEN for a colleague\'s plan' })
  async performancePlan(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string): Promise<PerformancePlanRow | null> {
    requireUser(ctx);
    const plan = await planById(ctx).load(id);
    if (plan) await requireReadPlansOf(ctx, plan.employeeId);
    return plan;
  }

  @FieldResolver(() => EmployeeRef)
  employee(@Root() plan: PerformancePlanRow): EmployeeRef {
    return employeeStub(plan.employeeId);
  }

  @FieldResolver(() => [Goal])
  goals(@Root() plan: PerformancePlanRow, @Ctx() ctx: KitContext): Promise<GoalRow[]> {
    return goalsByPlan(ctx).load(plan.id);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Mean of the goals\' achievement; null while no goal has a realization' })
  achievement(@Root() plan: PerformancePlanRow, @Ctx() ctx: KitContext): Promise<number | null> {
    return achievementOfPlan(ctx, plan.id);
  }

  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'Who approved it (the direct supervisor)' })
  approvedBy(@Root() plan: PerformancePlanRow): EmployeeRef | null {
    return plan.approvedBy ? employeeStub(plan.approvedBy) : null;
  }

  @Mutation(() => PerformancePlan, { description: 'The employee, a supervisor above them or ADMIN; one plan per employee and year (CONFLICT)' })
  createPerformancePlan(
    @Ctx() ctx: KitContext,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('year', () => Int) year: number,
  ): Promise<PerformancePlanRow> {
    return createPerformancePlan(ctx, employeeId, year);
  }

  @Mutation(() => PerformancePlan, { description: 'DRAFT → SUBMITTED, by the employee or a supervisor above them' })
  submitPerformancePlan(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number) {
    return transitionPlan(ctx, id, expectedVersion, 'SUBMIT');
  }

  @Mutation(() => PerformancePlan, { description: 'SUBMITTED → APPROVED, by the direct supervisor only; emits kinerja.plan.approved.v1' })
  approvePerformancePlan(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number) {
    return transitionPlan(ctx, id, expectedVersion, 'APPROVE');
  }

  @Mutation(() => PerformancePlan, { description: 'SUBMITTED or APPROVED → DRAFT, by the direct supervisor, so goals can change again' })
  reopenPerformancePlan(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number) {
    return transitionPlan(ctx, id, expectedVersion, 'REOPEN');
  }
}
