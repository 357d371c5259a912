import { byKey, groupByKey, isUuid, rowsById, type KitContext } from '@kinerja/subgraph-kit';
import { EvaluationCycleRow } from '../entities/evaluation-cycle';
import { EvaluationRow } from '../entities/evaluation';
import { FeedbackRow } from '../entities/feedback';
import { ObjectionRow, ObjectionStatementRow } from '../entities/objection';

// By id, as resolvers answer (the kit's rowsById, apart from the guards' cache).
export const cycleById = (ctx: KitContext) => rowsById(ctx, EvaluationCycleRow, { cache: 'answers' });
export const evaluationById = (ctx: KitContext) => rowsById(ctx, EvaluationRow, { cache: 'answers' });

/** Each employee's evaluations, newest cycle first (one statement for every employee asked). */
export function evaluationsOfEmployee(ctx: KitContext, year: number | null) {
  return ctx.loaders.get<string, EvaluationRow[]>(`evaluationsOfEmployee:${year ?? 'all'}`, async (ids) => {
    const valid = ids.filter(isUuid);
    if (!valid.length) return ids.map(() => []);
    const q = ctx.dataSource.getRepository(EvaluationRow).createQueryBuilder('e')
      .innerJoin(EvaluationCycleRow, 'c', 'c.id = e.cycle_id')
      .where('e.employee_id = ANY(:ids)', { ids: valid })
      .orderBy('c.closes_on', 'DESC').addOrderBy('c.opens_on', 'DESC').addOrderBy('e.created_at', 'DESC').addOrderBy('e.id', 'ASC');
    if (year !== null) q.andWhere('c.year = :year', { year });
    const rows = await q.getMany();
    return groupByKey(ids, rows, (r) => r.employeeId);
  });
}

export function feedbackOfEvaluation(ctx: KitContext) {
  return ctx.loaders.get<string, FeedbackRow[]>('feedbackOfEvaluation', async (ids) => {
    const rows = await ctx.dataSource.getRepository(FeedbackRow).createQueryBuilder('f')
      .where('f.evaluation_id = ANY(:ids)', { ids: [...ids] })
      .orderBy('f.created_at', 'ASC').addOrderBy('f.id', 'ASC').getMany();
    return groupByKey(ids, rows, (r) => r.evaluationId as string);
  });
}

/** The objection to each evaluation (at most one), batched. */
export function objectionOfEvaluation(ctx: KitContext) {
  return ctx.loaders.get<string, ObjectionRow | null>('objectionOfEvaluation', async (ids) => {
    const rows = await ctx.dataSource.getRepository(ObjectionRow).createQueryBuilder('o').where('o.evaluation_id = ANY(:ids)', { ids: [...ids] }).getMany();
    return byKey(ids, rows, (r) => r.evaluationId);
  });
}

export function statementsOfObjection(ctx: KitContext) {
  return ctx.loaders.get<string, ObjectionStatementRow[]>('statementsOfObjection', async (ids) => {
    const rows = await ctx.dataSource.getRepository(ObjectionStatementRow).createQueryBuilder('s')
      .where('s.objection_id = ANY(:ids)', { ids: [...ids] }).orderBy('s.at', 'ASC').addOrderBy('s.id', 'ASC').getMany();
    return groupByKey(ids, rows, (r) => r.objectionId);
  });
}

/** The evaluation that supersedes each one, batched. */
export function supersedingEvaluation(ctx: KitContext) {
  return ctx.loaders.get<string, EvaluationRow | null>('supersedingEvaluation', async (ids) => {
    const rows = await ctx.dataSource.getRepository(EvaluationRow).createQueryBuilder('e').where('e.supersedes_id = ANY(:ids)', { ids: [...ids] }).getMany();
    return byKey(ids, rows, (r) => r.supersedesId as string);
  });
}
