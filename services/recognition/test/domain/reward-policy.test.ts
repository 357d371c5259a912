import { FollowUp, PeriodType, Predicate, PREDICATES_BEST_FIRST } from '../../src/domain/enums';
import {
  creditCoefficientOf, DEFAULT_REWARD_RULES, parseRewardRules, periodStart, RewardPolicy, rewardRulesSchema, type DecisionInput,
} from '../../src/domain/reward-policy';

const policy = new RewardPolicy(1, '2020-01-01', DEFAULT_REWARD_RULES);
const { SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG } = Predicate;

function annual(predicate: Predicate, history: Array<[number, Predicate]> = [[2025, BAIK]], positionKind: string | null = 'PELAKSANA', employmentType: 'PNS' | 'PPPK' | null = 'PNS'): DecisionInput {
  return {
    predicate, year: 2026, periodType: PeriodType.ANNUAL, period: null, positionKind, employmentType,
    annualHistory: history.map(([year, p]) => ({ year, predicate: p })),
  };
}

describe('RewardPolicy.decide: the default table per predicate (DOMAIN.md)', () => {
  it.each([
    [SANGAT_BAIK, 100, true, FollowUp.NONE, 150, 18.75],
    [BAIK, 100, false, FollowUp.NONE, 100, 12.5],
    [BUTUH_PERBAIKAN, 75, false, FollowUp.COACHING, 75, 9.38],
    [KURANG, 50, false, FollowUp.IMPROVEMENT_TRACK, 50, 6.25],
    [SANGAT_KURANG, 25, false, FollowUp.IMPROVEMENT_TRACK, 25, 3.13],
  ])('%s: allowance %d%%, certificate %s, follow-up %s, credit points %d%% for FUNGSIONAL (%d of Ahli Pertama\'s 12.5)', (predicate, allowance, certificate, followUp, credit, points) => {
    const out = policy.decide({ ...annual(predicate, [[2025, BAIK]], 'FUNGSIONAL'), creditCoefficient: 12.5 });
    expect(out.allowancePercent).toBe(allowance);
    expect(out.certificateEligible).toBe(certificate);
    expect(out.followUp).toBe(followUp);
    expect(out.creditPointPercent).toBe(credit);
    expect(out.creditPoints).toBe(points);
    expect(out.reasons[0]).toBe(`Allowance (TPP): predicate ${predicate} earns ${allowance}% of the performance allowance for 2026 (policy version 1).`);
    expect(out.reasons.some((r) => r.startsWith('Certificate:'))).toBe(certificate);
    expect(out.reasons.filter((r) => r.startsWith('Follow-up:'))).toHaveLength(followUp === FollowUp.NONE ? 0 : 1);
    expect(out.reasons).toContain(`Credit points: a FUNGSIONAL position earns ${credit}% of its yearly credit-point coefficient 12.5 for predicate ${predicate}: ${points} (Peraturan BKN 3/2023).`);
  });

  it('calls for coaching for BUTUH_PERBAIKAN and the improvement track for KURANG', () => {
    expect(policy.decide(annual(BUTUH_PERBAIKAN)).reasons).toContain('Follow-up: predicate BUTUH_PERBAIKAN calls for coaching by the direct supervisor and a competency development plan.');
    expect(policy.decide(annual(KURANG)).reasons).toContain('Follow-up: predicate KURANG opens a 6-month improvement plan owned by the direct supervisor (PP 30/2019 art. 56-58), an administrative measure.');
  });

  it('leaves credit points uncomputed where the coefficient is unknown', () => {
    const out = policy.decide(annual(BAIK, [[2025, BAIK]], 'FUNGSIONAL'));
    expect(out.creditPointPercent).toBe(100);
    expect(out.creditPoints).toBeNull();
  });

  it.each([
    ['Guru Ahli Pertama', 12.5], ['Guru Ahli Muda', 25], ['Guru Ahli Madya', 37.5], ['Analis Kebijakan Ahli Utama', 50],
    ['Perawat Terampil', 5], ['Perawat Mahir', 12.5], ['Pranata Komputer Penyelia', 25], ['Pengelola Pemula', 3.75],
    ['Kepala Dinas', null], ['', null], [null, null],
  ] as Array<[string | null, number | null]>)('the coefficient of "%s" is %s (PermenPANRB 1/2023)', (title, coefficient) => {
    expect(creditCoefficientOf(title)).toBe(coefficient);
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
      allowancePercent: 25, certificateEligible: false, promotionEligible: false, followUp: FollowUp.NONE, creditPointPercent: null, creditPoints: null,
      reasons: [
        `Allowance (TPP): predicate SANGAT_KURANG earns 25% of the performance allowance for ${label} (policy version 1).`,
        `${periodType} evaluation: only the period's allowance is decided; certificates, promotion, credit points and follow-ups follow the annual evaluation.`,
      ],
      reasonCodes: [
        { code: 'ALLOWANCE', predicate: SANGAT_KURANG, percent: 25, year: 2026, periodType, period, policyVersion: 1 },
        { code: 'PERIOD_ALLOWANCE_ONLY', periodType },
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

describe('RewardPolicy.decide: promotion is for PNS only (PP 99/2000; DOMAIN.md)', () => {
  it.each([
    ['PPPK', 'PPPK', false, 'Promotion: not applicable; a PPPK has no pangkat, and promotion (kenaikan pangkat, PP 99/2000) is for PNS only.'],
    ['unknown', null, false, 'Promotion: not decided; the employee\'s employment type is unknown to personnel, and promotion is for PNS only.'],
    ['PNS', 'PNS', true, 'Promotion: eligible for a promotion recommendation (kenaikan pangkat); annual predicates 2025 SANGAT_BAIK, 2026 SANGAT_BAIK are each BAIK or better.'],
  ] as Array<[string, 'PNS' | 'PPPK' | null, boolean, string]>)('%s with SANGAT_BAIK twice', (_name, type, eligible, reason) => {
    const out = policy.decide(annual(SANGAT_BAIK, [[2025, SANGAT_BAIK]], 'PELAKSANA', type));
    expect(out.promotionEligible).toBe(eligible);
    expect(out.reasons).toContain(reason);
  });
});

describe('no reason a predicate policy gives calls a predicate a discipline (PP 94/2021)', () => {
  const histories: Array<Array<[number, Predicate]>> = [[], ...PREDICATES_BEST_FIRST.map((p) => [[2025, p]] as Array<[number, Predicate]>),
    ...PREDICATES_BEST_FIRST.map((p) => [[2024, p], [2025, p]] as Array<[number, Predicate]>)];
  const reasons = new Set<string>();
  for (const predicate of PREDICATES_BEST_FIRST) {
    for (const history of histories) {
      for (const type of ['PNS', 'PPPK', null] as const) {
        for (const kind of ['FUNGSIONAL', 'PELAKSANA', null]) {
          for (const coefficient of [12.5, null]) {
            for (const periodType of [PeriodType.ANNUAL, PeriodType.MONTHLY, PeriodType.QUARTERLY]) {
              const out = policy.decide({ ...annual(predicate, history, kind, type), creditCoefficient: coefficient, periodType, period: periodType === PeriodType.ANNUAL ? null : 2 });
              for (const r of out.reasons) reasons.add(r);
            }
          }
        }
      }
    }
  }

  it('has reasons to check', () => {
    expect(reasons.size).toBeGreaterThan(30);
  });

  it.each(['hukuman disiplin', 'sanction', 'discipline', 'disciplinary'])('none contains "%s"', (word) => {
    expect([...reasons].filter((r) => r.toLowerCase().includes(word))).toEqual([]);
  });
});

describe('periodStart: the policy in force is chosen by the performance period', () => {
  it.each([
    [2026, PeriodType.ANNUAL, null, '2026-01-01'],
    [2026, PeriodType.MONTHLY, 3, '2026-03-01'],
    [2026, PeriodType.MONTHLY, 12, '2026-12-01'],
    [2026, PeriodType.QUARTERLY, 1, '2026-01-01'],
    [2026, PeriodType.QUARTERLY, 4, '2026-10-01'],
  ] as Array<[number, PeriodType, number | null, string]>)('%d %s %s starts %s', (year, type, period, day) => {
    expect(periodStart(year, type, period)).toBe(day);
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
    ['an unknown follow-up', mutate((r) => { r.predicates.KURANG.followUp = 'HARSH'; }), /^predicates\.KURANG\.followUp: must be one of NONE, COACHING, IMPROVEMENT_TRACK$/],
    ['a sanction for a predicate', mutate((r) => { r.predicates.KURANG.sanction = 'LIGHT'; }), /^predicates\.KURANG\.sanction: not allowed: a predicate is not a disciplinary offence \(PP 94\/2021\)/],
    ['the old consecutiveLowAnnual rule', mutate((r) => { r.consecutiveLowAnnual = {}; }), /^consecutiveLowAnnual: not allowed/],
    ['a worse predicate earning more', mutate((r) => { r.predicates.KURANG.allowancePercent = 80; }), /^predicates\.KURANG\.allowancePercent: must not exceed BUTUH_PERBAIKAN's 75/],
    ['more credit points for a worse predicate', mutate((r) => { r.predicates.BAIK.creditPointPercent = 160; }), /^predicates\.BAIK\.creditPointPercent: must not exceed SANGAT_BAIK's 150/],
    ['a certificate below BAIK', mutate((r) => { r.predicates.SANGAT_KURANG.certificate = true; }), /^predicates\.SANGAT_KURANG\.certificate: must be false: no certificate below BAIK/],
    ['a certificate for BAIK but not SANGAT_BAIK', mutate((r) => { r.predicates.SANGAT_BAIK.certificate = false; r.predicates.BAIK.certificate = true; }), /^predicates\.BAIK\.certificate: must be false while SANGAT_BAIK earns none/],
    ['a promotion minimum of SANGAT_KURANG', mutate((r) => { r.promotion.minimumPredicate = 'SANGAT_KURANG'; }), /^promotion\.minimumPredicate: must be BAIK or SANGAT_BAIK: the promotion minimum is at least BAIK$/],
    ['a promotion minimum of BUTUH_PERBAIKAN', mutate((r) => { r.promotion.minimumPredicate = 'BUTUH_PERBAIKAN'; }), /^promotion\.minimumPredicate: must be BAIK or SANGAT_BAIK/],
    ['a milder follow-up for a worse predicate', mutate((r) => { r.predicates.SANGAT_KURANG.followUp = 'COACHING'; }), /^predicates\.SANGAT_KURANG\.followUp: must be at least KURANG's IMPROVEMENT_TRACK: a worse predicate cannot call for a milder follow-up$/],
    ['no follow-up for BUTUH_PERBAIKAN after coaching for BAIK', mutate((r) => { r.predicates.BAIK.followUp = 'COACHING'; r.predicates.BUTUH_PERBAIKAN.followUp = 'NONE'; }), /^predicates\.BUTUH_PERBAIKAN\.followUp: must be at least BAIK's COACHING/],
    ['an unknown key', mutate((r) => { r.bonus = 1; }), /^\(document\): Unrecognized key/],
    ['a promotion window of 0 years', mutate((r) => { r.promotion.annualEvaluations = 0; }), /^promotion\.annualEvaluations: must be at least 1$/],
    ['an unknown minimum predicate', mutate((r) => { r.promotion.minimumPredicate = 'GOOD'; }), /^promotion\.minimumPredicate: must be one of SANGAT_BAIK, BAIK/],
    ['an unknown position kind', mutate((r) => { r.creditPoints.positionKinds = ['GURU']; }), /^creditPoints\.positionKinds\.0: must be one of JPT/],
  ])('refuses %s, naming the problem', (_what, text, problem) => {
    const result = parseRewardRules(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });

  it('accepts a stricter policy: promotion from SANGAT_BAIK, coaching from BAIK', () => {
    expect(parseRewardRules(mutate((r) => { r.promotion.minimumPredicate = 'SANGAT_BAIK'; r.predicates.BAIK.followUp = 'COACHING'; })).ok).toBe(true);
  });
});
