import { PeriodType, Predicate, SanctionLevel } from '../../src/domain/enums';
import {
  DEFAULT_REWARD_RULES, parseRewardRules, RewardPolicy, rewardRulesSchema, type DecisionInput,
} from '../../src/domain/reward-policy';

const policy = new RewardPolicy(1, '2020-01-01', DEFAULT_REWARD_RULES);
const { SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG } = Predicate;

function annual(predicate: Predicate, history: Array<[number, Predicate]> = [[2025, BAIK]], positionKind: string | null = 'PELAKSANA'): DecisionInput {
  return {
    predicate, year: 2026, periodType: PeriodType.ANNUAL, period: null, positionKind,
    annualHistory: history.map(([year, p]) => ({ year, predicate: p })),
  };
}

describe('RewardPolicy.decide: the default table per predicate (DOMAIN.md)', () => {
  it.each([
    [SANGAT_BAIK, 100, true, null, 150],
    [BAIK, 100, false, null, 100],
    [BUTUH_PERBAIKAN, 75, false, null, 75],
    [KURANG, 50, false, SanctionLevel.LIGHT, 50],
    [SANGAT_KURANG, 25, false, SanctionLevel.MODERATE, 25],
  ])('%s: allowance %d%%, certificate %s, sanction %s, credit points %d%% for FUNGSIONAL', (predicate, allowance, certificate, sanction, credit) => {
    const out = policy.decide(annual(predicate, [[2025, BAIK]], 'FUNGSIONAL'));
    expect(out.allowancePercent).toBe(allowance);
    expect(out.certificateEligible).toBe(certificate);
    expect(out.sanctionRecommended).toBe(sanction);
    expect(out.creditPointPercent).toBe(credit);
    expect(out.reasons[0]).toBe(`Allowance (TPP): predicate ${predicate} earns ${allowance}% of the performance allowance for 2026 (policy version 1).`);
    expect(out.reasons.some((r) => r.startsWith('Certificate:'))).toBe(certificate);
    expect(out.reasons.filter((r) => r.startsWith('Sanction:'))).toHaveLength(sanction ? 1 : 0);
    expect(out.reasons).toContain(`Credit points: a FUNGSIONAL position earns ${credit}% of its yearly credit-point coefficient for predicate ${predicate} (Peraturan BKN 3/2023).`);
  });

  it('recommends coaching, not a sanction, for BUTUH_PERBAIKAN', () => {
    const out = policy.decide(annual(BUTUH_PERBAIKAN));
    expect(out.sanctionRecommended).toBeNull();
    expect(out.reasons).toContain('Coaching: predicate BUTUH_PERBAIKAN calls for coaching by the supervisor rather than a sanction.');
  });

  it('gives one reason per rule that fired, and no credit points outside functional positions', () => {
    const out = policy.decide(annual(SANGAT_BAIK, [[2025, SANGAT_BAIK]], 'PELAKSANA'));
    expect(out.creditPointPercent).toBeNull();
    expect(out.reasons).toEqual([
      'Allowance (TPP): predicate SANGAT_BAIK earns 100% of the performance allowance for 2026 (policy version 1).',
      'Certificate: predicate SANGAT_BAIK earns a certificate of recognition (piagam penghargaan).',
      'Promotion: eligible for a promotion recommendation (kenaikan pangkat); annual predicates 2025 SANGAT_BAIK, 2026 SANGAT_BAIK are each BAIK or better.',
    ]);
  });

  it('says so when the position kind is unknown to personnel', () => {
    const out = policy.decide(annual(BAIK, [[2025, BAIK]], null));
    expect(out.creditPointPercent).toBeNull();
    expect(out.reasons).toContain('Credit points: not computed, the employee\'s position kind is unknown to personnel.');
  });
});

describe('RewardPolicy.decide: MONTHLY and QUARTERLY set only the period\'s allowance', () => {
  it.each([
    [PeriodType.MONTHLY, 3, '2026-03'],
    [PeriodType.QUARTERLY, 2, '2026-Q2'],
  ])('%s %d', (periodType, period, label) => {
    const out = policy.decide({ predicate: SANGAT_KURANG, year: 2026, periodType, period, positionKind: 'FUNGSIONAL', annualHistory: [{ year: 2025, predicate: SANGAT_KURANG }] });
    expect(out).toEqual({
      allowancePercent: 25, certificateEligible: false, promotionEligible: false, sanctionRecommended: null, creditPointPercent: null,
      reasons: [
        `Allowance (TPP): predicate SANGAT_KURANG earns 25% of the performance allowance for ${label} (policy version 1).`,
        `${periodType} evaluation: only the period's allowance is decided; certificates, promotion, credit points and sanctions follow the annual evaluation.`,
      ],
    });
    expect(policy.decide({ predicate: SANGAT_BAIK, year: 2026, periodType, period, positionKind: null, annualHistory: [] }).certificateEligible).toBe(false);
  });
});

