import { byKey, groupByKey, isUuid, rowsById, type KitContext } from '@kinerja/subgraph-kit';
import { yearRange } from '../domain/learning-hours';
import { CompetencyRow } from '../entities/competency';
import { EnrollmentRow } from '../entities/enrollment';
import { LearningActivityRow } from '../entities/learning-activity';

/** Per-request loaders: every list field and reference batches into one statement per request. */

// By id, as resolvers answer (the kit's rowsById, apart from the guards' cache).
export const competencyById = (ctx: KitContext) => rowsById(ctx, CompetencyRow, { cache: 'answers' });
export const activityById = (ctx: KitContext) => rowsById(ctx, LearningActivityRow, { cache: 'answers' });
export const enrollmentById = (ctx: KitContext) => rowsById(ctx, EnrollmentRow, { cache: 'answers' });

export function competenciesOfActivity(ctx: KitContext) {
  return ctx.loaders.get<string, CompetencyRow[]>('competenciesOfActivity', async (ids) => {
    const rows: Array<CompetencyRow & { activityId: string }> = await ctx.dataSource.query(
      `SELECT ac.activity_id::text AS "activityId", c.id::text, c.code, c.name, c.kind
         FROM activity_competency ac JOIN competency c ON c.id = ac.competency_id
        WHERE ac.activity_id = ANY($1::uuid[]) ORDER BY c.kind, c.code`, [[...ids]]);
    return groupByKey(ids, rows, (r) => r.activityId);
  });
}

/** Participating unit ids per activity, organizer first, then in id order. */
export function unitsOfActivity(ctx: KitContext) {
  return ctx.loaders.get<string, string[]>('unitsOfActivity', async (ids) => {
    const rows: Array<{ activityId: string; unitId: string }> = await ctx.dataSource.query(
      `SELECT au.activity_id::text AS "activityId", au.unit_id::text AS "unitId"
         FROM activity_unit au JOIN learning_activity a ON a.id = au.activity_id
        WHERE au.activity_id = ANY($1::uuid[])
        ORDER BY au.activity_id, (au.unit_id = a.organizer_unit_id) DESC, au.unit_id`, [[...ids]]);
    return groupByKey(ids, rows, (r) => r.activityId).map((list) => list.map((r) => r.unitId));
  });
}

/** Seats taken (enrollments that are not CANCELLED) per activity. */
export function seatsTaken(ctx: KitContext) {
  return ctx.loaders.get<string, number>('seatsTaken', async (ids) => {
    const rows: Array<{ activityId: string; n: number }> = await ctx.dataSource.query(
      `SELECT activity_id::text AS "activityId", count(*)::int AS n FROM enrollment
        WHERE activity_id = ANY($1::uuid[]) AND status <> 'CANCELLED' GROUP BY activity_id`, [[...ids]]);
    return byKey(ids, rows, (r) => r.activityId).map((r) => r?.n ?? 0);
  });
}

export function enrollmentsOfActivity(ctx: KitContext) {
  return ctx.loaders.get<string, EnrollmentRow[]>('enrollmentsOfActivity', async (ids) => {
    const rows = await ctx.dataSource.getRepository(EnrollmentRow).createQueryBuilder('e')
      .where('e.activity_id = ANY(:ids)', { ids: [...ids] }).orderBy('e.enrolled_at').addOrderBy('e.id').getMany();
    return groupByKey(ids, rows, (r) => r.activityId);
  });
}

/**
 * An employee's enrollments; with a year, those whose activity takes place in it (at least partly)
 * or that were completed in it.
 */
export function enrollmentsOfEmployee(ctx: KitContext, year: number | null) {
  return ctx.loaders.get<string, EnrollmentRow[]>(`enrollmentsOfEmployee.${year ?? 'all'}`, async (ids) => {
    const q = ctx.dataSource.getRepository(EnrollmentRow).createQueryBuilder('e')
      .innerJoin(LearningActivityRow, 'a', 'a.id = e.activity_id')
      .where('e.employee_id = ANY(:ids)', { ids: [...ids] });
    if (year !== null) {
      const [from, to] = yearRange(year);
      q.andWhere('((a.starts_on < :to AND a.ends_on >= :from) OR (e.completed_on >= :from AND e.completed_on < :to))', { from, to });
    }
    const rows = await q.orderBy('a.starts_on').addOrderBy('e.id').getMany();
    return groupByKey(ids, rows, (r) => r.employeeId);
  });
}

/** JP completed in a year per employee: one indexed sum for the whole batch. */
export function completedHours(ctx: KitContext, year: number) {
  return ctx.loaders.get<string, number>(`completedHours.${year}`, async (ids) => {
    const [from, to] = yearRange(year);
    const rows: Array<{ employeeId: string; hours: number }> = await ctx.dataSource.query(
      `SELECT employee_id::text AS "employeeId", sum(credited_hours)::int AS hours FROM enrollment
        WHERE status = 'COMPLETED' AND employee_id = ANY($1::uuid[]) AND completed_on >= $2::date AND completed_on < $3::date
        GROUP BY employee_id`, [ids.filter(isUuid), from, to]);
    return byKey(ids, rows, (r) => r.employeeId).map((r) => r?.hours ?? 0);
  });
}

/** Columns of learning_activity as LearningActivityRow fields, for raw statements. */
export const ACTIVITY_COLUMNS = `a.id::text AS id, a.title, a.kind, a.organizer_unit_id::text AS "organizerUnitId",
  a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn", a.hours, a.capacity`;

/** Activities in a year (at least partly) with two or more participating units, per participating unit. */
export function collaborationsOfUnit(ctx: KitContext, year: number) {
  return ctx.loaders.get<string, LearningActivityRow[]>(`collaborationsOfUnit.${year}`, async (ids) => {
    const [from, to] = yearRange(year);
    const rows: Array<LearningActivityRow & { unitKey: string }> = await ctx.dataSource.query(
      `SELECT au.unit_id::text AS "unitKey", ${ACTIVITY_COLUMNS}
         FROM activity_unit au JOIN learning_activity a ON a.id = au.activity_id
        WHERE au.unit_id = ANY($1::uuid[]) AND a.starts_on < $3::date AND a.ends_on >= $2::date
          AND (SELECT count(*) FROM activity_unit x WHERE x.activity_id = a.id) >= 2
        ORDER BY a.starts_on, a.title, a.id`, [ids.filter(isUuid), from, to]);
    return groupByKey(ids, rows, (r) => r.unitKey);
  });
}
