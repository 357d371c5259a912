import type { RoleFacts } from '@kinerja/subgraph-kit';
import { FeedbackSource } from './enums';
import { objectionRole, type Caller, type ObjectionParties } from './review';

/** How the caller stands to an evaluated employee (from personnel, per request). */
export interface ViewerFacts {
  admin: boolean;
  analyst: boolean;
  /** The caller is the evaluated employee. */
  self: boolean;
  /** The caller is this evaluation's evaluator. */
  evaluator: boolean;
  /** The caller is anywhere in the employee's supervisor chain. */
  supervisor: boolean;
  /** The caller heads the employee's unit or one above it. */
  unitHead: boolean;
  /** The caller works in the employee's unit (and is not the employee). */
  sameUnit: boolean;
  /** The employee is the caller's direct supervisor. */
  directSubordinate: boolean;
}

/**
 * What the caller may read of an evaluation (CONTRACT.md, "Who may do what"):
 * FULL - ADMIN, evaluator, supervisor chain, unit heads: everything, authors included;
 * SELF - the evaluated employee: everything except who wrote PEER/SUBORDINATE/PUBLIC feedback;
 * ANALYST - ratings, predicate and aggregates, no comments and no authors;
 * PARTICIPANT - colleagues who may give feedback: that it exists and their own feedback only;
 * NONE - nothing.
 */
export type EvaluationAccess = 'FULL' | 'SELF' | 'ANALYST' | 'PARTICIPANT' | 'NONE';

export function evaluationAccess(f: ViewerFacts): EvaluationAccess {
  // The evaluated employee stays anonymous-blind even when they are ADMIN or a supervisor themself.
  if (f.self) return 'SELF';
  if (f.admin || f.evaluator || f.supervisor || f.unitHead) return 'FULL';
  if (f.analyst) return 'ANALYST';
  if (f.sameUnit || f.directSubordinate) return 'PARTICIPANT';
  return 'NONE';
}

/** Sources whose author the evaluated employee must never learn (CONTRACT.md, Feedback). */
export const ANONYMOUS_SOURCES: ReadonlySet<FeedbackSource> = new Set([FeedbackSource.PEER, FeedbackSource.SUBORDINATE, FeedbackSource.PUBLIC]);

export interface FeedbackView {
  /** Show this feedback at all. */
  visible: boolean;
  showAuthor: boolean;
  showComment: boolean;
}

/** What the caller sees of one feedback item, decided where the data is read. */
export function feedbackView(access: EvaluationAccess, source: FeedbackSource, callerIsAuthor: boolean): FeedbackView {
  if (source === FeedbackSource.PUBLIC) {
    // PUBLIC stores no identity at all; nothing to show.
    return { visible: access !== 'NONE' && access !== 'PARTICIPANT', showAuthor: false, showComment: access !== 'ANALYST' };
  }
  switch (access) {
    case 'FULL': return { visible: true, showAuthor: true, showComment: true };
    case 'SELF': return { visible: true, showAuthor: callerIsAuthor || !ANONYMOUS_SOURCES.has(source), showComment: true };
    case 'ANALYST': return { visible: true, showAuthor: false, showComment: false };
    case 'PARTICIPANT': return { visible: callerIsAuthor, showAuthor: callerIsAuthor, showComment: callerIsAuthor };
    case 'NONE': return { visible: false, showAuthor: false, showComment: false };
  }
}

/** Why the caller may not give feedback from this source, or null when they may (CONTRACT.md, giveFeedback). */
export function feedbackSourceRefusal(source: FeedbackSource, f: ViewerFacts): string | null {
  switch (source) {
    case FeedbackSource.SELF:
      return f.self ? null : 'SELF feedback is given only by the evaluated employee';
    case FeedbackSource.PEER:
      if (f.self) return 'PEER feedback cannot be about yourself; use SELF';
      return f.sameUnit ? null : 'PEER feedback is given only by an employee of the same unit';
    case FeedbackSource.SUBORDINATE:
      return f.directSubordinate ? null : 'SUBORDINATE feedback is given only by a direct subordinate of the evaluated employee';
    case FeedbackSource.SUPERVISOR:
      return f.supervisor ? null : 'SUPERVISOR feedback is given only by someone in the evaluated employee\'s supervisor chain';
    case FeedbackSource.PUBLIC:
      return 'PUBLIC feedback is submitted without login through submitPublicFeedback';
  }
}

