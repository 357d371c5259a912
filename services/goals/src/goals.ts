import { BadInput, Conflict, isHttpUrl, isUniqueViolation, isUuid, NotFound, recordAudit, requireUser, SAFE_TEXT, type KitContext } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { computeAchievement, MAX_VALUE, targetAt, targetProblem } from './domain/achievement';
import { cascadeProblem } from './domain/cascading';
import { CoreValue, GoalKind, IndicatorAspect, PlanStatus, TargetDirection } from './domain/enums';
import { granularityOf, parsePeriod, periodOverlapsPlan } from './domain/period';
import { goalsEditable, nextStatus, submitProblem, type PlanAction } from './domain/plan-flow';
import { GoalRow } from './entities/goal';
import { IndicatorRow } from './entities/indicator';
import { PerformancePlanRow } from './entities/performance-plan';
import { RealizationRow } from './entities/realization';
import { planApproved, realizationRecorded } from './events/outbox';
import { relationToExisting } from './graphql/access';
import { LIMITS, type GoalInput, type IndicatorInput, type PlanAttachmentsInput, type RealizationInput } from './graphql/inputs';

/**
 * Goals' writes: validate against DOMAIN.md, then one transaction each (nothing half-written). Who
 * may call each was decided by its resolver's guard (graphql/guards.ts, rules in domain/access.ts);
 * what stays here is the plan's state (DRAFT, APPROVED) and the data a write needs (the chain).
 */

/** A plan holds a handful of results; more is a data-entry slip, not a plan. */
export const MAX_GOALS_PER_PLAN = 30;

/** An RHK has a few indicators (kuantitas, kualitas, waktu, biaya): more is a slip. */
export const MAX_INDICATORS_PER_GOAL = 10;

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
    throw new Conflict(`the plan is ${plan.status}: goals change only while it is a DRAFT or RETURNED; the direct supervisor can reopen it`, { status: plan.status });
  }
}

async function findIndicator(m: EntityManager, id: string, lock = false): Promise<IndicatorRow> {
  const row = isUuid(id) ? await m.findOne(IndicatorRow, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }) : null;
  if (!row) throw new NotFound('Indicator', id);
  return row;
}

/** The goal's first indicator: the one the deprecated single-indicator fields describe. */
async function firstIndicator(m: EntityManager, goalId: string): Promise<IndicatorRow | null> {
  return m.findOne(IndicatorRow, { where: { goalId }, order: { position: 'ASC', id: 'ASC' } });
}

/** The single-indicator view of a goal's first indicator, as audit rows before the full SKP showed it. */
function flat(i: IndicatorRow) {
  return { indicator: i.description, unitOfMeasure: i.unitOfMeasure, target: i.target, direction: i.direction };
}

async function bumpVersion(m: EntityManager, planId: string): Promise<void> {
  // Goal changes move the plan's version too, so a submit or approve given an older version is refused.
  await m.query('UPDATE performance_plan SET version = version + 1, updated_at = now() WHERE id = $1', [planId]);
}

interface CleanIndicator {
  aspect: IndicatorAspect;
  description: string;
  qualitative: boolean;
  unitOfMeasure: string | null;
  target: number | null;
  direction: TargetDirection | null;
  quarterlyTargets: Array<number | null> | null;
}

interface CleanGoal {
  title: string;
  kind: GoalKind | null;
  parentGoalId: string | null;
  /** The first indicator, from the goal's own (deprecated single-indicator) fields. */
  first: Omit<CleanIndicator, 'aspect'> & { aspect: IndicatorAspect | null };
}

function cleanQuarterlyTargets(raw: Array<number | null> | null | undefined, direction: TargetDirection): Array<number | null> | null {
  if (raw === null || raw === undefined) return null;
  if (raw.length !== 4) throw new BadInput('quarterlyTargets', 'must have four values (Q1..Q4), null where none');
  raw.forEach((t, i) => {
    if (t === null) return;
    if (!Number.isFinite(t) || t < 0 || t > MAX_VALUE) throw new BadInput('quarterlyTargets', `Q${i + 1} must be a number between 0 and ${MAX_VALUE}`);
  });
  void direction; // a quarterly target of 0 is "nothing due yet", allowed in both directions
  return raw.every((t) => t === null) ? null : [...raw];
}

