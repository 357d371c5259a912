import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInput, DateScalar, Guard, isUuid, type KitContext } from '@kinerja/subgraph-kit';
import { ImprovementStatus } from '../domain/enums';
import './enums';
import type { CoachingSessionRow, ImprovementPlanRow, ImprovementStepRow } from '../entities/improvement';
import { ImprovementPlanRow as PlanEntity } from '../entities/improvement';
import type { RewardDecisionRow } from '../entities/reward-decision';
import { recordCoachingSession, reviewImprovementPlan, setImprovementTargets } from '../improvement';
import { visibleUnits } from './access';
import { decisionById, planSessions, planSteps } from './loaders';
import { EmployeeRef, employeeStub } from './refs';
import { CoachingSession, ImprovementPlan, ImprovementStep, RewardDecision } from './types';
import { planCoach, planReviewer } from './guards';

const MAX_PAGE = 5000;

@Resolver(() => ImprovementPlan)
export class ImprovementPlanResolver {
  @Query(() => [ImprovementPlan], { description: 'Improvement plans, newest first: unit heads for their units and sub-units, ADMIN and ANALYST everywhere' })
  async improvementPlans(
    @Ctx() ctx: KitContext,
    @Arg('status', () => ImprovementStatus, { nullable: true }) status?: ImprovementStatus,
    @Arg('unitId', () => ID, { nullable: true, description: 'This unit and its sub-units' }) unitId?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 500, description: `At most ${MAX_PAGE}` }) first?: number,
  ): Promise<ImprovementPlanRow[]> {
    const units = await visibleUnits(ctx, unitId && isUuid(unitId) ? unitId : undefined, 'Improvement plans');
    if (unitId && !isUuid(unitId)) throw new BadInput('unitId', 'must be an organization unit id');
    const limit = first ?? 500;
    if (limit < 1 || limit > MAX_PAGE) throw new BadInput('first', `must be between 1 and ${MAX_PAGE}`);
    const q = ctx.dataSource.getRepository(PlanEntity).createQueryBuilder('p');
    if (units !== null) q.andWhere('p.unit_id = ANY(:units)', { units });
    if (status) q.andWhere('p.status = :status', { status });
    return q.orderBy('p.opens_on', 'DESC').addOrderBy('p.id', 'ASC').limit(limit).getMany();
  }

  @Mutation(() => ImprovementPlan, { description: 'The plan\'s owner (the direct supervisor) sets its targets while it is open' })
  @Guard(planCoach)
  setImprovementTargets(
    @Ctx() ctx: KitContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('targets', () => String) targets: string,
  ): Promise<ImprovementPlanRow> {
    return setImprovementTargets(ctx, planId, targets);
  }

  @Mutation(() => ImprovementPlan, { description: 'The plan\'s owner (the direct supervisor) records a coaching session held on the plan' })
  @Guard(planCoach)
  recordCoachingSession(
    @Ctx() ctx: KitContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('heldOn', () => DateScalar) heldOn: string,
    @Arg('notes', () => String) notes: string,
  ): Promise<ImprovementPlanRow> {
    return recordCoachingSession(ctx, planId, heldOn, notes);
  }

  @Mutation(() => ImprovementPlan, {
    description: 'PP 30/2019 art. 56-58, not before reviewDueOn: the owner decides IMPROVED or RETEST; ADMIN then TRANSFER, TEMPORARY_POST, DISCHARGE_RECOMMENDED, each after the previous. Emits kinerja.improvement.changed.v1.',
  })
  @Guard(planReviewer)
  reviewImprovementPlan(
    @Ctx() ctx: KitContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('outcome', () => ImprovementStatus) outcome: ImprovementStatus,
    @Arg('reason', () => String) reason: string,
  ): Promise<ImprovementPlanRow> {
    return reviewImprovementPlan(ctx, planId, outcome, reason);
  }

  @FieldResolver(() => EmployeeRef)
  employee(@Root() p: ImprovementPlanRow): EmployeeRef {
    return employeeStub(p.employeeId);
  }

  @FieldResolver(() => EmployeeRef, { description: 'The direct supervisor who owns the plan' })
  owner(@Root() p: ImprovementPlanRow): EmployeeRef {
    return employeeStub(p.ownerId);
  }

  @FieldResolver(() => RewardDecision, { description: 'The decision whose follow-up opened it' })
  async decision(@Root() p: ImprovementPlanRow, @Ctx() ctx: KitContext): Promise<RewardDecisionRow> {
    return (await decisionById(ctx).load(p.decisionId))!;
  }

  @FieldResolver(() => [CoachingSession], { description: 'Oldest first' })
  sessions(@Root() p: ImprovementPlanRow, @Ctx() ctx: KitContext): Promise<CoachingSessionRow[]> {
    return planSessions(ctx).load(p.id);
  }

  @FieldResolver(() => [ImprovementStep], { description: 'Every status it took, oldest first, with who, when and why' })
  steps(@Root() p: ImprovementPlanRow, @Ctx() ctx: KitContext): Promise<ImprovementStepRow[]> {
    return planSteps(ctx).load(p.id);
  }
}

@Resolver(() => CoachingSession)
export class CoachingSessionResolver {
  @FieldResolver(() => EmployeeRef)
  by(@Root() s: CoachingSessionRow): EmployeeRef {
    return employeeStub(s.byId);
  }
}

@Resolver(() => ImprovementStep)
export class ImprovementStepResolver {
  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'Null when the system opened or withdrew the plan' })
  decidedBy(@Root() s: ImprovementStepRow): EmployeeRef | null {
    return s.decidedBy ? employeeStub(s.decidedBy) : null;
  }
}
