import { BadInput, Conflict, Forbidden, isUniqueViolation, NotFound, recordAudit, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { computeAchievement, MAX_VALUE, targetProblem } from './domain/achievement';
import { cascadeProblem } from './domain/cascading';
import { PlanStatus } from './domain/enums';
import { granularityOf, parsePeriod } from './domain/period';
import { actorProblem, goalsEditable, nextStatus, type PlanAction } from './domain/plan-flow';
import { GoalRow } from './entities/goal';
import { PerformancePlanRow } from './entities/performance-plan';
import { RealizationRow } from './entities/realization';
import { planApproved, realizationRecorded } from './events/outbox';
import { relationToExisting, requireManagePlansOf } from './graphql/access';
import type { GoalInput, RealizationInput } from './graphql/inputs';
import { isUuid } from './graphql/loaders';

/** Goals' writes: authorize, validate against DOMAIN.md, then one transaction each (nothing half-written). */

/** A plan holds a handful of results; more is a data-entry slip, not a plan. */
export const MAX_GOALS_PER_PLAN = 30;

/** Plans for the last five years (late entry) up to next year (drafting ahead). */
export function checkYear(year: number, now = new Date()): void {
  const current = now.getUTCFullYear();
  if (!Number.isInteger(year) || year < current - 5 || year > current + 1) {
    throw new BadInput('year', `must be between ${current - 5} and ${current + 1}`, 'Tahun SKP di luar rentang');
  }
}

async function findPlan(m: EntityManager, id: string, lock?: 'pessimistic_write' | 'pessimistic_read'): Promise<PerformancePlanRow> {
  const plan = isUuid(id) ? await m.findOne(PerformancePlanRow, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) }) : null;
  if (!plan) throw new NotFound('PerformancePlan', id);
  return plan;
}

async function findGoal(m: EntityManager, id: string, lock = false): Promise<GoalRow> {
  const goal = isUuid(id) ? await m.findOne(GoalRow, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }) : null;
  if (!goal) throw new NotFound('Goal', id);
  return goal;
}

function requireDraft(plan: PerformancePlanRow): void {
  if (!goalsEditable(plan.status)) {
    throw new Conflict(`the plan is ${plan.status}: goals change only while it is a DRAFT; the direct supervisor can reopen it`, { status: plan.status });
  }
}

async function bumpVersion(m: EntityManager, planId: string): Promise<void> {
  // Goal changes move the plan's version too, so a submit or approve given an older version is refused.
  await m.query('UPDATE performance_plan SET version = version + 1, updated_at = now() WHERE id = $1', [planId]);
}

interface CleanGoal {
  title: string;
  indicator: string;
  unitOfMeasure: string;
  target: number;
  direction: GoalInput['direction'];
  parentGoalId: string | null;
}

function cleanGoal(input: GoalInput): CleanGoal {
  const problem = targetProblem(input.target, input.direction);
  if (problem) throw new BadInput('target', problem, 'Target tidak valid');
  return {
    title: input.title.trim(), indicator: input.indicator.trim(), unitOfMeasure: input.unitOfMeasure.trim(),
    target: input.target, direction: input.direction, parentGoalId: input.parentGoalId ?? null,
  };
}

/** DOMAIN.md cascading: the parent must be a goal of the direct supervisor's plan of the same year. */
async function checkParent(m: EntityManager, plan: PerformancePlanRow, supervisorChain: string[], parentGoalId: string): Promise<void> {
  const rows: Array<{ employeeId: string; year: number }> = await m.query(
    `SELECT p.employee_id::text AS "employeeId", p.year FROM goal g JOIN performance_plan p ON p.id = g.plan_id
      WHERE g.id = $1 FOR SHARE OF g`, [parentGoalId]);
  const parent = rows[0] ? { planEmployeeId: rows[0].employeeId, planYear: rows[0].year } : null;
  const problem = cascadeProblem({
    parent, parentGoalId, employeeId: plan.employeeId, directSupervisorId: supervisorChain[0] ?? null, supervisorChain, year: plan.year,
  });
  if (problem) throw new BadInput('parentGoalId', problem, 'Intervensi (cascading) tidak valid');
}

export async function createPerformancePlan(ctx: KitContext, employeeId: string, year: number): Promise<PerformancePlanRow> {
  requireUser(ctx);
  checkYear(year);
  const r = await requireManagePlansOf(ctx, employeeId, 'create a plan for this employee');
  if (r.target.status !== 'ACTIVE') throw new BadInput('employeeId', `the employee is ${r.target.status}; plans are for active employees`);
  return ctx.dataSource.transaction(async (m) => {
    const plan = await m.save(m.create(PerformancePlanRow, { employeeId, year, status: PlanStatus.DRAFT, version: 1 }));
    await recordAudit(m, ctx, { entityType: 'PerformancePlan', entityId: plan.id, action: 'createPerformancePlan', before: null, after: plan });
    return plan;
  }).catch((error: unknown) => {
    // DOMAIN.md: one plan per employee per year.
    if (isUniqueViolation(error, 'performance_plan_employee_year_key')) {
      throw new Conflict(`the employee already has a performance plan for ${year}`, { field: 'year' });
    }
    throw error;
  });
}