function cleanGoal(input: GoalInput): CleanGoal {
  const problem = targetProblem(input.target, input.direction);
  if (problem) throw new BadInput('target', problem, 'Target tidak valid');
  return {
    title: input.title.trim(), kind: input.kind ?? null, parentGoalId: input.parentGoalId ?? null,
    first: {
      aspect: input.aspect ?? null, description: input.indicator.trim(), qualitative: false, unitOfMeasure: input.unitOfMeasure.trim(),
      target: input.target, direction: input.direction, quarterlyTargets: cleanQuarterlyTargets(input.quarterlyTargets, input.direction),
    },
  };
}

/** An indicator (DOMAIN.md): quantitative with unit, target and direction, or qualitative with none of them. */
function cleanIndicator(input: IndicatorInput): CleanIndicator {
  const description = input.description.trim();
  if (input.qualitative) {
    for (const field of ['target', 'direction', 'quarterlyTargets'] as const) {
      if (input[field] !== null && input[field] !== undefined) throw new BadInput(field, 'must not be given for a qualitative indicator: the supervisor rates its described result');
    }
    return { aspect: input.aspect, description, qualitative: true, unitOfMeasure: input.unitOfMeasure?.trim() || null, target: null, direction: null, quarterlyTargets: null };
  }
  const unit = input.unitOfMeasure?.trim();
  if (!unit) throw new BadInput('unitOfMeasure', 'is required for a quantitative indicator');
  if (input.target === null || input.target === undefined) throw new BadInput('target', 'is required for a quantitative indicator');
  if (!input.direction) throw new BadInput('direction', 'is required for a quantitative indicator');
  const problem = targetProblem(input.target, input.direction);
  if (problem) throw new BadInput('target', problem, 'Target tidak valid');
  return {
    aspect: input.aspect, description, qualitative: false, unitOfMeasure: unit, target: input.target, direction: input.direction,
    quarterlyTargets: cleanQuarterlyTargets(input.quarterlyTargets, input.direction),
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

/** Serializes plan creation and transfer splits of one employee (no overlapping periods). */
export async function lockEmployeePlans(m: EntityManager, employeeId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('goals.plans:' || $1))`, [employeeId]);
}

export async function createPerformancePlan(ctx: KitContext, employeeId: string, year: number): Promise<PerformancePlanRow> {
  requireUser(ctx);
  checkYear(year);
  const r = await relationToExisting(ctx, employeeId);
  if (r.target.status !== 'ACTIVE') throw new BadInput('employeeId', `the employee is ${r.target.status}; plans are for active employees`);
  return ctx.dataSource.transaction(async (m) => {
    await lockEmployeePlans(m, employeeId);
    // DOMAIN.md: one plan per employee and year; only a transfer splits the year into more.
    const [existing] = await m.query('SELECT id FROM performance_plan WHERE employee_id = $1 AND year = $2 LIMIT 1', [employeeId, year]) as Array<{ id: string }>;
    if (existing) throw new Conflict(`the employee already has a performance plan for ${year}`, { field: 'year', planId: existing.id });
    const plan = await m.save(m.create(PerformancePlanRow, {
      employeeId, year, status: PlanStatus.DRAFT, version: 1, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`,
    }));
    await recordAudit(m, ctx, { entityType: 'PerformancePlan', entityId: plan.id, action: 'createPerformancePlan', before: null, after: plan });
    return plan;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error, 'performance_plan_employee_start_key')) {
      throw new Conflict(`the employee already has a performance plan for ${year}`, { field: 'year' });
    }
    throw error;
  });
}

