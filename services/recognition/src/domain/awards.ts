import { AwardKind, DecisionStatus, type EmploymentType } from './enums';

export interface AwardableDecision {
  predicate: string;
  allowancePercent: number;
  certificateEligible: boolean;
  promotionEligible: boolean;
  status?: DecisionStatus;
  employmentType?: EmploymentType | null;
}

/**
 * Which awards a reward decision allows (DOMAIN.md, "Recognition"): a certificate where it made the employee
 * eligible, a promotion recommendation where eligible (PNS only: a PPPK has no pangkat), the
 * performance allowance whenever it grants a share (the award carries that percent); none on a
 * decision that no longer stands (SUPERSEDED or REVISED). Returns why not, or null when allowed.
 */
export function awardRefusal(decision: AwardableDecision, kind: AwardKind): string | null {
  if (decision.status === DecisionStatus.SUPERSEDED) return 'the decision is SUPERSEDED: its evaluation was superseded, so it earns no award';
  if (decision.status === DecisionStatus.REVISED) return 'the decision is REVISED: grant on its newest revision instead';
  switch (kind) {
    case AwardKind.CERTIFICATE:
      return decision.certificateEligible ? null : `the decision (predicate ${decision.predicate}) does not make the employee eligible for a certificate`;
    case AwardKind.PROMOTION_RECOMMENDATION:
      if (decision.employmentType === 'PPPK') return 'a PPPK has no pangkat: a promotion recommendation is for PNS only (PP 99/2000)';
      return decision.promotionEligible ? null : `the decision (predicate ${decision.predicate}) does not make the employee eligible for a promotion recommendation`;
    case AwardKind.PERFORMANCE_ALLOWANCE:
      return decision.allowancePercent > 0 ? null : 'the decision grants 0% of the performance allowance';
  }
}
