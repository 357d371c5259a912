import {
  accessProfile, BadInput, Conflict, DomainError, Forbidden, hasRole, isHttpUrl, isUniqueViolation, isUuid, NotFound, recordAudit, requireUser, SAFE_TEXT, type KitContext,
} from '@kinerja/subgraph-kit';
import { enqueue } from '@kinerja/events';
import type { EntityManager } from 'typeorm';
import { EvaluationStatus, ObjectionStatus, type Rating } from './domain/enums';
import { computePredicate } from './domain/predicate';
import {
  correctionRefusal, decisionRefusal, filingRefusal, objectionRole, statementRefusal, type ObjectionParties, type Refusal, type ReviewerKind,
} from './domain/review';
import { EvaluationCycleRow } from './entities/evaluation-cycle';
import { EvaluationRow } from './entities/evaluation';
import { ObjectionRow, ObjectionStatementRow } from './entities/objection';
import { DEFAULT_BKPSDM_UNIT_CODE, settingsOf } from './settings';

/**
 * Review of a completed evaluation (DOMAIN.md, "Objection (keberatan), PP 30/2019 art. 59"): the
 * objection, the parties' statements, the reviewer's final decision, and the ADMIN correction. A
 * change never edits the completed evaluation: it supersedes it with a new COMPLETED one in the same
 * cycle, in one transaction with its audit rows and its evaluation.completed event (EVENTS.md).
 */

export const TEXT_MAX = 4000;

function refuse(r: Refusal, extensions: Record<string, unknown> = {}): void {
  if (!r) return;
  if (r.code === 'FORBIDDEN') throw new Forbidden(r.message);
  throw new DomainError('CONFLICT', r.message, { reason: r.reason, ...extensions });
}

/** A required free text (reason, statement, note): trimmed, 1..4000 characters, no control characters. */
function text(field: string, value: string | null | undefined, min = 1): string {
  const t = (value ?? '').trim();
  if (t.length < min) throw new BadInput(field, min > 1 ? `must be at least ${min} characters` : 'must not be empty');
  if (t.length > TEXT_MAX) throw new BadInput(field, `must be at most ${TEXT_MAX} characters`);
  if (!SAFE_TEXT.test(t)) throw new BadInput(field, 'must not contain control characters');
  return t;
}

function evidenceUrl(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  if (!isHttpUrl(v) || v.length > 500) {
    throw new BadInput('evidenceUrl', 'must be an http(s) URL of at most 500 characters (e.g. the document in the regency\'s archive)');
  }
  return v;
}

function partiesOf(o: ObjectionRow): ObjectionParties {
  return { employeeId: o.employeeId, evaluatorId: o.evaluatorId, reviewerId: o.reviewerId, reviewerKind: o.reviewerKind };
}

async function evaluationOrFail(m: EntityManager, id: string, lock = false): Promise<EvaluationRow> {
  const row = isUuid(id) ? await m.findOne(EvaluationRow, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }) : null;
  if (!row) throw new NotFound('Evaluation', id);
  return row;
}

async function objectionOrFail(m: EntityManager, id: string, lock = false): Promise<ObjectionRow> {
  const row = isUuid(id) ? await m.findOne(ObjectionRow, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }) : null;
  if (!row) throw new NotFound('Objection', id);
  return row;
}

/**
 * The reviewer (atasan pejabat penilai): the evaluator's own supervisor at filing time; where the
 * evaluator has none, BKPSDM, represented by the head of BKPSDM's unit (ADMIN decides for BKPSDM too).
 */