export async function addGoal(ctx: KitContext, planId: string, input: GoalInput): Promise<GoalRow> {
  requireUser(ctx);
  const known = await findPlan(ctx.dataSource.manager, planId);
  const r = await relationToExisting(ctx, known.employeeId);
  const goal = cleanGoal(input);
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, planId, 'pessimistic_write');
    requireDraft(plan);
    const [stats] = await m.query('SELECT count(*)::int AS n, coalesce(max(position), 0)::int AS last FROM goal WHERE plan_id = $1', [plan.id]) as Array<{ n: number; last: number }>;
    if ((stats?.n ?? 0) >= MAX_GOALS_PER_PLAN) throw new BadInput('planId', `a plan holds at most ${MAX_GOALS_PER_PLAN} goals`);
    if (goal.parentGoalId) await checkParent(m, plan, r.target.supervisorChain, goal.parentGoalId);
    const row = await m.save(m.create(GoalRow, {
      title: goal.title, kind: goal.kind ?? GoalKind.UTAMA, parentGoalId: goal.parentGoalId, planId: plan.id, position: (stats?.last ?? 0) + 1,
    }));
    const indicator = await m.save(m.create(IndicatorRow, { ...goal.first, aspect: goal.first.aspect ?? IndicatorAspect.KUANTITAS, goalId: row.id, position: 1 }));
    await bumpVersion(m, plan.id);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: row.id, action: 'addGoal', before: null, after: { ...row, ...flat(indicator), indicators: [indicator] } });
    return row;
  });
}

/** Replaces the goal's title, kind and parent, and its first indicator from the single-indicator fields. */
export async function updateGoal(ctx: KitContext, id: string, input: GoalInput): Promise<GoalRow> {
  requireUser(ctx);
  const known = await findGoal(ctx.dataSource.manager, id);
  const plan0 = await findPlan(ctx.dataSource.manager, known.planId);
  const r = await relationToExisting(ctx, plan0.employeeId);
  const next = cleanGoal(input);
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, plan0.id, 'pessimistic_write');
    requireDraft(plan);
    const goal = await findGoal(m, id, true);
    // Checked even when unchanged: after a transfer the old parent may no longer be the direct supervisor's.
    if (next.parentGoalId) await checkParent(m, plan, r.target.supervisorChain, next.parentGoalId);
    const first = await firstIndicator(m, goal.id);
    const before = { ...goal, ...(first ? flat(first) : {}), firstIndicator: first ? { ...first } : null };
    Object.assign(goal, { title: next.title, parentGoalId: next.parentGoalId, ...(next.kind ? { kind: next.kind } : {}) });
    const saved = await m.save(goal);
    let indicator: IndicatorRow;
    if (first) {
      Object.assign(first, { ...next.first, aspect: next.first.aspect ?? first.aspect });
      indicator = await m.save(first);
    } else {
      indicator = await m.save(m.create(IndicatorRow, { ...next.first, aspect: next.first.aspect ?? IndicatorAspect.KUANTITAS, goalId: goal.id, position: 1 }));
    }
    await bumpVersion(m, plan.id);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: saved.id, action: 'updateGoal', before, after: { ...saved, ...flat(indicator), firstIndicator: indicator } });
    return saved;
  });
}

export async function removeGoal(ctx: KitContext, id: string): Promise<boolean> {
  requireUser(ctx);
  const known = await findGoal(ctx.dataSource.manager, id);
  const plan0 = await findPlan(ctx.dataSource.manager, known.planId);
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
    await m.delete(GoalRow, { id }); // its indicators go with it (ON DELETE CASCADE)
    await bumpVersion(m, plan.id);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: id, action: 'removeGoal', before, after: null });
    return true;
  });
}

// ---- indicators ------------------------------------------------------------------------------

async function indicatorContext(ctx: KitContext, goalId: string) {
  const goal = await findGoal(ctx.dataSource.manager, goalId);
  const plan = await findPlan(ctx.dataSource.manager, goal.planId);
  return { goal, plan };
}

