import { z } from 'zod';
import { type EmploymentType, FOLLOW_UPS_MILDEST_FIRST, FollowUp, PeriodType, Predicate, predicateRank, PREDICATES_BEST_FIRST } from './enums';
import { reasonText, RewardReasonCode, type RewardReasonData } from './reward-reasons';

/**
 * The reward policy (DOMAIN.md, "Recognition: rewards, improvement and discipline"): a versioned JSON document an
 * ADMIN may replace, validated here, and `decide()`, the pure function that turns one completed
 * evaluation (plus the employee's earlier annual predicates) into a reward decision with one
 * human-readable reason per rule that fired.
 */

const POSITION_KINDS = ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'FUNGSIONAL', 'PELAKSANA'] as const;

const followUpName = z.enum(FollowUp, `must be one of ${FOLLOW_UPS_MILDEST_FIRST.join(', ')}`);

const predicateRule = z.strictObject({
  allowancePercent: z.number('must be a number').min(0, 'must be at least 0').max(100, 'must be at most 100'),
  certificate: z.boolean('must be true or false'),
  /** DOMAIN.md: what the predicate calls for; an administrative measure, never a discipline case (PP 94/2021). */
  followUp: followUpName,
  creditPointPercent: z.number('must be a number').min(0, 'must be at least 0').max(200, 'must be at most 200'),
});

const predicateName = z.enum(Predicate, `must be one of ${PREDICATES_BEST_FIRST.join(', ')}`);