async function reviewerFor(ctx: KitContext, evaluatorId: string): Promise<{ reviewerId: string; reviewerKind: ReviewerKind }> {
  const evaluator = await accessProfile(ctx, evaluatorId);
  const supervisor = evaluator?.supervisorChain[0];
  if (supervisor) return { reviewerId: supervisor, reviewerKind: 'EVALUATOR_SUPERVISOR' };
  const settings = settingsOf(ctx);
  const code = settings.bkpsdmUnitCode ?? DEFAULT_BKPSDM_UNIT_CODE;
  const bkpsdm = await settings.personnel.unitByCode(code, ctx.requestId);
  if (!bkpsdm?.headId) {
    throw new Conflict(`the evaluator has no supervisor, so BKPSDM reviews this objection, but unit ${code} has no head recorded; ADMIN sets the head of ${code} in personnel, then file again`, {
      reason: 'NO_REVIEWER', messageId: 'Kepala BKPSDM belum tercatat',
    });
  }
  return { reviewerId: bkpsdm.headId, reviewerKind: 'BKPSDM' };
}

export async function fileObjection(ctx: KitContext, evaluationId: string, reason: string, evidence: string | null | undefined): Promise<ObjectionRow> {
  requireUser(ctx);
  const existing = await evaluationOrFail(ctx.dataSource.manager, evaluationId);
  // Only the employee objects (PP 30/2019 art. 59): its guard (domain/access.ts, filesObjection) decided that first.
  const cleanReason = text('reason', reason, 10);
  const cleanEvidence = evidenceUrl(evidence);
  const filed = (await ctx.dataSource.getRepository(ObjectionRow).count({ where: { evaluationId: existing.id } })) > 0;
  refuse(filingRefusal({
    self: true, status: existing.status, completedAt: existing.completedAt, hasObjection: filed, reviewFinal: existing.reviewFinal, now: new Date(),
  }), { evaluationId: existing.id });
  const { reviewerId, reviewerKind } = await reviewerFor(ctx, existing.evaluatorId);
  try {
    return await ctx.dataSource.transaction(async (m) => {
      const evaluation = await evaluationOrFail(m, evaluationId, true);
      const hasObjection = (await m.count(ObjectionRow, { where: { evaluationId: evaluation.id } })) > 0;
      refuse(filingRefusal({
        self: true, status: evaluation.status, completedAt: evaluation.completedAt, hasObjection, reviewFinal: evaluation.reviewFinal, now: new Date(),
      }), { evaluationId: evaluation.id });
      const saved = await m.save(m.create(ObjectionRow, {
        evaluationId: evaluation.id, employeeId: evaluation.employeeId, evaluatorId: evaluation.evaluatorId, reviewerId, reviewerKind,
        reason: cleanReason, evidenceUrl: cleanEvidence, filedAt: new Date(), status: ObjectionStatus.FILED,
        decidedAt: null, decidedBy: null, decisionNote: null, resultEvaluationId: null, version: 1,
      }));
      await recordAudit(m, ctx, { entityType: 'Objection', entityId: saved.id, action: 'fileObjection', before: null, after: saved, reason: cleanReason });
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'objection_evaluation_key')) {
      throw new Conflict('an objection to this evaluation was already filed; the reviewer\'s decision is final', { reason: 'ALREADY_OBJECTED' });
    }
    throw error;
  }
}

export async function addObjectionStatement(ctx: KitContext, objectionId: string, statement: string): Promise<ObjectionRow> {
  const caller = requireUser(ctx);
  await objectionOrFail(ctx.dataSource.manager, objectionId);
  const who = { id: caller, admin: hasRole(ctx, 'ADMIN') };
  const clean = text('text', statement);
  return ctx.dataSource.transaction(async (m) => {
    // FOR UPDATE: a statement and the decision never cross; after the decision no statement lands.
    const objection = await objectionOrFail(m, objectionId, true);
    refuse(statementRefusal(partiesOf(objection), who, objection.status));
    const party = objectionRole(partiesOf(objection), who) as ObjectionStatementRow['party'];
    const saved = await m.save(m.create(ObjectionStatementRow, { objectionId: objection.id, authorId: caller, party, text: clean, at: new Date() }));
    await recordAudit(m, ctx, { entityType: 'Objection', entityId: objection.id, action: 'addObjectionStatement', before: null, after: saved });
    return objection;
  });
}