export async function addIndicator(ctx: KitContext, goalId: string, input: IndicatorInput): Promise<GoalRow> {
  requireUser(ctx);
  const { plan: plan0 } = await indicatorContext(ctx, goalId);
  const clean = cleanIndicator(input);
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, plan0.id, 'pessimistic_write');
    requireDraft(plan);
    const goal = await findGoal(m, goalId, true);
    const [stats] = await m.query('SELECT count(*)::int AS n, coalesce(max(position), 0)::int AS last FROM indicator WHERE goal_id = $1', [goal.id]) as Array<{ n: number; last: number }>;
    if ((stats?.n ?? 0) >= MAX_INDICATORS_PER_GOAL) throw new BadInput('goalId', `a goal holds at most ${MAX_INDICATORS_PER_GOAL} indicators`);
    const row = await m.save(m.create(IndicatorRow, { ...clean, goalId: goal.id, position: (stats?.last ?? 0) + 1 }));
    await bumpVersion(m, plan.id);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: goal.id, action: 'addIndicator', before: null, after: row });
    return goal;
  });
}

export async function updateIndicator(ctx: KitContext, id: string, input: IndicatorInput): Promise<GoalRow> {
  requireUser(ctx);
  const known = await findIndicator(ctx.dataSource.manager, id);
  const { plan: plan0 } = await indicatorContext(ctx, known.goalId);
  const clean = cleanIndicator(input);
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, plan0.id, 'pessimistic_write');
    requireDraft(plan);
    const indicator = await findIndicator(m, id, true);
    if (indicator.qualitative !== clean.qualitative) {
      const [use] = await m.query('SELECT count(*)::int AS n FROM realization WHERE indicator_id = $1', [id]) as Array<{ n: number }>;
      if ((use?.n ?? 0) > 0) throw new Conflict(`the indicator has ${use?.n} realization(s): it cannot switch between quantitative and qualitative`, { realizations: use?.n });
    }
    const before = { ...indicator };
    Object.assign(indicator, clean);
    const saved = await m.save(indicator);
    await bumpVersion(m, plan.id);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: indicator.goalId, action: 'updateIndicator', before, after: saved });
    return findGoal(m, indicator.goalId);
  });
}

export async function removeIndicator(ctx: KitContext, id: string): Promise<GoalRow> {
  requireUser(ctx);
  const known = await findIndicator(ctx.dataSource.manager, id);
  const { plan: plan0 } = await indicatorContext(ctx, known.goalId);
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, plan0.id, 'pessimistic_write');
    requireDraft(plan);
    const indicator = await findIndicator(m, id, true);
    const [use] = await m.query(
      `SELECT (SELECT count(*) FROM indicator WHERE goal_id = $2)::int AS siblings,
              (SELECT count(*) FROM realization WHERE indicator_id = $1)::int AS realizations`, [id, indicator.goalId]) as Array<{ siblings: number; realizations: number }>;
    if ((use?.siblings ?? 0) <= 1) throw new Conflict('a goal needs at least one indicator: this is its only one; change it instead', { indicators: 1 });
    if ((use?.realizations ?? 0) > 0) throw new Conflict(`the indicator has ${use?.realizations} realization(s); it is kept so their history stays`, { realizations: use?.realizations });
    await m.delete(IndicatorRow, { id });
    await bumpVersion(m, plan.id);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: indicator.goalId, action: 'removeIndicator', before: indicator, after: null });
    return findGoal(m, indicator.goalId);
  });
}

// ---- the plan's flow -------------------------------------------------------------------------