export async function addGoal(ctx: KitContext, planId: string, input: GoalInput): Promise<GoalRow> {
  requireUser(ctx);
  const goal = cleanGoal(input);
  const known = await findPlan(ctx.dataSource.manager, planId);
  const r = await requireManagePlansOf(ctx, known.employeeId, 'change the goals of this plan');
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, planId, 'pessimistic_write');
    requireDraft(plan);
    const [stats] = await m.query('SELECT count(*)::int AS n, coalesce(max(position), 0)::int AS last FROM goal WHERE plan_id = $1', [plan.id]) as Array<{ n: number; last: number }>;
    if ((stats?.n ?? 0) >= MAX_GOALS_PER_PLAN) throw new BadInput('planId', `a plan holds at most ${MAX_GOALS_PER_PLAN} goals`);
    if (goal.parentGoalId) await checkParent(m, plan, r.target.supervisorChain, goal.parentGoalId);
    const row = await m.save(m.create(GoalRow, { ...goal, planId: plan.id, position: (stats?.last ?? 0) + 1 }));
    await bumpVersion(m, plan.id);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: row.id, action: 'addGoal', before: null, after: row });
    return row;
  });
}

export async function updateGoal(ctx: KitContext, id: string, input: GoalInput): Promise<GoalRow> {
  requireUser(ctx);
  const next = cleanGoal(input);
  const known = await findGoal(ctx.dataSource.manager, id);
  const plan0 = await findPlan(ctx.dataSource.manager, known.planId);
  const r = await requireManagePlansOf(ctx, plan0.employeeId, 'change the goals of this plan');
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, plan0.id, 'pessimistic_write');
    requireDraft(plan);
    const goal = await findGoal(m, id, true);
    // Checked even when unchanged: after a transfer the old parent may no longer be the direct supervisor's.
    if (next.parentGoalId) await checkParent(m, plan, r.target.supervisorChain, next.parentGoalId);
    const before = { ...goal };
    Object.assign(goal, next);
    const saved = await m.save(goal);
    await bumpVersion(m, plan.id);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: saved.id, action: 'updateGoal', before, after: saved });
    return saved;
  });
}

export async function removeGoal(ctx: KitContext, id: string): Promise<boolean> {
  requireUser(ctx);
  const known = await findGoal(ctx.dataSource.manager, id);
  const plan0 = await findPlan(ctx.dataSource.manager, known.planId);
  await requireManagePlansOf(ctx, plan0.employeeId, 'change the goals of this plan');
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, plan0.id, 'pessimistic_write');
    requireDraft(plan);
    const [use] = await m.query(
      `SELECT (SELECT count(*) FROM goal WHERE parent_goal_id = $1)::int AS children,
              (SELECT count(*) FROM realization WHERE goal_id = $1)::int AS realizations`, [id]) as Array<{ children: number; realizations: number }>;
    if (use && use.children > 0) {
      throw new Conflict(`the goal is served by ${use.children} goal(s) of subordinates; those must be changed or removed first`, { childGoals: use.children });
    }
    if (use && use.realizations > 0) {
      throw new Conflict(`the goal has ${use.realizations} realization(s); it is kept so their history stays`, { realizations: use.realizations });
    }
    const before = await m.findOneBy(GoalRow, { id });
    await m.delete(GoalRow, { id });
    await bumpVersion(m, plan.id);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: id, action: 'removeGoal', before, after: null });
    return true;
  });
}

