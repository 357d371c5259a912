import { PeriodType, Predicate } from '../../src/domain/enums';
import { DEFAULT_REWARD_RULES, RewardPolicy, type DecisionInput } from '../../src/domain/reward-policy';
import { reasonFromText, reasonText, RewardReasonCode } from '../../src/domain/reward-reasons';

const policy = new RewardPolicy(3, '2020-01-01', DEFAULT_REWARD_RULES);
const { SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG } = Predicate;

function input(over: Partial<DecisionInput>): DecisionInput {
  return { predicate: BAIK, year: 2026, periodType: PeriodType.ANNUAL, period: null, positionKind: 'PELAKSANA', employmentType: 'PNS', annualHistory: [{ year: 2025, predicate: BAIK }], ...over };
}

const CASES: Array<[string, DecisionInput]> = [
  ['an eligible PNS', input({})],
  ['a certificate and credit points', input({ predicate: SANGAT_BAIK, positionKind: 'FUNGSIONAL', creditCoefficient: 12.5 })],
  ['credit points without a coefficient', input({ positionKind: 'FUNGSIONAL' })],
  ['coaching, and a year that falls short', input({ predicate: BUTUH_PERBAIKAN })],
  ['the improvement track, and a year not recorded', input({ predicate: KURANG, annualHistory: [] })],
  ['a PPPK', input({ employmentType: 'PPPK' })],
  ['an unknown employment type and position', input({ employmentType: null, positionKind: null })],
  ['a monthly evaluation', input({ periodType: PeriodType.MONTHLY, period: 3 })],
  ['a quarterly evaluation', input({ periodType: PeriodType.QUARTERLY, period: 2 })],
];

describe('reward reasons: a code with its values per rule that fired (WEB.md: each reward\'s reasons)', () => {
  it.each(CASES)('%s: one code per sentence, and each sentence reads back as its code', (_name, given) => {
    const out = policy.decide(given);
    expect(out.reasonCodes).toHaveLength(out.reasons.length);
    expect(out.reasonCodes.map(reasonText)).toEqual(out.reasons);
    expect(out.reasons.map(reasonFromText)).toEqual(out.reasonCodes);
  });

  it('names the values a screen needs: the predicate, percent, period and policy version; the years that fall short', () => {
    const out = policy.decide(input({ predicate: KURANG, annualHistory: [] }));
    expect(out.reasonCodes).toEqual([
      { code: RewardReasonCode.ALLOWANCE, predicate: KURANG, percent: 50, year: 2026, periodType: PeriodType.ANNUAL, period: null, policyVersion: 3 },
      { code: RewardReasonCode.FOLLOW_UP_IMPROVEMENT_TRACK, predicate: KURANG },
      { code: RewardReasonCode.PROMOTION_NOT_ELIGIBLE, minimumPredicate: BAIK, annualEvaluations: 2, year: 2026, years: [{ year: 2025, predicate: null }, { year: 2026, predicate: KURANG }] },
    ]);
    expect(out.reasons[2]).toBe('Promotion: not eligible; it needs at least BAIK in each of the last 2 annual evaluations (2025, 2026): no annual predicate is recorded for 2025; 2026 was KURANG.');
  });

  it('reads a revision sentence back with the years that changed', () => {
    const text = 'Revision 2: decided again because the 2024 annual predicate is now BAIK (was not recorded); the 2025 annual predicate is now KURANG (was BAIK).';
    const reason = reasonFromText(text);
    expect(reason).toEqual({ code: RewardReasonCode.REVISION, revision: 2, years: [{ year: 2024, predicate: BAIK, was: null }, { year: 2025, predicate: KURANG, was: BAIK }] });
    expect(reasonText(reason)).toBe(text);
  });

  it('keeps a sentence no code describes as OTHER with its text', () => {
    expect(reasonFromText('Something else entirely.')).toEqual({ code: RewardReasonCode.OTHER, text: 'Something else entirely.' });
    expect(reasonText({ code: RewardReasonCode.OTHER, text: 'Something else entirely.' })).toBe('Something else entirely.');
  });
});