/** SUBMIT, APPROVE, REOPEN or RETURN with optimistic concurrency: a stale expectedVersion changes nothing. */
export async function transitionPlan(ctx: KitContext, id: string, expectedVersion: number, action: PlanAction, note?: string): Promise<PerformancePlanRow> {
  const actor = requireUser(ctx);
  const returnNote = note?.trim() ?? '';
  if (action === 'RETURN') {
    if (!returnNote) throw new BadInput('note', 'must not be empty: say what the employee should change', 'Catatan pengembalian wajib diisi');
    if (returnNote.length > LIMITS.returnNote) throw new BadInput('note', `must be at most ${LIMITS.returnNote} characters`);
  }
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, id, 'pessimistic_write');
    if (plan.version !== expectedVersion) {
      throw new Conflict(`expectedVersion ${expectedVersion} is stale: the plan is at version ${plan.version}`, { currentVersion: plan.version });
    }
    const next = nextStatus(action, plan.status);
    if (!next.ok) throw new Conflict(next.rule, { status: plan.status });
    const shape = await m.query(
      `SELECT g.kind, (SELECT count(*) FROM indicator i WHERE i.goal_id = g.id)::int AS indicators FROM goal g WHERE g.plan_id = $1`,
      [plan.id]) as Array<{ kind: GoalKind; indicators: number }>;
    if (action === 'SUBMIT') {
      const refusal = submitProblem(shape);
      if (refusal) {
        throw new Conflict(refusal, {
          reason: shape.length === 0 ? 'NO_GOALS' : shape.some((g) => g.kind === GoalKind.UTAMA) ? 'GOAL_WITHOUT_INDICATOR' : 'NO_UTAMA_GOAL',
          goals: shape.length, messageId: 'SKP wajib memiliki minimal satu RHK utama',
        });
      }
    }
    const before = { ...plan };
    plan.status = next.status;
    plan.version += 1;
    if (action === 'SUBMIT') Object.assign(plan, { submittedAt: new Date(), submittedBy: actor });
    if (action === 'APPROVE') Object.assign(plan, { approvedAt: new Date(), approvedBy: actor, returnNote: null });
    if (action === 'REOPEN') Object.assign(plan, { submittedAt: null, submittedBy: null, approvedAt: null, approvedBy: null });
    if (action === 'RETURN') Object.assign(plan, { returnNote, returnedAt: new Date(), returnedBy: actor, submittedAt: null, submittedBy: null });
    const saved = await m.save(plan);
    if (action === 'APPROVE') await planApproved(m, saved);
    await recordAudit(m, ctx, { entityType: 'PerformancePlan', entityId: saved.id, action: `${action.toLowerCase()}Plan`, before, after: saved });
    return saved;
  });
}

/** Ekspektasi khusus pimpinan: the direct supervisor, while the plan is not approved; a second replaces the first. */
export async function setBehaviorExpectation(ctx: KitContext, planId: string, coreValue: CoreValue, expectation: string): Promise<PerformancePlanRow> {
  const actor = requireUser(ctx);
  const text = expectation.trim();
  if (!text) throw new BadInput('expectation', 'must not be empty: state what the supervisor expects for this value', 'Ekspektasi wajib diisi');
  if (text.length > LIMITS.expectation) throw new BadInput('expectation', `must be at most ${LIMITS.expectation} characters`);
  if (!SAFE_TEXT.test(text)) throw new BadInput('expectation', 'must not contain control characters other than line breaks and tabs');
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, planId, 'pessimistic_write');
    if (plan.status === PlanStatus.APPROVED) {
      throw new Conflict('the plan is APPROVED: its expectations change only after the direct supervisor reopens it', { status: plan.status });
    }
    const [before] = await m.query('SELECT expectation FROM behavior_expectation WHERE plan_id = $1 AND core_value = $2', [plan.id, coreValue]) as Array<{ expectation: string }>;
    if (text) {
      await m.query(
        `INSERT INTO behavior_expectation (plan_id, core_value, expectation, set_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (plan_id, core_value) DO UPDATE SET expectation = EXCLUDED.expectation, set_by = EXCLUDED.set_by, set_at = now()`,
        [plan.id, coreValue, text, actor]);
    } else {
      await m.query('DELETE FROM behavior_expectation WHERE plan_id = $1 AND core_value = $2', [plan.id, coreValue]);
    }
    plan.version += 1;
    const saved = await m.save(plan);
    await recordAudit(m, ctx, {
      entityType: 'PerformancePlan', entityId: plan.id, action: 'setBehaviorExpectation',
      before: { coreValue, expectation: before?.expectation ?? null }, after: { coreValue, expectation: text || null },
    });
    return saved;
  });
}

