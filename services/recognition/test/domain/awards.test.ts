import { awardRefusal } from '../../src/domain/awards';
import { AwardKind, DecisionStatus, type EmploymentType } from '../../src/domain/enums';

const decision = (o: Partial<{ certificateEligible: boolean; promotionEligible: boolean; allowancePercent: number; status: DecisionStatus; employmentType: EmploymentType | null }>) => ({
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
    [AwardKind.PROMOTION_RECOMMENDATION, { promotionEligible: true, employmentType: 'PPPK' }, /^a PPPK has no pangkat: a promotion recommendation is for PNS only \(PP 99\/2000\)$/],
    [AwardKind.PROMOTION_RECOMMENDATION, { promotionEligible: true, employmentType: 'PNS' }, null],
    [AwardKind.CERTIFICATE, { certificateEligible: true, employmentType: 'PPPK' }, null],
    [AwardKind.CERTIFICATE, { certificateEligible: true, status: DecisionStatus.SUPERSEDED }, /^the decision is SUPERSEDED: its evaluation was superseded, so it earns no award$/],
    [AwardKind.PERFORMANCE_ALLOWANCE, { allowancePercent: 100, status: DecisionStatus.SUPERSEDED }, /SUPERSEDED/],
    [AwardKind.PERFORMANCE_ALLOWANCE, { allowancePercent: 100, status: DecisionStatus.REVISED }, /^the decision is REVISED: grant on its newest revision instead$/],
    [AwardKind.PERFORMANCE_ALLOWANCE, { allowancePercent: 100, status: DecisionStatus.ACTIVE }, null],
  ] as Array<[AwardKind, Parameters<typeof decision>[0], RegExp | null]>)('%s with %j', (kind, o, refusal) => {
    const why = awardRefusal(decision(o), kind);
    if (refusal === null) expect(why).toBeNull();
    else expect(why).toMatch(refusal);
  });
});
