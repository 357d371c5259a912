import { byKey, groupByKey, rowsById, type KitContext } from '@kinerja/subgraph-kit';
import { GoalRow } from '../entities/goal';
import { IndicatorRow } from '../entities/indicator';
import { PerformancePlanRow } from '../entities/performance-plan';
import { RealizationRow } from '../entities/realization';

/** Per-request loaders: every list field and reference batches into one statement. */

/** Plans as resolvers answer with them (the kit's rowsById, apart from the guards' cache). */
export function planById(ctx: KitContext) {
  return rowsById(ctx, PerformancePlanRow, { cache: 'answers' });
}

/** Keyed "employeeId|year". */
export function planByEmployeeYear(ctx: KitContext) {
  return ctx.loaders.get<string, PerformancePlanRow | null>('planByEmployeeYear', async (keys) => {
    const pairs = keys.map((k) => k.split('|') as [string, string]);
    const rows = await ctx.dataSource.getRepository(PerformancePlanRow).createQueryBuilder('p')
      .where('(p.employee_id, p.year) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:years AS int[])))', {
        ids: pairs.map((p) => p[0]), years: pairs.map((p) => Number(p[1])),
      })
      .getMany();
    return byKey(keys, rows, (r) => `${r.employeeId}|${r.year}`);
  });
}

export function plansByEmployee(ctx: KitContext) {
  return ctx.loaders.get<string, PerformancePlanRow[]>('plansByEmployee', async (ids) => {
    const rows = await ctx.dataSource.getRepository(PerformancePlanRow).createQueryBuilder('p')
      .where('p.employee_id = ANY(:ids)', { ids: [...ids] }).orderBy('p.year', 'DESC').getMany();
    return groupByKey(ids, rows, (r) => r.employeeId);
  });
}

/**
 * Goals with their plans in one statement: the plans prime planById, so reaching across people
 * (parentGoal, childGoals) never costs a statement that depends on what the data holds.
 */
async function goalsWithPlans(ctx: KitContext, where: string, params: Record<string, unknown>, order = false): Promise<GoalRow[]> {
  let q = ctx.dataSource.getRepository(GoalRow).createQueryBuilder('g')
    .innerJoinAndMapOne('g.plan', PerformancePlanRow, 'p', 'p.id = g.plan_id').where(where, params);
  if (order) q = q.orderBy('g.created_at').addOrderBy('g.id');
  const rows = await q.getMany();
  const plans = planById(ctx);
  for (const row of rows as Array<GoalRow & { plan?: PerformancePlanRow }>) {
    if (row.plan) plans.prime(row.plan.id, row.plan);
    delete row.plan;
  }
  return rows;
}

export function goalById(ctx: KitContext) {
  return rowsById(ctx, GoalRow, { cache: 'answers', fetch: (ids) => goalsWithPlans(ctx, 'g.id = ANY(:ids)', { ids }) });
}

export function goalsByPlan(ctx: KitContext) {
  return ctx.loaders.get<string, GoalRow[]>('goalsByPlan', async (ids) => {
    const rows = await ctx.dataSource.getRepository(GoalRow).createQueryBuilder('g')
      .where('g.plan_id = ANY(:ids)', { ids: [...ids] }).orderBy('g.position').addOrderBy('g.id').getMany();
    return groupByKey(ids, rows, (r) => r.planId);
  });
}

/** The goals that serve each goal (subordinates' goals naming it as parentGoal). */
export function childGoalsOf(ctx: KitContext) {
  return ctx.loaders.get<string, GoalRow[]>('childGoalsOf', async (ids) => {
    const rows = await goalsWithPlans(ctx, 'g.parent_goal_id = ANY(:ids)', { ids: [...ids] }, true);
    return groupByKey(ids, rows, (r) => r.parentGoalId as string);
  });
}

/** Plans by employee and year, oldest period first (a transfer splits a year into more than one). */
export function plansByEmployeeYear(ctx: KitContext) {
  return ctx.loaders.get<string, PerformancePlanRow[]>('plansByEmployeeYear', async (keys) => {
    const pairs = keys.map((k) => k.split('|') as [string, string]);
    const rows = await ctx.dataSource.getRepository(PerformancePlanRow).createQueryBuilder('p')
      .where('(p.employee_id, p.year) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:years AS int[])))', {
        ids: pairs.map((p) => p[0]), years: pairs.map((p) => Number(p[1])),
      })
      .orderBy('p.period_start').getMany();
    return groupByKey(keys, rows, (r) => `${r.employeeId}|${r.year}`);
  });
}

