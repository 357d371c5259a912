import { awardRefusal } from '../../src/domain/awards';
import { AwardKind } from '../../src/domain/enums';

const decision = (o: Partial<{ certificateEligible: boolean; promotionEligible: boolean; allowancePercent: number }>) => ({
  predicate: 'BAIK', allowancePercent: 100, certificateEligible: false, promotionEligible: false, ...o,
});

describe('awardRefusal: an award only where the decision allows its kind', () => {
  it.each([
    [AwardKind.CERTIFICATE, { certificateEligible: true }, null],
    [AwardKind.CERTIFICATE, { certificateEligible: false }, /not make the employee eligible for a certificate/],
    [AwardKind.PROMOTION_RECOMMENDATION, { promotionEligible: true }, null],
    [AwardKind.PROMOTION_RECOMMENDATION, { promotionEligible: false }, /eligible for a promotion recommendation/],
    [AwardKind.PERFORMANCE_ALLOWANCE, { allowancePercent: 25 }, null],
    [AwardKind.PERFORMANCE_ALLOWANCE, { allowancePercent: 0 }, /grants 0%/],
  ])('%s with %j', (kind, o, refusal) => {
    const why = awardRefusal(decision(o), kind);
    if (refusal === null) expect(why).toBeNull();
    else expect(why).toMatch(refusal);
  });
});
