import { createHash } from 'node:crypto';
import { BadInput, Conflict, DomainError, isUniqueViolation, isUuid, NotFound, recordAudit, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import { enqueue } from '@kinerja/events';
import { IsNull, type EntityManager } from 'typeorm';
import { evaluatorOf } from './domain/access';
import { cycleProblems } from './domain/cycle';
import { CycleStatus, EvaluationStatus, type Rating } from './domain/enums';
import { computePredicate } from './domain/predicate';
import { EvaluationCycleRow } from './entities/evaluation-cycle';
import { EvaluationRow } from './entities/evaluation';
import { FeedbackRow } from './entities/feedback';
import { requireApprovedPlan } from './grounding';
import type { EvaluationCycleInput, FeedbackInput, PublicFeedbackInput } from './graphql/inputs';
import { personnelEmployee, personnelEmployeeByNip } from './personnel-lookup';
import { pruneRateLimits, takeHit } from './rate-limit';
import { settingsOf } from './settings';

/** Evaluation's writes: authorize, validate against DOMAIN.md, then one transaction each. */


function cleanComment(comment: string | null | undefined): string | null {
  const c = comment?.trim();
  return c ? c : null;
}

async function lockedEvaluation(m: EntityManager, id: string, mode: 'pessimistic_write' | 'pessimistic_read'): Promise<EvaluationRow> {
  const row = isUuid(id) ? await m.findOne(EvaluationRow, { where: { id }, lock: { mode } }) : null;
  if (!row) throw new NotFound('Evaluation', id);
  return row;
}

function requireDraft(evaluation: EvaluationRow): void {
  if (evaluation.status !== EvaluationStatus.DRAFT) {
    // COMPLETED is final, SUPERSEDED replaced: only the review (objection, correction) changes either (DOMAIN.md).
    throw new Conflict(`this evaluation is ${evaluation.status} and read-only`, { evaluationId: evaluation.id, messageId: 'Penilaian sudah final' });
  }
}

function requireVersion(evaluation: EvaluationRow, expectedVersion: number): void {
  if (expectedVersion !== evaluation.version) {
    throw new Conflict(`expectedVersion ${expectedVersion} is stale: the evaluation is at version ${evaluation.version}`, { currentVersion: evaluation.version });
  }
}

// ---- cycles ----------------------------------------------------------------------------------

export async function openEvaluationCycle(ctx: KitContext, input: EvaluationCycleInput): Promise<EvaluationCycleRow> {
  const [problem] = cycleProblems(input);
  if (problem) throw new BadInput(problem.field, problem.rule);
  try {
    return await ctx.dataSource.transaction(async (m) => {
      const saved = await m.save(m.create(EvaluationCycleRow, {
        name: input.name.trim(), year: input.year, periodType: input.periodType, period: input.period ?? null,
        status: CycleStatus.OPEN, opensOn: input.opensOn, closesOn: input.closesOn, closedAt: null,
      }));
      await recordAudit(m, ctx, { entityType: 'EvaluationCycle', entityId: saved.id, action: 'openEvaluationCycle', before: null, after: saved });
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'evaluation_cycle_open_key')) {
      const period = input.period ? ` period ${input.period}` : '';
      throw new Conflict(`an OPEN ${input.periodType} cycle for ${input.year}${period} already exists; close it first`, { field: 'periodType' });
    }
    throw error;
  }
}

export async function closeEvaluationCycle(ctx: KitContext, id: string): Promise<EvaluationCycleRow> {
  return ctx.dataSource.transaction(async (m) => {
    const cycle = isUuid(id) ? await m.findOne(EvaluationCycleRow, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!cycle) throw new NotFound('EvaluationCycle', id);
    if (cycle.status === CycleStatus.CLOSED) return cycle; // closing twice changes nothing
    const before = { ...cycle };
    cycle.status = CycleStatus.CLOSED;
    cycle.closedAt = new Date();
    cycle.version += 1;
    const saved = await m.save(cycle);
    await recordAudit(m, ctx, { entityType: 'EvaluationCycle', entityId: saved.id, action: 'closeEvaluationCycle', before, after: saved });
    return saved;
  });
}

// ---- evaluations -----------------------------------------------------------------------------

/**
 * The evaluator: the direct supervisor when the evaluation starts; without one, the head of the
 * employee's unit (or of the unit above when the employee heads their own unit).
 */
export async function startEvaluation(ctx: KitContext, employeeId: string, cycleId: string): Promise<EvaluationRow> {
  requireUser(ctx);
  const employee = await personnelEmployee(ctx, employeeId);
  if (!employee) throw new NotFound('Employee', employeeId);
  // Who may start it is its guard's (domain/access.ts, startsEvaluation).
  const evaluatorId = evaluatorOf(employee);
  if (!evaluatorId) {
    throw new BadInput('employeeId', 'this employee has no direct supervisor and no unit head above them to be the evaluator; set a supervisor in personnel first', 'Pegawai tidak memiliki atasan langsung');
  }
  if (employee.status !== 'ACTIVE') throw new BadInput('employeeId', `only an ACTIVE employee is evaluated; this one is ${employee.status}`);
  // DOMAIN.md: grounded in the SKP; asked of goals before the transaction (an HTTP call holds no lock).
  const cycle0 = isUuid(cycleId) ? await ctx.dataSource.getRepository(EvaluationCycleRow).findOneBy({ id: cycleId }) : null;
  if (cycle0) await requireApprovedPlan(ctx, employee.id, cycle0);

  return ctx.dataSource.transaction(async (m) => {
    // FOR SHARE: a concurrent closeEvaluationCycle waits for this start, or this start sees CLOSED.
    const cycle = isUuid(cycleId) ? await m.findOne(EvaluationCycleRow, { where: { id: cycleId }, lock: { mode: 'pessimistic_read' } }) : null;
    if (!cycle) throw new NotFound('EvaluationCycle', cycleId);
    if (cycle.status !== CycleStatus.OPEN) throw new BadInput('cycleId', 'the cycle is CLOSED; evaluations start only in an OPEN cycle', 'Siklus penilaian sudah ditutup');
    let saved: EvaluationRow;
    try {
      saved = await m.save(m.create(EvaluationRow, {
        cycleId: cycle.id, employeeId: employee.id, employeeNip: employee.nip, unitId: employee.unitId, evaluatorId,
        status: EvaluationStatus.DRAFT, resultRating: null, behaviorRating: null, predicate: null,
        ratedBy: null, completedAt: null, completedBy: null, version: 1,
      }));
    } catch (error) {
      if (isUniqueViolation(error, 'evaluation_cycle_employee_key')) {
        throw new Conflict('employeeId: this employee already has an evaluation in this cycle (one per employee per cycle, superseded ones aside)', { field: 'employeeId' });
      }
      throw error;
    }
    // Public feedback that was waiting for this employee's next evaluation joins it now.
    await m.query('UPDATE feedback SET evaluation_id = $1 WHERE evaluation_id IS NULL AND employee_id = $2', [saved.id, employee.id]);
    await recordAudit(m, ctx, { entityType: 'Evaluation', entityId: saved.id, action: 'startEvaluation', before: null, after: saved });
    return saved;
  });
}

export async function rateEvaluation(ctx: KitContext, id: string, resultRating: Rating, behaviorRating: Rating, expectedVersion: number): Promise<EvaluationRow> {
  requireUser(ctx);
  return ctx.dataSource.transaction(async (m) => {
    const evaluation = await lockedEvaluation(m, id, 'pessimistic_write');
    const caller = requireUser(ctx); // authorized by its guard (domain/access.ts, ratesEvaluation)
    requireDraft(evaluation);
    requireVersion(evaluation, expectedVersion);
    const before = { ...evaluation };
    evaluation.resultRating = resultRating;
    evaluation.behaviorRating = behaviorRating;
    evaluation.predicate = computePredicate(resultRating, behaviorRating);
    evaluation.ratedBy = caller;
    evaluation.version += 1;
    const saved = await m.save(evaluation);
    await recordAudit(m, ctx, { entityType: 'Evaluation', entityId: saved.id, action: 'rateEvaluation', before, after: saved });
    return saved;
  });
}

/** Completes the evaluation and writes its evaluation.completed event in the same transaction (EVENTS.md). */
export async function completeEvaluation(ctx: KitContext, id: string, expectedVersion: number): Promise<EvaluationRow> {
  requireUser(ctx);
  return ctx.dataSource.transaction(async (m) => {
    const evaluation = await lockedEvaluation(m, id, 'pessimistic_write');
    const caller = requireUser(ctx); // authorized by its guard (domain/access.ts, ratesEvaluation)
    requireDraft(evaluation);
    requireVersion(evaluation, expectedVersion);
    if (!evaluation.resultRating || !evaluation.behaviorRating || !evaluation.predicate) {
      throw new BadInput('id', 'the evaluation needs both resultRating and behaviorRating before it is completed; call rateEvaluation first', 'Penilaian belum lengkap');
    }
    const cycle = await m.findOneByOrFail(EvaluationCycleRow, { id: evaluation.cycleId });
    const before = { ...evaluation };
    evaluation.status = EvaluationStatus.COMPLETED;
    evaluation.completedAt = new Date();
    evaluation.completedBy = caller;
    evaluation.version += 1;
    const saved = await m.save(evaluation);
    await recordAudit(m, ctx, { entityType: 'Evaluation', entityId: saved.id, action: 'completeEvaluation', before, after: saved });
    await enqueue(m, 'evaluation.completed', {
      evaluationId: saved.id,
      employeeId: saved.employeeId,
      nip: saved.employeeNip,
      unitId: saved.unitId,
      evaluatorId: saved.evaluatorId,
      cycle: { id: cycle.id, year: cycle.year, periodType: cycle.periodType, period: cycle.period },
      resultRating: evaluation.resultRating,
      behaviorRating: evaluation.behaviorRating,
      predicate: evaluation.predicate,
      completedAt: (saved.completedAt as Date).toISOString(),
    }, { key: saved.employeeId, traceId: ctx.requestId, occurredAt: saved.completedAt as Date });
    return saved;
  });
}

// ---- feedback --------------------------------------------------------------------------------

/** One feedback per author per core value per evaluation: a second replaces the first. */
export async function giveFeedback(ctx: KitContext, evaluationId: string, input: FeedbackInput): Promise<FeedbackRow> {
  const author = requireUser(ctx);
  const existing = isUuid(evaluationId) ? await ctx.dataSource.getRepository(EvaluationRow).findOneBy({ id: evaluationId }) : null;
  if (!existing) throw new NotFound('Evaluation', evaluationId);
  // Who may give feedback from which source is its guard's (domain/access.ts, givesFeedback).

  return ctx.dataSource.transaction(async (m) => {
    // FOR SHARE: completion (FOR UPDATE) waits, so no feedback lands on a completed evaluation.
    const evaluation = await lockedEvaluation(m, evaluationId, 'pessimistic_read');
    requireDraft(evaluation);
    const cycle = await m.findOneByOrFail(EvaluationCycleRow, { id: evaluation.cycleId });
    if (cycle.status !== CycleStatus.OPEN) throw new BadInput('evaluationId', 'the cycle is CLOSED: feedback is no longer collected for it');
    const before = await m.findOneBy(FeedbackRow, { evaluationId: evaluation.id, authorId: author, coreValue: (input.coreValue ?? IsNull()) as never });
    const rows = (await m.query(
      `INSERT INTO feedback (evaluation_id, employee_id, source, author_id, core_value, score, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (evaluation_id, author_id, (coalesce(core_value, ''))) WHERE author_id IS NOT NULL
       DO UPDATE SET source = EXCLUDED.source, score = EXCLUDED.score, comment = EXCLUDED.comment, created_at = now()
       RETURNING id`,
      [evaluation.id, evaluation.employeeId, input.source, author, input.coreValue ?? null, input.score, cleanComment(input.comment)],
    )) as Array<{ id: string }>;
    const saved = await m.findOneByOrFail(FeedbackRow, { id: (rows[0] as { id: string }).id });
    // Recorded on the evaluation: the trail of an evaluation shows its feedback (authors are ADMIN-only data here).
    await recordAudit(m, ctx, { entityType: 'Evaluation', entityId: evaluation.id, action: 'giveFeedback', before, after: saved });
    return saved;
  });
}

function clientKeyOf(ctx: KitContext): string {
  if (ctx.identity.client) return `c:${ctx.identity.client}`;
  // A signed-in caller has no client key from the gateway; count them by a hash, never the id itself.
  if (ctx.identity.employeeId) return `u:${createHash('sha256').update(ctx.identity.employeeId).digest('base64url').slice(0, 22)}`;
  return 'anonymous';
}

/**
 * Feedback from a citizen: no login, no identity or address stored. A unit named by code gives its
 * feedback to the unit head (who answers for the unit's service).
 */
export async function submitPublicFeedback(ctx: KitContext, input: PublicFeedbackInput): Promise<boolean> {
  const nip = input.employeeNip?.replace(/\s+/g, '') || null;
  const unitCode = input.unitCode?.trim() || null;
  if ((nip ? 1 : 0) + (unitCode ? 1 : 0) !== 1) throw new BadInput('employeeNip', 'give exactly one of employeeNip or unitCode', 'Isi NIP pegawai atau kode unit');
  if (nip && !/^\d{18}$/.test(nip)) throw new BadInput('employeeNip', 'must be 18 digits (spaces allowed)', 'NIP harus 18 digit');

  // Counted before any lookup, so the limit also bounds probing for NIPs and codes.
  const limits = settingsOf(ctx).publicFeedback;
  const full = await ctx.dataSource.transaction(async (m) => {
    if (Math.random() < 0.01) await pruneRateLimits(m);
    return takeHit(m, clientKeyOf(ctx), limits);
  });
  if (full) {
    const retryAfterSeconds = Math.max(1, Math.ceil((full.end.getTime() - Date.now()) / 1000));
    throw new DomainError('FORBIDDEN', `Too many public feedback submissions from this client: at most ${full.limit} per ${full.bucket}; try again in ${retryAfterSeconds} s`, {
      reason: 'RATE_LIMITED', limit: full.limit, window: full.bucket, retryAfterSeconds, messageId: 'Terlalu banyak umpan balik; coba lagi nanti',
    });
  }

  let employeeId: string;
  let unitId: string | null = null;
  if (nip) {
    const employee = await personnelEmployeeByNip(ctx, nip);
    if (!employee) throw new NotFound('Employee', `with NIP ${nip}`);
    if (employee.status !== 'ACTIVE') throw new BadInput('employeeNip', 'this employee is no longer in active service');
    employeeId = employee.id;
  } else {
    const unit = await settingsOf(ctx).personnel.unitByCode(unitCode as string, ctx.requestId);
    if (!unit) throw new NotFound('OrganizationUnit', `with code ${unitCode}`);
    if (!unit.headId) throw new BadInput('unitCode', 'this unit has no head yet to receive feedback');
    employeeId = unit.headId;
    unitId = unit.id;
  }

  await ctx.dataSource.transaction(async (m) => {
    // The employee's DRAFT evaluation in an open cycle (the one closing soonest), else it waits.
    const [open] = (await m.query(
      `SELECT e.id FROM evaluation e JOIN evaluation_cycle c ON c.id = e.cycle_id
        WHERE e.employee_id = $1 AND e.status = 'DRAFT' AND c.status = 'OPEN'
        ORDER BY c.closes_on, c.opens_on DESC LIMIT 1 FOR SHARE OF e`,
      [employeeId],
    )) as Array<{ id: string }>;
    const [row] = (await m.query(
      `INSERT INTO feedback (evaluation_id, employee_id, unit_id, source, author_id, core_value, score, comment)
       VALUES ($1, $2, $3, 'PUBLIC', NULL, $4, $5, $6) RETURNING *`,
      [open?.id ?? null, employeeId, unitId, input.coreValue ?? null, input.score, cleanComment(input.comment)],
    )) as Array<Record<string, unknown>>;
    // Public feedback stores no identity (CONTRACT.md): the audit row names no actor and no request either.
    await recordAudit(m, { actorId: null, roles: [], service: null, requestId: null }, {
      entityType: 'Feedback', entityId: String(row?.id), action: 'submitPublicFeedback', before: null, after: row,
    });
  });
  return true;
}
