import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireUser, Guard, type KitContext } from '@kinerja/subgraph-kit';
import { EvaluationCycleRow } from '../entities/evaluation-cycle';
import { closeEvaluationCycle, openEvaluationCycle } from '../evaluation';
import { EvaluationCycleInput } from './inputs';
import { EvaluationCycle } from './types';
import { cycleKeeper } from './guards';

@Resolver(() => EvaluationCycle)
export class EvaluationCycleResolver {
  @Query(() => [EvaluationCycle], { description: 'Newest first' })
  async evaluationCycles(@Ctx() ctx: KitContext, @Arg('year', () => Int, { nullable: true }) year?: number): Promise<EvaluationCycleRow[]> {
    requireUser(ctx);
    const q = ctx.dataSource.getRepository(EvaluationCycleRow).createQueryBuilder('c')
      .orderBy('c.year', 'DESC').addOrderBy('c.opens_on', 'DESC').addOrderBy('c.period_type').addOrderBy('c.id');
    if (year !== undefined && year !== null) q.where('c.year = :year', { year });
    return q.getMany();
  }

  @Mutation(() => EvaluationCycle, { description: 'ADMIN. No two OPEN cycles with the same year, type and period' })
  @Guard(cycleKeeper)
  openEvaluationCycle(@Ctx() ctx: KitContext, @Arg('input', () => EvaluationCycleInput) input: EvaluationCycleInput) {
    return openEvaluationCycle(ctx, input);
  }

  @Mutation(() => EvaluationCycle, { description: 'ADMIN' })
  @Guard(cycleKeeper)
  closeEvaluationCycle(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string) {
    return closeEvaluationCycle(ctx, id);
  }
}
