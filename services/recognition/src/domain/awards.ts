import { AwardKind } from './enums';

export interface AwardableDecision {
  predicate: string;
  allowancePercent: number;
  certificateEligible: boolean;
  promotionEligible: boolean;
}

/**
 * Which awards a reward decision allows (issue 6): a certificate where it made the employee
 * eligible, a promotion recommendation where eligible, the performance allowance whenever it grants
 * a share (the award carries that percent). Returns why not, or null when the award is allowed.
 */
export function awardRefusal(decision: AwardableDecision, kind: AwardKind): string | null {
  switch (kind) {
    case AwardKind.CERTIFICATE:
      return decision.certificateEligible ? null : `the decision (predicate ${decision.predicate}) does not make the employee eligible for a certificate`;
    case AwardKind.PROMOTION_RECOMMENDATION:
      return decision.promotionEligible ? null : `the decision (predicate ${decision.predicate}) does not make the employee eligible for a promotion recommendation`;
    case AwardKind.PERFORMANCE_ALLOWANCE:
      return decision.allowancePercent > 0 ? null : 'the decision grants 0% of the performance allowance';
  }
}
