import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { BadInput, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import { EvaluationStatus, PeriodType, Predicate } from '../domain/enums';
import './enums';
import type { EvaluationRow } from '../entities/evaluation';
import { accessTo } from './access';
import { cycleById, evaluationsOfEmployee } from './loaders';
import { EmployeeRef, Evaluation } from './types';

@ObjectType({ description: "A year's final predicate: the completed evaluation of that year's ANNUAL cycle" })
export class AnnualPredicate {
  @Field(() => Int) year: number;
  @Field(() => Predicate) predicate: Predicate;
  @Field(() => Evaluation) evaluation: EvaluationRow;
}

export const MAX_ANNUAL_PREDICATES = 10;

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

  @FieldResolver(() => [AnnualPredicate], {
    description: 'The predicates of the last `last` years with a completed ANNUAL evaluation, newest first '
      + '(for promotion, awards and PPPK contract renewal, PP 49/2018 art. 37). Readable by whoever may read those evaluations.',
  })
  async annualPredicates(
    @Root() employee: EmployeeRef,
    @Ctx() ctx: KitContext,
    @Arg('last', () => Int, { nullable: true, defaultValue: 2 }) lastArg: number | null,
  ): Promise<AnnualPredicate[]> {
    requireUser(ctx);
    const last = lastArg ?? 2;
    if (!Number.isInteger(last) || last < 1 || last > MAX_ANNUAL_PREDICATES) {
      throw new BadInput('last', `must be a number of years from 1 to ${MAX_ANNUAL_PREDICATES}`, `last harus 1 sampai ${MAX_ANNUAL_PREDICATES} tahun`);
    }
    const rows = (await evaluationsOfEmployee(ctx, null).load(employee.id)).filter((e) => e.status === EvaluationStatus.COMPLETED && e.predicate);
    const cycles = await Promise.all(rows.map((e) => cycleById(ctx).load(e.cycleId)));
    const annual = rows
      .map((evaluation, i) => ({ evaluation, cycle: cycles[i] }))
      .filter((x) => x.cycle?.periodType === PeriodType.ANNUAL);
    // Newest cycle first already; one per year (the latest completed, should a year hold two).
    const byYear = new Map<number, EvaluationRow>();
    for (const { evaluation, cycle } of annual) if (cycle && !byYear.has(cycle.year)) byYear.set(cycle.year, evaluation);
    const picked = [...byYear.entries()].sort((a, b) => b[0] - a[0]).slice(0, last);
    const visible = new Set((await readable(ctx, picked.map(([, e]) => e))).map((e) => e.id));
    const access = await Promise.all(picked.map(([, e]) => accessTo(ctx, e)));
    return picked
      .filter(([, e], i) => visible.has(e.id) && access[i] !== 'PARTICIPANT')
      .map(([year, e]) => ({ year, predicate: e.predicate as Predicate, evaluation: e }));
  }
}