describe('RewardPolicy.decide: promotion from the last two annual predicates', () => {
  it.each([
    ['BAIK then SANGAT_BAIK', [[2025, BAIK]], SANGAT_BAIK, true, 'eligible for a promotion recommendation (kenaikan pangkat); annual predicates 2025 BAIK, 2026 SANGAT_BAIK are each BAIK or better'],
    ['SANGAT_BAIK then BAIK', [[2025, SANGAT_BAIK]], BAIK, true, 'annual predicates 2025 SANGAT_BAIK, 2026 BAIK'],
    ['BUTUH_PERBAIKAN last year', [[2025, BUTUH_PERBAIKAN]], SANGAT_BAIK, false, 'not eligible; it needs at least BAIK in each of the last 2 annual evaluations (2025, 2026): 2025 was BUTUH_PERBAIKAN'],
    ['BUTUH_PERBAIKAN this year', [[2025, SANGAT_BAIK]], BUTUH_PERBAIKAN, false, ': 2026 was BUTUH_PERBAIKAN'],
    ['both years low', [[2025, KURANG]], KURANG, false, ': 2025 was KURANG; 2026 was KURANG'],
    ['the previous year missing', [], SANGAT_BAIK, false, ': no annual predicate is recorded for 2025'],
    ['only an older year present', [[2024, BAIK]], BAIK, false, ': no annual predicate is recorded for 2025'],
  ] as Array<[string, Array<[number, Predicate]>, Predicate, boolean, string]>)('%s', (_name, history, predicate, eligible, reason) => {
    const out = policy.decide(annual(predicate, history));
    expect(out.promotionEligible).toBe(eligible);
    const promotion = out.reasons.filter((r) => r.startsWith('Promotion:'));
    expect(promotion).toHaveLength(1);
    expect(promotion[0]).toContain(reason);
  });

  it('follows the policy\'s number of annual evaluations', () => {
    const three = new RewardPolicy(2, '2027-01-01', { ...DEFAULT_REWARD_RULES, promotion: { minimumPredicate: BAIK, annualEvaluations: 3 } });
    expect(three.decide(annual(BAIK, [[2025, BAIK]])).promotionEligible).toBe(false);
    expect(three.decide(annual(BAIK, [[2025, BAIK], [2024, SANGAT_BAIK]])).promotionEligible).toBe(true);
  });
});

describe('RewardPolicy.decide: two consecutive annual predicates of KURANG or worse recommend SEVERE', () => {
  it.each([
    [[[2025, KURANG]], KURANG, SanctionLevel.SEVERE],
    [[[2025, SANGAT_KURANG]], KURANG, SanctionLevel.SEVERE],
    [[[2025, KURANG]], SANGAT_KURANG, SanctionLevel.SEVERE],
    [[[2025, BUTUH_PERBAIKAN]], SANGAT_KURANG, SanctionLevel.MODERATE],
    [[], KURANG, SanctionLevel.LIGHT],
    [[[2024, KURANG]], KURANG, SanctionLevel.LIGHT],
    [[[2025, KURANG]], BUTUH_PERBAIKAN, null],
  ] as Array<[Array<[number, Predicate]>, Predicate, SanctionLevel | null]>)('history %j then %s → %s', (history, predicate, level) => {
    const out = policy.decide(annual(predicate, history));
    expect(out.sanctionRecommended).toBe(level);
    expect(out.reasons.some((r) => r.includes('consecutive annual predicates'))).toBe(level === SanctionLevel.SEVERE);
  });

  it('names both years in the reason', () => {
    const out = policy.decide(annual(SANGAT_KURANG, [[2025, KURANG]]));
    expect(out.reasons).toContain('Sanction: 2 consecutive annual predicates of KURANG or worse (2025 KURANG, 2026 SANGAT_KURANG) recommend a SEVERE sanction (hukuman disiplin berat): review for transfer or demotion after the 6-month improvement period of PP 30/2019.');
  });
});

describe('parseRewardRules: the policy document is validated', () => {
  const valid = JSON.stringify(DEFAULT_REWARD_RULES);

  it('accepts the default table', () => {
    expect(rewardRulesSchema.safeParse(DEFAULT_REWARD_RULES).success).toBe(true);
    expect(parseRewardRules(valid)).toEqual({ ok: true, rules: DEFAULT_REWARD_RULES });
  });

  const mutate = (fn: (r: any) => void) => {
    const r = JSON.parse(valid);
    fn(r);
    return JSON.stringify(r);
  };

  it.each([
    ['text that is not JSON', '{ predicates: ', /^is not valid JSON/],
    ['a missing predicate', mutate((r) => { delete r.predicates.KURANG; }), /^predicates\.KURANG: is required$/],
    ['an allowance above 100', mutate((r) => { r.predicates.BAIK.allowancePercent = 120; }), /^predicates\.BAIK\.allowancePercent: must be at most 100$/],
    ['an allowance as text', mutate((r) => { r.predicates.BAIK.allowancePercent = '100'; }), /^predicates\.BAIK\.allowancePercent: must be a number$/],
    ['an unknown sanction level', mutate((r) => { r.predicates.KURANG.sanction = 'HARSH'; }), /^predicates\.KURANG\.sanction: must be LIGHT, MODERATE, SEVERE or null$/],
    ['a worse predicate earning more', mutate((r) => { r.predicates.KURANG.allowancePercent = 80; }), /^predicates\.KURANG\.allowancePercent: must not exceed BUTUH_PERBAIKAN's 75/],
    ['an unknown key', mutate((r) => { r.bonus = 1; }), /^\(document\): Unrecognized key/],
    ['a promotion window of 0 years', mutate((r) => { r.promotion.annualEvaluations = 0; }), /^promotion\.annualEvaluations: must be at least 1$/],
    ['an unknown minimum predicate', mutate((r) => { r.promotion.minimumPredicate = 'GOOD'; }), /^promotion\.minimumPredicate: must be one of SANGAT_BAIK, BAIK/],
    ['an unknown position kind', mutate((r) => { r.creditPoints.positionKinds = ['GURU']; }), /^creditPoints\.positionKinds\.0: must be one of JPT/],
  ])('refuses %s, naming the problem', (_what, text, problem) => {
    const result = parseRewardRules(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});