export interface SupersedeChange {
  resultRating: Rating;
  behaviorRating: Rating;
  origin: 'OBJECTION' | 'CORRECTION';
  reason: string;
  /** The new evaluation takes no objection (it follows a final decision). */
  reviewFinal: boolean;
  action: string;
}

/**
 * The one path for changing a completed evaluation (DOMAIN.md): the old one becomes SUPERSEDED, a new
 * COMPLETED one in the same cycle holds the ratings with the quadrant applied again, and its
 * evaluation.completed event names what it supersedes. Inside the caller's transaction.
 */
export async function supersedeEvaluation(m: EntityManager, ctx: KitContext, old: EvaluationRow, change: SupersedeChange): Promise<EvaluationRow> {
  const caller = requireUser(ctx);
  const cycle = await m.findOneByOrFail(EvaluationCycleRow, { id: old.cycleId });
  const now = new Date();
  const before = { ...old };
  old.status = EvaluationStatus.SUPERSEDED;
  old.supersededAt = now;
  old.reviewFinal = old.reviewFinal || change.reviewFinal;
  old.version += 1;
  const superseded = await m.save(old);
  const predicate = computePredicate(change.resultRating, change.behaviorRating);
  const created = await m.save(m.create(EvaluationRow, {
    cycleId: old.cycleId, employeeId: old.employeeId, employeeNip: old.employeeNip, unitId: old.unitId, evaluatorId: old.evaluatorId,
    status: EvaluationStatus.COMPLETED, resultRating: change.resultRating, behaviorRating: change.behaviorRating, predicate,
    ratedBy: caller, completedAt: now, completedBy: caller, version: 1,
    supersedesId: old.id, supersededAt: null, feedbackEvaluationId: before.feedbackEvaluationId ?? old.id, origin: change.origin, originReason: change.reason, reviewFinal: change.reviewFinal || before.reviewFinal,
  }));
  await recordAudit(m, ctx, { entityType: 'Evaluation', entityId: superseded.id, action: change.action, before, after: superseded, reason: change.reason });
  await recordAudit(m, ctx, { entityType: 'Evaluation', entityId: created.id, action: change.action, before: null, after: created, reason: change.reason });
  await enqueue(m, 'evaluation.completed', {
    evaluationId: created.id,
    employeeId: created.employeeId,
    nip: created.employeeNip,
    unitId: created.unitId,
    evaluatorId: created.evaluatorId,
    cycle: { id: cycle.id, year: cycle.year, periodType: cycle.periodType, period: cycle.period },
    resultRating: change.resultRating,
    behaviorRating: change.behaviorRating,
    predicate,
    completedAt: now.toISOString(),
    supersedes: superseded.id,
  }, { key: created.employeeId, traceId: ctx.requestId, occurredAt: now });
  return created;
}

