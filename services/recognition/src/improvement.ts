import { enqueue } from '@kinerja/events';
import { BadInput, Forbidden, hasRole, isUuid, loadById, NotFound, recordAudit, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { wibDate } from './domain/dates';
import { ImprovementStatus } from './domain/enums';
import { isOpenPlan, reviewCheck } from './domain/improvement';
import { ImprovementPlanRow } from './entities/improvement';
import { text } from './recognition';

/**
 * The improvement track's writes from the graph (PP 30/2019 art. 56-58): coaching sessions by the
 * plan's owner, review steps by the owner (IMPROVED, RETEST) or ADMIN (TRANSFER, TEMPORARY_POST,
 * DISCHARGE_RECOMMENDED); each in one transaction with its audit row and improvement.changed event.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function lockPlan(m: EntityManager, id: string): Promise<ImprovementPlanRow> {
  const plan = isUuid(id) ? await m.findOne(ImprovementPlanRow, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!plan) throw new NotFound('ImprovementPlan', id);
  return plan;
}

/** The plan the mutation is about; who may touch it is its guard's (domain/access.ts, coachesPlan / reviewsPlan). */
async function planFor(ctx: KitContext, planId: string): Promise<ImprovementPlanRow> {
  const plan = await loadById(ctx, ImprovementPlanRow, planId);
  if (!plan) throw new NotFound('ImprovementPlan', planId);
  return plan;
}

export async function recordCoachingSession(ctx: KitContext, planId: string, heldOn: string, rawNotes: string): Promise<ImprovementPlanRow> {
  const me = requireUser(ctx);
  await planFor(ctx, planId);
  const notes = text('notes', rawNotes, 3, 5000);
  if (!DATE.test(heldOn)) throw new BadInput('heldOn', 'must be a date (YYYY-MM-DD)');
  return ctx.dataSource.transaction(async (m) => {
    const plan = await lockPlan(m, planId);
    if (!isOpenPlan(plan.status)) throw new BadInput('planId', `the plan is closed as ${plan.status}`);
    if (heldOn < plan.opensOn) throw new BadInput('heldOn', `must not be before the plan opened on ${plan.opensOn}`);
    if (heldOn > wibDate()) throw new BadInput('heldOn', 'must not lie in the future');
    await m.query('INSERT INTO improvement_session (plan_id, held_on, notes, by_id) VALUES ($1, $2, $3, $4)', [plan.id, heldOn, notes, me]);
    await recordAudit(m, ctx, { entityType: 'ImprovementPlan', entityId: plan.id, action: 'recordCoachingSession', before: null, after: { heldOn, notes, by: me }, reason: notes });
    return plan;
  });
}

export async function reviewImprovementPlan(ctx: KitContext, planId: string, outcome: ImprovementStatus, rawReason: string): Promise<ImprovementPlanRow> {
  const me = requireUser(ctx);
  const found = await planFor(ctx, planId);
  const admin = hasRole(ctx, 'ADMIN');
  // Who decides which outcome is part of authorization: checked before the reason is.
  const who = reviewCheck({ current: ImprovementStatus.OPEN, outcome, today: '9999-12-31', reviewDueOn: '0000-01-01', owner: found.ownerId === me, admin });
  if (!who.ok && who.kind === 'FORBIDDEN') throw new Forbidden(`${who.field}: ${who.rule}`);
  const reason = text('reason', rawReason, 3, 2000);
  return ctx.dataSource.transaction(async (m) => {
    const plan = await lockPlan(m, planId);
    const today = wibDate();
    const check = reviewCheck({ current: plan.status, outcome, today, reviewDueOn: plan.reviewDueOn, owner: plan.ownerId === me, admin });
    if (!check.ok) {
      if (check.kind === 'FORBIDDEN') throw new Forbidden(`${check.field}: ${check.rule}`);
      throw new BadInput(check.field, check.rule);
    }
    const before = { ...plan };
    plan.status = outcome;
    await m.update(ImprovementPlanRow, { id: plan.id }, { status: outcome });
    await m.query('INSERT INTO improvement_step (plan_id, status, decided_on, decided_by, reason) VALUES ($1, $2, $3, $4, $5)', [plan.id, outcome, today, me, reason]);
    await recordAudit(m, ctx, { entityType: 'ImprovementPlan', entityId: plan.id, action: 'reviewImprovementPlan', before, after: plan, reason });
    await enqueue(m, 'improvement.changed', {
      planId: plan.id, employeeId: plan.employeeId, decisionId: plan.decisionId, ownerId: plan.ownerId, status: outcome,
      opensOn: plan.opensOn, reviewDueOn: plan.reviewDueOn, decidedOn: today, decidedBy: me, reason,
    }, { key: plan.employeeId });
    return plan;
  });
}

/** The owner sets the plan's targets (DOMAIN.md: targets, coaching sessions, review date). */
export async function setImprovementTargets(ctx: KitContext, planId: string, rawTargets: string): Promise<ImprovementPlanRow> {
  await planFor(ctx, planId);
  const targets = text('targets', rawTargets, 3, 5000);
  return ctx.dataSource.transaction(async (m) => {
    const plan = await lockPlan(m, planId);
    if (!isOpenPlan(plan.status)) throw new BadInput('planId', `the plan is closed as ${plan.status}`);
    const before = { ...plan };
    plan.targets = targets;
    await m.update(ImprovementPlanRow, { id: plan.id }, { targets });
    await recordAudit(m, ctx, { entityType: 'ImprovementPlan', entityId: plan.id, action: 'setImprovementTargets', before, after: plan, reason: targets });
    return plan;
  });
}