/** Indicators of each goal, in order (the first answers the goal's single-indicator fields). */
export function indicatorsByGoal(ctx: KitContext) {
  return ctx.loaders.get<string, IndicatorRow[]>('indicatorsByGoal', async (ids) => {
    const rows = await ctx.dataSource.getRepository(IndicatorRow).createQueryBuilder('i')
      .where('i.goal_id = ANY(:ids)', { ids: [...ids] }).orderBy('i.position').addOrderBy('i.id').getMany();
    return groupByKey(ids, rows, (r) => r.goalId);
  });
}

/** Realizations of each indicator in time order (one granularity per indicator, so the end month orders them). */
export function realizationsByIndicator(ctx: KitContext) {
  return ctx.loaders.get<string, RealizationRow[]>('realizationsByIndicator', async (ids) => {
    const rows = await ctx.dataSource.getRepository(RealizationRow).createQueryBuilder('r')
      .where('r.indicator_id = ANY(:ids)', { ids: [...ids] }).orderBy('r.period_end_month').addOrderBy('r.period').getMany();
    return groupByKey(ids, rows, (r) => r.indicatorId);
  });
}

export interface ExpectationRow { planId: string; coreValue: string; expectation: string; setBy: string }

export function expectationsByPlan(ctx: KitContext) {
  return ctx.loaders.get<string, ExpectationRow[]>('expectationsByPlan', async (ids) => {
    const rows: ExpectationRow[] = await ctx.dataSource.query(
      `SELECT plan_id::text AS "planId", core_value AS "coreValue", expectation, set_by::text AS "setBy"
         FROM behavior_expectation WHERE plan_id = ANY($1::uuid[])`, [[...ids]]);
    return groupByKey(ids, rows, (r) => r.planId);
  });
}

/** The goals of each plan that no goal names as its parent (the supervisor's RHK no subordinate serves). */
export function uncoveredGoalsOf(ctx: KitContext) {
  return ctx.loaders.get<string, GoalRow[]>('uncoveredGoalsOf', async (ids) => {
    const rows = await ctx.dataSource.getRepository(GoalRow).createQueryBuilder('g')
      .where('g.plan_id = ANY(:ids)', { ids: [...ids] })
      .andWhere('NOT EXISTS (SELECT 1 FROM goal c WHERE c.parent_goal_id = g.id)')
      .orderBy('g.position').addOrderBy('g.id').getMany();
    return groupByKey(ids, rows, (r) => r.planId);
  });
}

export interface EvidenceFileRow {
  id: string; realizationId: string; employeeId: string; fileName: string; contentType: string; size: number; sha256: string;
  uploadedAt: Date; uploadedBy: string;
}

/** Uploaded evidence of each realization (metadata only; the bytes are served by /files). */
export function evidenceByRealization(ctx: KitContext) {
  return ctx.loaders.get<string, EvidenceFileRow[]>('evidenceByRealization', async (ids) => {
    const rows: EvidenceFileRow[] = await ctx.dataSource.query(
      `SELECT id::text, realization_id::text AS "realizationId", employee_id::text AS "employeeId", file_name AS "fileName",
              content_type AS "contentType", size, sha256, uploaded_at AS "uploadedAt", uploaded_by::text AS "uploadedBy"
         FROM evidence_file WHERE realization_id = ANY($1::uuid[]) ORDER BY uploaded_at, id`, [[...ids]]);
    return groupByKey(ids, rows, (r) => r.realizationId);
  });
}

export interface RevisionRow {
  realizationId: string;
  value: number;
  note: string | null;
  evidenceUrl: string | null;
  recordedAt: Date;
  recordedBy: string;
  replacedAt: Date;
  replacedBy: string;
}

/** Earlier values of each realization, oldest first. */
export function revisionsOf(ctx: KitContext) {
  return ctx.loaders.get<string, RevisionRow[]>('revisionsOf', async (ids) => {
    const rows: RevisionRow[] = await ctx.dataSource.query(
      `SELECT realization_id::text AS "realizationId", value, note, evidence_url AS "evidenceUrl", recorded_at AS "recordedAt",
              recorded_by::text AS "recordedBy", replaced_at AS "replacedAt", replaced_by::text AS "replacedBy"
         FROM realization_history WHERE realization_id = ANY($1::uuid[]) ORDER BY id`, [[...ids]]);
    return groupByKey(ids, rows, (r) => r.realizationId);
  });
}
