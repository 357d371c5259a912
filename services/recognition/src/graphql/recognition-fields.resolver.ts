import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireUser, type KitContext } from '@kinerja/subgraph-kit';
import type { AwardRow } from '../entities/award';
import type { RewardDecisionRow } from '../entities/reward-decision';
import type { SanctionRow } from '../entities/sanction';
import { requireRecordsOf } from './access';
import { awardsByEmployee, decisionByEvaluation, decisionsByEmployee, sanctionsByEmployee } from './loaders';
import { EmployeeRef, EvaluationRef } from './refs';
import { Award, RewardDecision, Sanction } from './types';

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