export async function decideObjection(
  ctx: KitContext, objectionId: string, uphold: boolean, resultRating: Rating | null | undefined, behaviorRating: Rating | null | undefined, note: string,
): Promise<ObjectionRow> {
  const caller = requireUser(ctx);
  await objectionOrFail(ctx.dataSource.manager, objectionId);
  const who = { id: caller, admin: hasRole(ctx, 'ADMIN') };
  const cleanNote = text('note', note);
  if (uphold && (resultRating || behaviorRating)) {
    throw new BadInput(resultRating ? 'resultRating' : 'behaviorRating', 'must be empty when the objection is upheld (the evaluation stands as it is)');
  }
  if (!uphold && (!resultRating || !behaviorRating)) {
    throw new BadInput(resultRating ? 'behaviorRating' : 'resultRating', 'is required when the objection changes the ratings (uphold: false)');
  }
  return ctx.dataSource.transaction(async (m) => {
    const objection = await objectionOrFail(m, objectionId, true);
    refuse(decisionRefusal(partiesOf(objection), who, objection.status));
    const evaluation = await evaluationOrFail(m, objection.evaluationId, true);
    if (evaluation.status !== EvaluationStatus.COMPLETED || !evaluation.predicate) {
      throw new Conflict(`the evaluation objected to is ${evaluation.status}; nothing to decide on`, { reason: 'NOT_COMPLETED' });
    }
    if (!uphold && resultRating === evaluation.resultRating && behaviorRating === evaluation.behaviorRating) {
      throw new BadInput('resultRating', 'these are the evaluation\'s ratings already; uphold the objection\'s predicate instead (uphold: true)');
    }
    const before = { ...objection };
    const predicateBefore = evaluation.predicate;
    let created: EvaluationRow | null = null;
    if (uphold) {
      // Upheld: the evaluation stands, and the decision is final (no second objection on it).
      const evBefore = { ...evaluation };
      evaluation.reviewFinal = true;
      evaluation.version += 1;
      await m.save(evaluation);
      await recordAudit(m, ctx, { entityType: 'Evaluation', entityId: evaluation.id, action: 'decideObjection', before: evBefore, after: evaluation, reason: cleanNote });
    } else {
      created = await supersedeEvaluation(m, ctx, evaluation, {
        resultRating: resultRating as Rating, behaviorRating: behaviorRating as Rating, origin: 'OBJECTION', reason: cleanNote, reviewFinal: true, action: 'decideObjection',
      });
    }
    const now = created?.completedAt ?? new Date();
    objection.status = uphold ? ObjectionStatus.UPHELD : ObjectionStatus.CHANGED;
    objection.decidedAt = now;
    objection.decidedBy = caller;
    objection.decisionNote = cleanNote;
    objection.resultEvaluationId = created?.id ?? null;
    objection.version += 1;
    const saved = await m.save(objection);
    await recordAudit(m, ctx, { entityType: 'Objection', entityId: saved.id, action: 'decideObjection', before, after: saved, reason: cleanNote });
    await enqueue(m, 'objection.decided', {
      objectionId: saved.id, evaluationId: saved.evaluationId, employeeId: saved.employeeId, unitId: evaluation.unitId, evaluatorId: saved.evaluatorId,
      reviewerId: saved.reviewerId, reviewerKind: saved.reviewerKind, decidedBy: caller, outcome: uphold ? 'UPHELD' : 'CHANGED',
      predicateBefore, newEvaluationId: created?.id ?? null, predicateAfter: created?.predicate ?? null,
      filedAt: saved.filedAt.toISOString(), decidedAt: now.toISOString(),
    }, { key: saved.employeeId, traceId: ctx.requestId, occurredAt: now });
    return saved;
  });
}

/** ADMIN corrects a data error: the same superseding path as an objection, with a reason (DOMAIN.md). */
export async function correctEvaluation(ctx: KitContext, evaluationId: string, resultRating: Rating, behaviorRating: Rating, reason: string): Promise<EvaluationRow> {
  requireUser(ctx);
  const admin = hasRole(ctx, 'ADMIN'); // its guard (domain/access.ts, correctsEvaluations) let only ADMIN in
  await evaluationOrFail(ctx.dataSource.manager, evaluationId);
  const cleanReason = text('reason', reason, 10);
  return ctx.dataSource.transaction(async (m) => {
    const evaluation = await evaluationOrFail(m, evaluationId, true);
    const objectionPending = (await m.count(ObjectionRow, { where: { evaluationId: evaluation.id, status: ObjectionStatus.FILED } })) > 0;
    refuse(correctionRefusal({ admin, status: evaluation.status, objectionPending }), { evaluationId: evaluation.id });
    if (resultRating === evaluation.resultRating && behaviorRating === evaluation.behaviorRating) {
      throw new BadInput('resultRating', 'these are the evaluation\'s ratings already; a correction changes at least one rating');
    }
    return supersedeEvaluation(m, ctx, evaluation, {
      resultRating, behaviorRating, origin: 'CORRECTION', reason: cleanReason, reviewFinal: false, action: 'correctEvaluation',
    });
  });
}
