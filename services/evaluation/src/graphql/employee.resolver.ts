import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireUser, type KitContext } from '@kinerja/subgraph-kit';
import type { EvaluationRow } from '../entities/evaluation';
import { accessTo } from './access';
import { evaluationsOfEmployee } from './loaders';
import { EmployeeRef, Evaluation } from './types';

/** Only the evaluations the caller may read; the same rule as `evaluation(id)`. */
async function readable(ctx: KitContext, rows: EvaluationRow[]): Promise<EvaluationRow[]> {
  const access = await Promise.all(rows.map((r) => accessTo(ctx, r)));
  return rows.filter((_, i) => access[i] !== 'NONE');
}

@Resolver(() => EmployeeRef)
export class EmployeeEvaluationsResolver {
  @FieldResolver(() => [Evaluation], { description: 'Newest cycle first' })
  async evaluations(@Root() employee: EmployeeRef, @Ctx() ctx: KitContext, @Arg('year', () => Int, { nullable: true }) year?: number): Promise<EvaluationRow[]> {
    requireUser(ctx);
    return readable(ctx, await evaluationsOfEmployee(ctx, year ?? null).load(employee.id));
  }

  @FieldResolver(() => Evaluation, { nullable: true, description: 'The evaluation of the most recent cycle (by closesOn), completed or not' })
  async latestEvaluation(@Root() employee: EmployeeRef, @Ctx() ctx: KitContext): Promise<EvaluationRow | null> {
    requireUser(ctx);
    const [latest] = await readable(ctx, await evaluationsOfEmployee(ctx, null).load(employee.id));
    return latest ?? null;
  }
}
