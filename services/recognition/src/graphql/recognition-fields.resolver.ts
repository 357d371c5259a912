import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadInput, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import { In } from 'typeorm';
import { monthlyAllowance, type MonthlyAllowanceOutcome } from '../domain/allowance';
import { DecisionStatus, SanctionStatus } from '../domain/enums';
import './enums';
import type { ImprovementPlanRow } from '../entities/improvement';
import { RewardDecisionRow as DecisionEntity } from '../entities/reward-decision';
import { SanctionRow as SanctionEntity } from '../entities/sanction';
import type { AwardRow } from '../entities/award';
import type { RewardDecisionRow } from '../entities/reward-decision';
import type { SanctionRow } from '../entities/sanction';
import { requirePlansOf, requireRecordsOf } from './access';
import { awardsByEmployee, decisionByEvaluation, decisionsByEmployee, plansByEmployee, sanctionsByEmployee } from './loaders';
import { EmployeeRef, EvaluationRef } from './refs';
import { Award, ImprovementPlan, MonthlyAllowance, RewardDecision, Sanction } from './types';

/** Employee.rewardDecisions / awards / sanctions: the employee's own, their unit heads', ADMIN, ANALYST. */
@Resolver(() => EmployeeRef)
export class EmployeeRecognitionResolver {
  @FieldResolver(() => [RewardDecision], { description: 'Oldest completion first' })
  async rewardDecisions(
    @Root() employee: EmployeeRef,
    @Ctx() ctx: KitContext,
    @Arg('year', () => Int, { nullable: true }) year?: number,
  ): Promise<RewardDecisionRow[]> {
    await requireRecordsOf(ctx, employee.id, 'Reward decisions');
    return decisionsByEmployee(ctx, year ?? null).load(employee.id);
  }

  @FieldResolver(() => [Award])
  async awards(@Root() employee: EmployeeRef, @Ctx() ctx: KitContext): Promise<AwardRow[]> {
    await requireRecordsOf(ctx, employee.id, 'Awards');
    return awardsByEmployee(ctx).load(employee.id);
  }

  @FieldResolver(() => [ImprovementPlan], { description: 'Oldest first: the employee, their supervisors, the heads of their unit, ADMIN and ANALYST' })
  async improvementPlans(@Root() employee: EmployeeRef, @Ctx() ctx: KitContext): Promise<ImprovementPlanRow[]> {
    await requirePlansOf(ctx, employee.id);
    return plansByEmployee(ctx).load(employee.id);
  }

  @FieldResolver(() => MonthlyAllowance, {
    description: 'The month\'s TPP percent: the year\'s ACTIVE annual decision (else the month\'s or quarter\'s), less 25 percentage points in each month of an imposed moderate TPP cut (PP 94/2021 art. 8(3))',
  })
  async allowance(
    @Root() employee: EmployeeRef,
    @Ctx() ctx: KitContext,
    @Arg('year', () => Int) year: number,
    @Arg('month', () => Int) month: number,
  ): Promise<MonthlyAllowanceOutcome> {
    await requireRecordsOf(ctx, employee.id, 'Allowances');
    if (year < 2000 || year > 2100) throw new BadInput('year', 'must be between 2000 and 2100');
    if (month < 1 || month > 12) throw new BadInput('month', 'must be between 1 and 12');
    const [decisions, cuts] = await Promise.all([
      ctx.dataSource.getRepository(DecisionEntity).find({ where: { employeeId: employee.id, year, status: DecisionStatus.ACTIVE }, order: { completedAt: 'DESC' } }),
      ctx.dataSource.getRepository(SanctionEntity).find({ where: { employeeId: employee.id, status: In([SanctionStatus.IMPOSED]) } }),
    ]);
    return monthlyAllowance(year, month, decisions, cuts);
  }

  @FieldResolver(() => [Sanction])
  async sanctions(@Root() employee: EmployeeRef, @Ctx() ctx: KitContext): Promise<SanctionRow[]> {
    await requireRecordsOf(ctx, employee.id, 'Sanctions');
    return sanctionsByEmployee(ctx).load(employee.id);
  }
}

@Resolver(() => EvaluationRef)
export class EvaluationRecognitionResolver {
  @FieldResolver(() => RewardDecision, { nullable: true, description: 'Null until the evaluation.completed event has been processed' })
  async rewardDecision(@Root() evaluation: EvaluationRef, @Ctx() ctx: KitContext): Promise<RewardDecisionRow | null> {
    requireUser(ctx);
    const decision = await decisionByEvaluation(ctx).load(evaluation.id);
    if (decision) await requireRecordsOf(ctx, decision.employeeId, 'Reward decisions');
    return decision;
  }
}