/** Lampiran: whoever manages the plan (the employee, a supervisor above them, ADMIN), while it is not approved. */
export async function setPlanAttachments(ctx: KitContext, planId: string, input: PlanAttachmentsInput): Promise<PerformancePlanRow> {
  requireUser(ctx);
  const clean = (v: string | null | undefined) => v?.trim() || null;
  return ctx.dataSource.transaction(async (m) => {
    const plan = await findPlan(m, planId, 'pessimistic_write');
    if (plan.status === PlanStatus.APPROVED) {
      throw new Conflict('the plan is APPROVED: its attachments change only after the direct supervisor reopens it', { status: plan.status });
    }
    const before = { ...plan };
    Object.assign(plan, {
      attachmentResources: clean(input.resources), attachmentAccountability: clean(input.accountability), attachmentConsequences: clean(input.consequences),
    });
    plan.version += 1;
    const saved = await m.save(plan);
    await recordAudit(m, ctx, { entityType: 'PerformancePlan', entityId: plan.id, action: 'setPlanAttachments', before, after: saved });
    return saved;
  });
}

// ---- realizations ----------------------------------------------------------------------------

function cleanRealization(input: RealizationInput, plan: PerformancePlanRow, qualitative: boolean) {
  const parsed = parsePeriod(input.period, plan.year);
  if (!parsed.ok) throw new BadInput('period', parsed.rule, 'Periode realisasi tidak valid');
  if (!periodOverlapsPlan(parsed.period, { start: plan.periodStart, end: plan.periodEnd })) {
    throw new BadInput('period', `${parsed.period.value} lies outside the plan's period ${plan.periodStart} to ${plan.periodEnd}`, 'Periode realisasi di luar periode SKP');
  }
  const note = input.note?.trim() || null;
  let value: number;
  if (qualitative) {
    if (input.value !== null && input.value !== undefined) throw new BadInput('value', 'must not be given for a qualitative indicator: describe the result in note; the supervisor rates it');
    if (!note) throw new BadInput('note', 'is required for a qualitative indicator: describe the result achieved');
    value = 0;
  } else {
    if (input.value === null || input.value === undefined) throw new BadInput('value', 'is required for a quantitative indicator');
    if (!Number.isFinite(input.value) || input.value < 0) throw new BadInput('value', 'must not be negative');
    if (input.value > MAX_VALUE) throw new BadInput('value', `must be at most ${MAX_VALUE}`);
    value = input.value;
  }
  const evidenceUrl = input.evidenceUrl?.trim() || null;
  if (evidenceUrl && !isHttpUrl(evidenceUrl)) throw new BadInput('evidenceUrl', 'must be an http or https URL', 'Tautan bukti dukung tidak valid');
  return { period: parsed.period, value, note, evidenceUrl };
}

/**
 * Records the cumulative value of an indicator for a period (indicatorId, or goalId for a goal's
 * first indicator); recording a period again replaces the value and keeps the replaced one in
 * realization_history. Emits goal.realization-recorded for a quantitative indicator.
 */