/** SUBMIT, APPROVE or REOPEN with optimistic concurrency: a stale expectedVersion changes nothing. */
export async function transitionPlan(ctx: KitContext, id: string, expectedVersion: number, action: PlanAction): Promise<PerformancePlanRow> {
  const actor = requireUser(ctx);
  const known = await findPlan(ctx.dataSource.manager, id);
  const r = await relationToExisting(ctx, known.employeeId);
  const problem = actorProblem(action, {
    admin: r.admin, self: r.self, directSupervisor: r.directSupervisor, supervisor: r.supervisor,
    employeeHasSupervisor: r.target.supervisorChain.length > 0,
  });
  if (problem) throw new Forbidden(problem);
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, id, 'pessimistic_write');
    if (plan.version !== expectedVersion) {
      throw new Conflict(`expectedVersion ${expectedVersion} is stale: the plan is at version ${plan.version}`, { currentVersion: plan.version });
    }
    const next = nextStatus(action, plan.status);
    if (!next.ok) throw new Conflict(next.rule, { status: plan.status });
    const [count] = await m.query('SELECT count(*)::int AS n FROM goal WHERE plan_id = $1', [plan.id]) as Array<{ n: number }>;
    const goals = count?.n ?? 0;
    if (action === 'SUBMIT' && goals === 0) throw new Conflict('a plan needs at least one goal before it is submitted', { goals: 0 });
    const before = { ...plan };
    plan.status = next.status;
    plan.version += 1;
    if (action === 'SUBMIT') Object.assign(plan, { submittedAt: new Date(), submittedBy: actor });
    if (action === 'APPROVE') Object.assign(plan, { approvedAt: new Date(), approvedBy: actor });
    if (action === 'REOPEN') Object.assign(plan, { submittedAt: null, submittedBy: null, approvedAt: null, approvedBy: null });
    const saved = await m.save(plan);
    if (action === 'APPROVE') await planApproved(m, saved, goals);
    await recordAudit(m, ctx, { entityType: 'PerformancePlan', entityId: saved.id, action: `${action.toLowerCase()}Plan`, before, after: saved });
    return saved;
  });
}

function cleanRealization(input: RealizationInput, year: number) {
  const parsed = parsePeriod(input.period, year);
  if (!parsed.ok) throw new BadInput('period', parsed.rule, 'Periode realisasi tidak valid');
  if (!Number.isFinite(input.value) || input.value < 0) throw new BadInput('value', 'must not be negative');
  if (input.value > MAX_VALUE) throw new BadInput('value', `must be at most ${MAX_VALUE}`);
  const evidenceUrl = input.evidenceUrl?.trim() || null;
  if (evidenceUrl) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(evidenceUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new BadInput('evidenceUrl', 'must be an http or https URL', 'Tautan bukti dukung tidak valid');
  }
  return { period: parsed.period, value: input.value, note: input.note?.trim() || null, evidenceUrl };
}

/**
 * Records the cumulative value of a goal for a period; recording a period again replaces the value
 * and keeps the replaced one in realization_history. Emits goal.realization-recorded.
 */
export async function recordRealization(ctx: KitContext, goalId: string, input: RealizationInput): Promise<GoalRow> {
  const actor = requireUser(ctx);
  const known = await findGoal(ctx.dataSource.manager, goalId);
  const plan0 = await findPlan(ctx.dataSource.manager, known.planId);
  await requireManagePlansOf(ctx, plan0.employeeId, 'record realizations for this employee');
  const r = cleanRealization(input, plan0.year);
  return ctx.dataSource.transaction(async (m) => {
    const goal = await findGoal(m, goalId, true); // serializes recordings of one goal
    const plan = await findPlan(m, goal.planId, 'pessimistic_read');
    if (plan.status !== PlanStatus.APPROVED) {
      throw new Conflict(`the plan is ${plan.status}: realizations are recorded against an approved plan`, { status: plan.status });
    }
    const [other] = await m.query('SELECT period FROM realization WHERE goal_id = $1 LIMIT 1', [goal.id]) as Array<{ period: string }>;
    if (other && granularityOf(other.period) !== r.period.granularity) {
      const kind = granularityOf(other.period) === 'MONTH' ? 'monthly (YYYY-MM)' : 'quarterly (YYYY-Qn)';
      throw new BadInput('period', `this goal's realizations are ${kind}, like ${other.period}; keep one kind per goal`);
    }
    const existing = await m.findOne(RealizationRow, { where: { goalId: goal.id, period: r.period.value }, lock: { mode: 'pessimistic_write' } });
    const before = existing ? { ...existing } : null;
    let after: RealizationRow;
    if (existing) {
      await m.query(
        `INSERT INTO realization_history (realization_id, goal_id, period, value, note, evidence_url, recorded_at, recorded_by, replaced_by)
         SELECT id, goal_id, period, value, note, evidence_url, recorded_at, recorded_by, $2 FROM realization WHERE id = $1`,
        [existing.id, actor]);
      Object.assign(existing, { value: r.value, note: r.note, evidenceUrl: r.evidenceUrl, recordedAt: new Date(), recordedBy: actor });
      after = await m.save(existing);
    } else {
      after = await m.save(m.create(RealizationRow, {
        goalId: goal.id, period: r.period.value, periodEndMonth: r.period.endMonth, value: r.value, note: r.note,
        evidenceUrl: r.evidenceUrl, recordedAt: new Date(), recordedBy: actor,
      }));
    }
    // The realization belongs to its goal: the trail is read per goal (entityType Goal).
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: goal.id, action: 'recordRealization', before, after });
    await realizationRecorded(m, {
      goalId: goal.id, plan, period: r.period.value, value: r.value, target: goal.target,
      achievement: computeAchievement(goal.target, r.value, goal.direction),
    });
    return goal;
  });
}