export const rewardRulesSchema = z.strictObject({
  predicates: z.strictObject({
    SANGAT_BAIK: predicateRule,
    BAIK: predicateRule,
    BUTUH_PERBAIKAN: predicateRule,
    KURANG: predicateRule,
    SANGAT_KURANG: predicateRule,
  }),
  promotion: z.strictObject({
    minimumPredicate: predicateName,
    annualEvaluations: z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(5, 'must be at most 5'),
  }),
  creditPoints: z.strictObject({
    positionKinds: z.array(z.enum(POSITION_KINDS, `must be one of ${POSITION_KINDS.join(', ')}`), 'must be a list of position kinds'),
  }),
}).superRefine((rules, ctx) => {
  for (const problem of policyRuleProblems(rules)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
}, { when: (payload) => payload.issues.length === 0 }); // only a document otherwise valid is checked as a whole

/**
 * DOMAIN.md, "Recognition": the rules a policy document must keep as a whole, each problem naming
 * its rule. Pure, so every rule has a table test.
 */
export function policyRuleProblems(rules: z.infer<typeof rewardRulesSchema>): Array<{ path: string[]; message: string }> {
  const out: Array<{ path: string[]; message: string }> = [];
  // Rule "no certificate below BAIK".
  for (const p of PREDICATES_BEST_FIRST.slice(2)) {
    if (rules.predicates[p].certificate) out.push({ path: ['predicates', p, 'certificate'], message: 'must be false: no certificate below BAIK' });
  }
  // Rule "promotion minimum at least BAIK" (PP 99/2000 art. 13).
  if (predicateRank(rules.promotion.minimumPredicate) > predicateRank(Predicate.BAIK)) {
    out.push({ path: ['promotion', 'minimumPredicate'], message: 'must be BAIK or SANGAT_BAIK: the promotion minimum is at least BAIK' });
  }
  // Rule "never better for a worse predicate": percents, certificates and follow-ups.
  for (let i = 1; i < PREDICATES_BEST_FIRST.length; i++) {
    const better = PREDICATES_BEST_FIRST[i - 1] as Predicate;
    const worse = PREDICATES_BEST_FIRST[i] as Predicate;
    const b = rules.predicates[better];
    const w = rules.predicates[worse];
    for (const field of ['allowancePercent', 'creditPointPercent'] as const) {
      if (w[field] > b[field]) out.push({ path: ['predicates', worse, field], message: `must not exceed ${better}'s ${b[field]}: a worse predicate cannot earn more` });
    }
    if (w.certificate && !b.certificate) out.push({ path: ['predicates', worse, 'certificate'], message: `must be false while ${better} earns none: a worse predicate cannot earn more` });
    if (FOLLOW_UPS_MILDEST_FIRST.indexOf(w.followUp) < FOLLOW_UPS_MILDEST_FIRST.indexOf(b.followUp)) {
      out.push({ path: ['predicates', worse, 'followUp'], message: `must be at least ${better}'s ${b.followUp}: a worse predicate cannot call for a milder follow-up` });
    }
  }
  return out;
}

export type RewardRules = z.infer<typeof rewardRulesSchema>;

/** DOMAIN.md's default table, to be confirmed by the regency. The initial migration installs it as policy
 * version 1; change the policy with setRewardPolicy (a new version), never by editing this. */
export const DEFAULT_REWARD_RULES: RewardRules = {
  predicates: {
    SANGAT_BAIK: { allowancePercent: 100, certificate: true, followUp: FollowUp.NONE, creditPointPercent: 150 },
    BAIK: { allowancePercent: 100, certificate: false, followUp: FollowUp.NONE, creditPointPercent: 100 },
    BUTUH_PERBAIKAN: { allowancePercent: 75, certificate: false, followUp: FollowUp.COACHING, creditPointPercent: 75 },
    KURANG: { allowancePercent: 50, certificate: false, followUp: FollowUp.IMPROVEMENT_TRACK, creditPointPercent: 50 },
    SANGAT_KURANG: { allowancePercent: 25, certificate: false, followUp: FollowUp.IMPROVEMENT_TRACK, creditPointPercent: 25 },
  },
  promotion: { minimumPredicate: Predicate.BAIK, annualEvaluations: 2 },
  creditPoints: { positionKinds: ['FUNGSIONAL'] },
};
export const DEFAULT_POLICY_EFFECTIVE_FROM = '2020-01-01';

export type RulesCheck = { ok: true; rules: RewardRules } | { ok: false; problem: string };

function issueText(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : '(document)';
  // zod reports a missing key as "received undefined"; say it plainly.
  const message = issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? 'is required' : issue.message;
  return `${where}: ${message}`;
}

/** Keys of the old document that tied a predicate to a discipline case: refused with the rule that forbids them. */
function legacyKeys(json: unknown): string[] {
  if (!json || typeof json !== 'object') return [];
  const doc = json as Record<string, unknown>;
  const out: string[] = [];
  const predicates = doc.predicates && typeof doc.predicates === 'object' ? doc.predicates as Record<string, unknown> : {};
  for (const [name, rule] of Object.entries(predicates)) {
    if (rule && typeof rule === 'object' && 'sanction' in rule) out.push(`predicates.${name}.sanction: not allowed: a predicate is not a disciplinary offence (PP 94/2021); use followUp`);
  }
  if ('consecutiveLowAnnual' in doc) out.push('consecutiveLowAnnual: not allowed: low predicates lead to the improvement track (PP 30/2019 art. 56-58), not to a discipline case');
  return out;
}

/** Parses and validates a policy document; the problem names the offending path and rule. */
export function parseRewardRules(text: string): RulesCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `is not valid JSON (${(error as Error).message})` };
  }
  const legacy = legacyKeys(json);
  if (legacy.length > 0) return { ok: false, problem: legacy.join('; ') };
  const result = rewardRulesSchema.safeParse(json);
  if (!result.success) return { ok: false, problem: result.error.issues.map(issueText).join('; ') };
  return { ok: true, rules: result.data };
}

export interface AnnualPredicate {
  year: number;
  predicate: Predicate;
}

export interface DecisionInput {
  predicate: Predicate;
  year: number;
  periodType: PeriodType;
  /** Month 1-12 or quarter 1-4; null for ANNUAL. */
  period: number | null;
  /** From personnel's directory; null when personnel does not know the employee. */
  positionKind: string | null;
  /** PNS or PPPK, from the event or personnel's directory; null when unknown. */
  employmentType?: EmploymentType | null;
  /** The functional position's yearly credit-point coefficient, where known (see creditCoefficientOf). */
  creditCoefficient?: number | null;
  /** The employee's annual predicates from earlier consumed events (other years than `year`). */
  annualHistory: readonly AnnualPredicate[];
}

