import { addMonths } from './dates';
import { ImprovementStatus } from './enums';

/**
 * The improvement track (PP 30/2019 art. 56-58; DOMAIN.md, "Improvement track"): an annual KURANG
 * or SANGAT_KURANG opens a 6-month plan owned by the direct supervisor. At the review: IMPROVED
 * (closed) or a competency RETEST, decided by the owner; then TRANSFER to another or a lower post,
 * then a TEMPORARY_POST for at most a year, then DISCHARGE_RECOMMENDED (honourable discharge),
 * decided by BKPSDM (ADMIN). Each step only after the previous one, none before the review date.
 * Administrative measures, not discipline.
 */

export const REVIEW_AFTER_MONTHS = 6;

export function reviewDueOn(opensOn: string): string {
  return addMonths(opensOn, REVIEW_AFTER_MONTHS);
}

/** Who decides each outcome. */
export const DECIDED_BY: Readonly<Record<ImprovementStatus, 'OWNER' | 'ADMIN' | 'SYSTEM'>> = {
  [ImprovementStatus.OPEN]: 'SYSTEM',
  [ImprovementStatus.IMPROVED]: 'OWNER',
  [ImprovementStatus.RETEST]: 'OWNER',
  [ImprovementStatus.TRANSFER]: 'ADMIN',
  [ImprovementStatus.TEMPORARY_POST]: 'ADMIN',
  [ImprovementStatus.DISCHARGE_RECOMMENDED]: 'ADMIN',
  [ImprovementStatus.WITHDRAWN]: 'SYSTEM',
};

/** The outcomes each status may move to, in DOMAIN.md's order. */
const NEXT: Readonly<Record<ImprovementStatus, readonly ImprovementStatus[]>> = {
  [ImprovementStatus.OPEN]: [ImprovementStatus.IMPROVED, ImprovementStatus.RETEST],
  [ImprovementStatus.RETEST]: [ImprovementStatus.IMPROVED, ImprovementStatus.TRANSFER],
  [ImprovementStatus.TRANSFER]: [ImprovementStatus.IMPROVED, ImprovementStatus.TEMPORARY_POST],
  [ImprovementStatus.TEMPORARY_POST]: [ImprovementStatus.IMPROVED, ImprovementStatus.DISCHARGE_RECOMMENDED],
  [ImprovementStatus.IMPROVED]: [],
  [ImprovementStatus.DISCHARGE_RECOMMENDED]: [],
  [ImprovementStatus.WITHDRAWN]: [],
};

/** A plan still running (its follow-up is open): withdrawn when its predicate is superseded. */
export function isOpenPlan(status: ImprovementStatus): boolean {
  return NEXT[status].length > 0;
}

export interface ReviewRequest {
  current: ImprovementStatus;
  outcome: ImprovementStatus;
  /** The WIB date of the review. */
  today: string;
  reviewDueOn: string;
  /** The caller owns the plan (the employee's direct supervisor). */
  owner: boolean;
  admin: boolean;
}

export type ReviewCheck = { ok: true } | { ok: false; kind: 'FORBIDDEN' | 'BAD_INPUT'; field: string; rule: string };

/** Whether a review step may be taken: who, in which order, and not before the review date. Pure. */
export function reviewCheck(r: ReviewRequest): ReviewCheck {
  const by = DECIDED_BY[r.outcome];
  if (by === 'SYSTEM') return { ok: false, kind: 'BAD_INPUT', field: 'outcome', rule: `${r.outcome} is not a review outcome; choose ${NEXT[ImprovementStatus.OPEN].join(' or ')} first` };
  if (by === 'OWNER' && !r.owner) return { ok: false, kind: 'FORBIDDEN', field: 'outcome', rule: `only the plan's owner (the direct supervisor) decides ${r.outcome}` };
  if (by === 'ADMIN' && !r.admin) return { ok: false, kind: 'FORBIDDEN', field: 'outcome', rule: `only ADMIN (BKPSDM) decides ${r.outcome}` };
  const allowed = NEXT[r.current];
  if (allowed.length === 0) return { ok: false, kind: 'BAD_INPUT', field: 'outcome', rule: `the plan is closed as ${r.current}` };
  if (!allowed.includes(r.outcome)) return { ok: false, kind: 'BAD_INPUT', field: 'outcome', rule: `after ${r.current} the next step is ${allowed.join(' or ')}, not ${r.outcome}` };
  if (r.today < r.reviewDueOn) return { ok: false, kind: 'BAD_INPUT', field: 'outcome', rule: `the review is due on ${r.reviewDueOn} (6 months after the plan opened, PP 30/2019 art. 56); it cannot be decided before then` };
  return { ok: true };
}
