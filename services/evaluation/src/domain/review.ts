import { EvaluationStatus, ObjectionStatus } from './enums';

/**
 * Review of a completed evaluation (DOMAIN.md, "Objection (keberatan), PP 30/2019 art. 59"): the
 * objection window, who may file, speak and decide, and the ADMIN correction. Pure: the resolvers
 * gather the facts and map a refusal to FORBIDDEN or CONFLICT.
 */

/** The regency's clock: Kabupaten Bungo (Jambi) keeps Western Indonesia Time, UTC+7 all year. */
export const REGENCY_TIME_ZONE = 'Asia/Jakarta';

/** PP 30/2019 art. 59: the employee may object within 14 days of completion. */
export const OBJECTION_DAYS = 14;

const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: REGENCY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The regency's calendar date (YYYY-MM-DD) at an instant. */
export function regencyDate(at: Date): string {
  return localDate.format(at);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The last day an objection may be filed: the completion's local date + 14 days. Completed on
 * 5 January (any hour, Jakarta time): filing is open through 19 January and refused from the 20th,
 * the 15th day after completion.
 */
export function objectionDeadline(completedAt: Date): string {
  return addDays(regencyDate(completedAt), OBJECTION_DAYS);
}

export type Refusal = { code: 'FORBIDDEN' | 'CONFLICT'; reason: string; message: string } | null;

const forbidden = (reason: string, message: string): Refusal => ({ code: 'FORBIDDEN', reason, message });
const conflict = (reason: string, message: string): Refusal => ({ code: 'CONFLICT', reason, message });

export interface FilingFacts {
  /** The caller is the evaluated employee. */
  self: boolean;
  status: EvaluationStatus;
  completedAt: Date | null;
  /** An objection already exists on this evaluation (filed or decided). */
  hasObjection: boolean;
  /** An objection was decided on this evaluation or one it supersedes: that decision is final. */
  reviewFinal: boolean;
  now: Date;
}

/** Only the evaluated employee, only a COMPLETED evaluation, once, within the window (PP 30/2019 art. 59). */
export function filingRefusal(f: FilingFacts): Refusal {
  if (!f.self) return forbidden('NOT_THE_EMPLOYEE', 'Only the evaluated employee may object to their evaluation');
  if (f.status === EvaluationStatus.SUPERSEDED) return conflict('SUPERSEDED', 'this evaluation is SUPERSEDED by a newer one; object to the current evaluation instead');
  if (f.status !== EvaluationStatus.COMPLETED || !f.completedAt) return conflict('NOT_COMPLETED', 'only a COMPLETED evaluation can be objected to');
  if (f.hasObjection) return conflict('ALREADY_OBJECTED', 'an objection to this evaluation was already filed; the reviewer\'s decision is final');
  if (f.reviewFinal) return conflict('DECISION_FINAL', 'this evaluation follows an objection decision, which is final (PP 30/2019 art. 59)');
  const deadline = objectionDeadline(f.completedAt);
  if (regencyDate(f.now) > deadline) {
    return conflict('OBJECTION_WINDOW_CLOSED', `the objection window closed on ${deadline} (14 days after completion, Asia/Jakarta dates)`);
  }
  return null;
}

/** Who the reviewer is: the evaluator's own supervisor at filing; BKPSDM where the evaluator has none. */
export type ReviewerKind = 'EVALUATOR_SUPERVISOR' | 'BKPSDM';

export interface ObjectionParties {
  employeeId: string;
  evaluatorId: string;
  reviewerId: string;
  reviewerKind: ReviewerKind;
}

export interface Caller {
  id: string;
  admin: boolean;
}

/** The party the caller speaks for in an objection, or null. ADMIN stands for BKPSDM where BKPSDM reviews. */
export function objectionRole(p: ObjectionParties, c: Caller): 'EMPLOYEE' | 'EVALUATOR' | 'REVIEWER' | null {
  if (c.id === p.employeeId) return 'EMPLOYEE';
  if (c.id === p.evaluatorId) return 'EVALUATOR';
  if (c.id === p.reviewerId || (p.reviewerKind === 'BKPSDM' && c.admin)) return 'REVIEWER';
  return null;
}

/** The reviewer hears both sides: the employee, the evaluator and the reviewer add statements while FILED. */
export function statementRefusal(p: ObjectionParties, c: Caller, status: ObjectionStatus): Refusal {
  if (!objectionRole(p, c)) return forbidden('NOT_A_PARTY', 'Only the employee, the evaluator and the reviewer add statements to an objection');
  if (status !== ObjectionStatus.FILED) return conflict('DECIDED', `the objection is ${status}; its decision is final and takes no more statements`);
  return null;
}

/** Only the reviewer decides (ADMIN for BKPSDM), once: the decision is final. */
export function decisionRefusal(p: ObjectionParties, c: Caller, status: ObjectionStatus): Refusal {
  if (objectionRole(p, c) !== 'REVIEWER') {
    return forbidden('NOT_THE_REVIEWER', p.reviewerKind === 'BKPSDM'
      ? 'Only BKPSDM (ADMIN, or the BKPSDM head named as reviewer) decides this objection'
      : 'Only the reviewer (the evaluator\'s own supervisor when the objection was filed) decides this objection');
  }
  if (status !== ObjectionStatus.FILED) return conflict('DECIDED', `the objection is already ${status}; the decision is final`);
  return null;
}

export interface CorrectionFacts {
  admin: boolean;
  status: EvaluationStatus;
  /** An objection to this evaluation is FILED and not yet decided. */
  objectionPending: boolean;
}

/** An ADMIN correction of a data error supersedes a COMPLETED evaluation; it never edits one. */
export function correctionRefusal(f: CorrectionFacts): Refusal {
  if (!f.admin) return forbidden('NOT_ADMIN', 'Only ADMIN corrects a completed evaluation');
  if (f.status === EvaluationStatus.SUPERSEDED) return conflict('SUPERSEDED', 'this evaluation is SUPERSEDED; correct the current one');
  if (f.status !== EvaluationStatus.COMPLETED) return conflict('NOT_COMPLETED', 'only a COMPLETED evaluation is corrected; a DRAFT is rated with rateEvaluation');
  if (f.objectionPending) return conflict('OBJECTION_PENDING', 'an objection to this evaluation is waiting for the reviewer\'s decision; the reviewer decides first');
  return null;
}