/** The sources a caller gives feedback as, in the order one is chosen when several apply (the caller's own first). */
export const FEEDBACK_SOURCES_IN_ORDER: readonly FeedbackSource[] = [FeedbackSource.SELF, FeedbackSource.SUBORDINATE, FeedbackSource.SUPERVISOR, FeedbackSource.PEER];

/** The source the caller may give feedback as on this employee's evaluation (the rule giveFeedback enforces), or null. */
export function feedbackSourceFor(f: ViewerFacts): FeedbackSource | null {
  return FEEDBACK_SOURCES_IN_ORDER.find((source) => feedbackSourceRefusal(source, f) === null) ?? null;
}

// ---- who may write (CONTRACT.md, "Who may do what"; the evaluation rows of the authorization matrix)

/** Cycles, organisation predicates and corrections are BKPSDM's (ADMIN). */
export function keepsCycles(f: RoleFacts): string | null {
  return f.admin ? null : 'This needs the role ADMIN';
}

/** An ADMIN correction of a data error (DOMAIN.md, review). */
export function correctsEvaluations(f: RoleFacts): string | null {
  return f.admin ? null : 'Only ADMIN corrects a completed evaluation';
}

export interface EvaluatorFacts {
  admin: boolean;
  /** The caller is (or, for a new evaluation, would be) the evaluator. */
  evaluator: boolean;
}

/** Who names the evaluator: the direct supervisor; without one, the head of the employee's unit (or of the unit above when the employee heads their own). */
export function evaluatorOf(e: { id: string; supervisorId: string | null; unitHeadId: string | null; parentUnitHeadId: string | null }): string | null {
  if (e.supervisorId) return e.supervisorId;
  if (e.unitHeadId && e.unitHeadId !== e.id) return e.unitHeadId;
  if (e.parentUnitHeadId && e.parentUnitHeadId !== e.id) return e.parentUnitHeadId;
  return null;
}

export function startsEvaluation(f: EvaluatorFacts): string | null {
  return f.admin || f.evaluator ? null : 'Only the employee\'s direct supervisor (their evaluator) or ADMIN may start an evaluation';
}

/** Rating, rating an RHK and completing: the evaluator (the direct supervisor when it started) or ADMIN. */
export function ratesEvaluation(f: EvaluatorFacts): string | null {
  return f.admin || f.evaluator ? null : 'Only the evaluator (the direct supervisor when the evaluation started) or ADMIN may rate or complete this evaluation';
}

/** Feedback from a source: feedbackSourceRefusal over the caller's standing. */
export function givesFeedback(f: ViewerFacts & { source: FeedbackSource }): string | null {
  return feedbackSourceRefusal(f.source, f);
}

/** Public feedback needs no login (CONTRACT.md, submitPublicFeedback); its rate limit is not a right. */
export function submitsPublicFeedback(): string | null {
  return null;
}

/** PP 30/2019 art. 59: only the evaluated employee objects. */
export function filesObjection(f: Pick<ViewerFacts, 'self'>): string | null {
  return f.self ? null : 'Only the evaluated employee may object to their evaluation';
}

export interface ObjectionFacts {
  parties: ObjectionParties;
  caller: Caller;
}

/** The employee, the evaluator and the reviewer add statements (the reviewer hears both sides). */
export function speaksOnObjection(f: ObjectionFacts): string | null {
  return objectionRole(f.parties, f.caller) ? null : 'Only the employee, the evaluator and the reviewer add statements to an objection';
}

/** Only the reviewer decides (ADMIN for BKPSDM). */
export function decidesObjection(f: ObjectionFacts): string | null {
  if (objectionRole(f.parties, f.caller) === 'REVIEWER') return null;
  return f.parties.reviewerKind === 'BKPSDM'
    ? 'Only BKPSDM (ADMIN, or the BKPSDM head named as reviewer) decides this objection'
    : 'Only the reviewer (the evaluator\'s own supervisor when the objection was filed) decides this objection';
}
