import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireUser, Guard, type KitContext } from '@kinerja/subgraph-kit';
import type { PerformancePlanRow } from '../entities/performance-plan';
import type { GoalRow } from '../entities/goal';
import { CORE_VALUES, CoreValue } from '../domain/enums';
import './enums';
import { createPerformancePlan, setBehaviorExpectation, setPlanAttachments, transitionPlan } from '../goals';
import { requireReadPlansOf } from './access';
import { achievementOfPlan } from './achievement';
import { EmployeeRef, employeeStub } from './employee-ref';
import { PlanAttachmentsInput } from './inputs';
import { expectationsByPlan, goalsByPlan, planById, uncoveredGoalsOf } from './loaders';
import { BehaviorExpectation, Goal, PerformancePlan, PlanAttachments } from './types';
import { attachmentsByPlanId, expectationSetter, planApprover, planCreator, planReopener, planReturner, planSubmitter } from './guards';

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

  @FieldResolver(() => Float, { nullable: true, description: 'Mean over every quantitative indicator whose period (quarter) has passed, an indicator without realization for it counting 0; each against its quarterly target where set; null while none counts' })
  achievement(@Root() plan: PerformancePlanRow, @Ctx() ctx: KitContext): Promise<number | null> {
    return achievementOfPlan(ctx, plan);
  }

  @FieldResolver(() => [BehaviorExpectation], { description: 'All seven BerAKHLAK values in order, each with the direct supervisor\'s specific expectation (empty where none is set)' })
  async behaviorExpectations(@Root() plan: PerformancePlanRow, @Ctx() ctx: KitContext): Promise<BehaviorExpectation[]> {
    const set = new Map((await expectationsByPlan(ctx).load(plan.id)).map((e) => [e.coreValue, e.expectation]));
    return CORE_VALUES.map((coreValue) => ({ coreValue, expectation: set.get(coreValue) ?? '' }));
  }

  @FieldResolver(() => PlanAttachments, { nullable: true, description: 'Lampiran; null while none is set' })
  attachments(@Root() plan: PerformancePlanRow): PlanAttachments | null {
    const a = { resources: plan.attachmentResources, accountability: plan.attachmentAccountability, consequences: plan.attachmentConsequences };
    return a.resources || a.accountability || a.consequences ? a : null;
  }

  @FieldResolver(() => [Goal], { description: 'This plan\'s RHK that no subordinate\'s goal serves (names as parentGoal) yet' })
  uncoveredGoals(@Root() plan: PerformancePlanRow, @Ctx() ctx: KitContext): Promise<GoalRow[]> {
    return uncoveredGoalsOf(ctx).load(plan.id);
  }

  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'Who last returned it for revision (the direct supervisor)' })
  returnedBy(@Root() plan: PerformancePlanRow): EmployeeRef | null {
    return plan.returnedBy ? employeeStub(plan.returnedBy) : null;
  }

  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'Who approved it (the direct supervisor)' })
  approvedBy(@Root() plan: PerformancePlanRow): EmployeeRef | null {
    return plan.approvedBy ? employeeStub(plan.approvedBy) : null;
  }

  @Mutation(() => PerformancePlan, { description: 'The employee, a supervisor above them or ADMIN; one plan per employee and year (CONFLICT)' })
  @Guard(planCreator)
  createPerformancePlan(
    @Ctx() ctx: KitContext,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('year', () => Int) year: number,
  ): Promise<PerformancePlanRow> {
    return createPerformancePlan(ctx, employeeId, year);
  }

  @Mutation(() => PerformancePlan, { description: 'DRAFT → SUBMITTED, by the employee or a supervisor above them' })
  @Guard(planSubmitter)
  submitPerformancePlan(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number) {
    return transitionPlan(ctx, id, expectedVersion, 'SUBMIT');
  }

  @Mutation(() => PerformancePlan, { description: 'SUBMITTED → APPROVED, by the direct supervisor only; emits kinerja.plan.approved.v1' })
  @Guard(planApprover)
  approvePerformancePlan(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number) {
    return transitionPlan(ctx, id, expectedVersion, 'APPROVE');
  }

  @Mutation(() => PerformancePlan, { description: 'SUBMITTED → RETURNED with a note, by the direct supervisor; the employee edits and submits again' })
  @Guard(planReturner)
  returnPerformancePlan(
    @Ctx() ctx: KitContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('note', () => String) note: string,
  ) {
    return transitionPlan(ctx, id, expectedVersion, 'RETURN', note);
  }

  @Mutation(() => PerformancePlan, { description: 'Ekspektasi khusus pimpinan, by the direct supervisor, while the plan is not APPROVED; a second replaces the first' })
  @Guard(expectationSetter)
  setBehaviorExpectation(
    @Ctx() ctx: KitContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('coreValue', () => CoreValue) coreValue: CoreValue,
    @Arg('expectation', () => String) expectation: string,
  ) {
    return setBehaviorExpectation(ctx, planId, coreValue, expectation);
  }

  @Mutation(() => PerformancePlan, { description: 'Lampiran, by the employee, a supervisor above them or ADMIN, while the plan is not APPROVED; replaces all three texts' })
  @Guard(attachmentsByPlanId)
  setPlanAttachments(@Ctx() ctx: KitContext, @Arg('planId', () => ID) planId: string, @Arg('input', () => PlanAttachmentsInput) input: PlanAttachmentsInput) {
    return setPlanAttachments(ctx, planId, input);
  }

  @Mutation(() => PerformancePlan, { description: 'SUBMITTED or APPROVED → DRAFT, by the direct supervisor, so goals can change again' })
  @Guard(planReopener)
  reopenPerformancePlan(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number) {
    return transitionPlan(ctx, id, expectedVersion, 'REOPEN');
  }
}