export async function recordRealization(ctx: KitContext, ids: { goalId?: string | null; indicatorId?: string | null }, input: RealizationInput): Promise<GoalRow> {
  const actor = requireUser(ctx);
  if (!ids.goalId === !ids.indicatorId) throw new BadInput('indicatorId', 'give exactly one of indicatorId or goalId (the goal\'s first indicator)');
  let indicator0: IndicatorRow | null;
  if (ids.indicatorId) {
    indicator0 = await findIndicator(ctx.dataSource.manager, ids.indicatorId);
  } else {
    const goal = await findGoal(ctx.dataSource.manager, ids.goalId as string);
    indicator0 = await firstIndicator(ctx.dataSource.manager, goal.id);
    if (!indicator0) throw new NotFound('Indicator', `of goal ${goal.id}`);
  }
  const known = await findGoal(ctx.dataSource.manager, indicator0.goalId);
  const plan0 = await findPlan(ctx.dataSource.manager, known.planId);
  const r = cleanRealization(input, plan0, indicator0.qualitative);
  return ctx.dataSource.transaction(async (m) => {
    const goal = await findGoal(m, known.id, true); // serializes recordings of one goal
    const indicator = await findIndicator(m, indicator0.id);
    const plan = await findPlan(m, goal.planId, 'pessimistic_read');
    if (plan.status !== PlanStatus.APPROVED) {
      throw new Conflict(`the plan is ${plan.status}: realizations are recorded against an approved plan`, { status: plan.status });
    }
    const [other] = await m.query('SELECT period FROM realization WHERE indicator_id = $1 LIMIT 1', [indicator.id]) as Array<{ period: string }>;
    if (other && granularityOf(other.period) !== r.period.granularity) {
      const kind = granularityOf(other.period) === 'MONTH' ? 'monthly (YYYY-MM)' : 'quarterly (YYYY-Qn)';
      throw new BadInput('period', `this indicator's realizations are ${kind}, like ${other.period}; keep one kind per indicator`);
    }
    const existing = await m.findOne(RealizationRow, { where: { indicatorId: indicator.id, period: r.period.value }, lock: { mode: 'pessimistic_write' } });
    const before = existing ? { ...existing } : null;
    let after: RealizationRow;
    if (existing) {
      await m.query(
        `INSERT INTO realization_history (realization_id, goal_id, indicator_id, period, value, note, evidence_url, recorded_at, recorded_by, replaced_by)
         SELECT id, goal_id, indicator_id, period, value, note, evidence_url, recorded_at, recorded_by, $2 FROM realization WHERE id = $1`,
        [existing.id, actor]);
      // A new value asks for new feedback: the supervisor's feedback was on the replaced one (kept in the trail).
      Object.assign(existing, { value: r.value, note: r.note, evidenceUrl: r.evidenceUrl, recordedAt: new Date(), recordedBy: actor, feedback: null, feedbackBy: null, feedbackAt: null });
      after = await m.save(existing);
    } else {
      after = await m.save(m.create(RealizationRow, {
        goalId: goal.id, indicatorId: indicator.id, period: r.period.value, periodEndMonth: r.period.endMonth, value: r.value, note: r.note,
        evidenceUrl: r.evidenceUrl, recordedAt: new Date(), recordedBy: actor, feedback: null, feedbackBy: null, feedbackAt: null,
      }));
    }
    // The realization belongs to its goal: the trail is read per goal (entityType Goal).
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: goal.id, action: 'recordRealization', before, after });
    if (!indicator.qualitative && indicator.target !== null && indicator.direction) {
      const target = targetAt(indicator, r.period.endMonth) ?? indicator.target;
      await realizationRecorded(m, {
        goal, indicator, plan, realizationId: after.id, period: r.period.value, value: r.value, target,
        achievement: target === 0 && indicator.direction === TargetDirection.HIGHER_IS_BETTER ? null : computeAchievement(target, r.value, indicator.direction),
      });
    }
    return goal;
  });
}

/** Umpan balik berkelanjutan: the direct supervisor's feedback on a realization (a second replaces the first). */
export async function giveRealizationFeedback(ctx: KitContext, realizationId: string, feedback: string): Promise<RealizationRow> {
  const actor = requireUser(ctx);
  const text = feedback.trim();
  if (!text) throw new BadInput('feedback', 'must not be empty', 'Umpan balik wajib diisi');
  if (text.length > LIMITS.feedback) throw new BadInput('feedback', `must be at most ${LIMITS.feedback} characters`);
  if (!SAFE_TEXT.test(text)) throw new BadInput('feedback', 'must not contain control characters other than line breaks and tabs');
  return ctx.dataSource.transaction(async (m) => {
    const row = isUuid(realizationId) ? await m.findOne(RealizationRow, { where: { id: realizationId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!row) throw new NotFound('Realization', realizationId);
    const before = { ...row };
    Object.assign(row, { feedback: text, feedbackBy: actor, feedbackAt: new Date() });
    const saved = await m.save(row);
    await recordAudit(m, ctx, { entityType: 'Goal', entityId: row.goalId, action: 'giveRealizationFeedback', before, after: saved });
    return saved;
  });
}