export interface RewardOutcome {
  allowancePercent: number;
  certificateEligible: boolean;
  promotionEligible: boolean;
  /** DOMAIN.md: what the predicate calls for; never a discipline case. */
  followUp: FollowUp;
  /** Share of a functional position's yearly credit-point coefficient; null when not applicable. */
  creditPointPercent: number | null;
  /** creditPointPercent × the coefficient, where the coefficient is known. */
  creditPoints: number | null;
  /** One English sentence per rule that fired (reasonText of each of reasonCodes). */
  reasons: string[];
  /** The same rules as codes with their values, in the same order. */
  reasonCodes: RewardReasonData[];
}

/**
 * The first day of a cycle's performance period (YYYY-MM-DD): the policy in force on it decides the
 * period (DOMAIN.md: chosen by the performance period, not the completion date).
 */
export function periodStart(year: number, periodType: PeriodType | string, period: number | null): string {
  const month = periodType === PeriodType.MONTHLY ? (period ?? 1) : periodType === PeriodType.QUARTERLY ? ((period ?? 1) - 1) * 3 + 1 : 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/**
 * The yearly credit-point coefficient of a functional position from its title's jenjang
 * (PermenPANRB 1/2023 lampiran, used by Peraturan BKN 3/2023): null when the title names none.
 */
export function creditCoefficientOf(positionTitle: string | null | undefined): number | null {
  if (!positionTitle) return null;
  const t = positionTitle.toLowerCase().replace(/\s+/g, ' ');
  const table: Array<[RegExp, number]> = [
    [/\bahli utama\b/, 50], [/\bahli madya\b/, 37.5], [/\bahli muda\b/, 25], [/\bahli pertama\b/, 12.5],
    [/\bpenyelia\b/, 25], [/\bmahir\b/, 12.5], [/\bterampil\b/, 5], [/\bpemula\b/, 3.75],
  ];
  for (const [pattern, coefficient] of table) if (pattern.test(t)) return coefficient;
  return null;
}

const FOLLOW_UP_REASON: Record<FollowUp, RewardReasonCode | null> = {
  [FollowUp.NONE]: null,
  [FollowUp.COACHING]: RewardReasonCode.FOLLOW_UP_COACHING,
  [FollowUp.IMPROVEMENT_TRACK]: RewardReasonCode.FOLLOW_UP_IMPROVEMENT_TRACK,
};

/** The outcome's sentences from its reasons. */
export function withTexts<T extends { reasonCodes: RewardReasonData[] }>(outcome: T): T & { reasons: string[] } {
  return { ...outcome, reasons: outcome.reasonCodes.map(reasonText) };
}

const atLeast = (p: Predicate, minimum: Predicate) => predicateRank(p) <= predicateRank(minimum);

export class RewardPolicy {
  constructor(readonly version: number, readonly effectiveFrom: string, readonly rules: RewardRules) {}

  /** The decision for one completed evaluation. Pure: same input, same outcome and reasons. */
  decide(input: DecisionInput): RewardOutcome {
    const rule = this.rules.predicates[input.predicate];
    const reasons: RewardReasonData[] = [];
    const { predicate, year, periodType, period } = input;

    reasons.push({ code: RewardReasonCode.ALLOWANCE, predicate, percent: rule.allowancePercent, year, periodType, period, policyVersion: this.version });

    if (periodType !== PeriodType.ANNUAL) {
      // DOMAIN.md: monthly and quarterly results feed the period's TPP; the rest follows the annual evaluation.
      reasons.push({ code: RewardReasonCode.PERIOD_ALLOWANCE_ONLY, periodType });
      return withTexts({ allowancePercent: rule.allowancePercent, certificateEligible: false, promotionEligible: false, followUp: FollowUp.NONE, creditPointPercent: null, creditPoints: null, reasonCodes: reasons });
    }

    if (rule.certificate) reasons.push({ code: RewardReasonCode.CERTIFICATE, predicate });
    const followUp = FOLLOW_UP_REASON[rule.followUp];
    if (followUp) reasons.push({ code: followUp, predicate });

    const promotion = this.promotion(input);
    reasons.push(promotion.reason);

    let creditPointPercent: number | null = null;
    let creditPoints: number | null = null;
    if (input.positionKind === null) {
      reasons.push({ code: RewardReasonCode.CREDIT_POINTS_POSITION_UNKNOWN });
    } else if ((this.rules.creditPoints.positionKinds as readonly string[]).includes(input.positionKind)) {
      creditPointPercent = rule.creditPointPercent;
      const coefficient = input.creditCoefficient ?? null;
      const position = { positionKind: input.positionKind, percent: rule.creditPointPercent, predicate };
      // Peraturan BKN 3/2023: predicate percent × the position's yearly coefficient.
      if (coefficient === null) {
        reasons.push({ code: RewardReasonCode.CREDIT_POINTS_COEFFICIENT_UNKNOWN, ...position });
      } else {
        creditPoints = Math.round(coefficient * rule.creditPointPercent) / 100;
        reasons.push({ code: RewardReasonCode.CREDIT_POINTS, ...position, coefficient, creditPoints });
      }
    }

    return withTexts({
      allowancePercent: rule.allowancePercent,
      certificateEligible: rule.certificate,
      promotionEligible: promotion.eligible,
      followUp: rule.followUp,
      creditPointPercent,
      creditPoints,
      reasonCodes: reasons,
    });
  }

  /** The annual years this year's decision depends on (the promotion window before it). */
  dependsOnYears(year: number): number[] {
    const out: number[] = [];
    for (let y = year - this.rules.promotion.annualEvaluations + 1; y < year; y++) out.push(y);
    return out;
  }

  /** The employee's annual predicates for `count` consecutive years ending with this one (undefined where missing). */
  private lastAnnual(input: DecisionInput, count: number): Array<{ year: number; predicate: Predicate | undefined }> {
    const byYear = new Map(input.annualHistory.map((h) => [h.year, h.predicate]));
    const out: Array<{ year: number; predicate: Predicate | undefined }> = [];
    for (let year = input.year - count + 1; year < input.year; year++) out.push({ year, predicate: byYear.get(year) });
    out.push({ year: input.year, predicate: input.predicate });
    return out;
  }

  /** DOMAIN.md: promotion (PP 99/2000 art. 13), PNS only, needs at least BAIK in each of the last two annual evaluations. */
  private promotion(input: DecisionInput): { eligible: boolean; reason: RewardReasonData } {
    const type = input.employmentType ?? null;
    if (type === 'PPPK') return { eligible: false, reason: { code: RewardReasonCode.PROMOTION_NOT_APPLICABLE_PPPK } };
    if (type === null) return { eligible: false, reason: { code: RewardReasonCode.PROMOTION_EMPLOYMENT_TYPE_UNKNOWN } };
    const { minimumPredicate, annualEvaluations } = this.rules.promotion;
    const years = this.lastAnnual(input, annualEvaluations);
    const short = years.filter(({ predicate }) => predicate === undefined || !atLeast(predicate, minimumPredicate))
      .map(({ year, predicate }) => ({ year, predicate: predicate ?? null }));
    if (short.length > 0) {
      return { eligible: false, reason: { code: RewardReasonCode.PROMOTION_NOT_ELIGIBLE, minimumPredicate, annualEvaluations, year: input.year, years: short } };
    }
    return { eligible: true, reason: { code: RewardReasonCode.PROMOTION_ELIGIBLE, minimumPredicate, years: years.map(({ year, predicate }) => ({ year, predicate: predicate ?? null })) } };
  }
}
