import { z } from 'zod';
import { heavierSanction, PeriodType, Predicate, predicateRank, PREDICATES_BEST_FIRST, SanctionLevel } from './enums';

/**
 * The reward policy (DOMAIN.md, "Recognition: rewards and sanctions"): a versioned JSON document an
 * ADMIN may replace, validated here, and `decide()`, the pure function that turns one completed
 * evaluation (plus the employee's earlier annual predicates) into a reward decision with one
 * human-readable reason per rule that fired.
 */

const POSITION_KINDS = ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'FUNGSIONAL', 'PELAKSANA'] as const;

const predicateRule = z.strictObject({
  allowancePercent: z.number('must be a number').min(0, 'must be at least 0').max(100, 'must be at most 100'),
  certificate: z.boolean('must be true or false'),
  sanction: z.enum(SanctionLevel, 'must be LIGHT, MODERATE, SEVERE or null').nullable(),
  coaching: z.boolean('must be true or false'),
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
  consecutiveLowAnnual: z.strictObject({
    atOrBelow: predicateName,
    annualEvaluations: z.number('must be a number').int('must be a whole number').min(2, 'must be at least 2').max(5, 'must be at most 5'),
    sanction: z.enum(SanctionLevel, 'must be LIGHT, MODERATE or SEVERE'),
  }),
  creditPoints: z.strictObject({
    positionKinds: z.array(z.enum(POSITION_KINDS, `must be one of ${POSITION_KINDS.join(', ')}`), 'must be a list of position kinds'),
  }),
}).superRefine((rules, ctx) => {
  // A worse predicate never earns more than a better one (the table falls monotonically).
  for (let i = 1; i < PREDICATES_BEST_FIRST.length; i++) {
    const better = PREDICATES_BEST_FIRST[i - 1] as Predicate;
    const worse = PREDICATES_BEST_FIRST[i] as Predicate;
    for (const field of ['allowancePercent', 'creditPointPercent'] as const) {
      const b = rules.predicates[better][field];
      const w = rules.predicates[worse][field];
      if (w > b) {
        ctx.addIssue({ code: 'custom', path: ['predicates', worse, field], message: `must not exceed ${better}'s ${b}: a worse predicate cannot earn more` });
      }
    }
  }
}, { when: (payload) => payload.issues.length === 0 }); // only a document otherwise valid is checked for monotony

export type RewardRules = z.infer<typeof rewardRulesSchema>;

/** DOMAIN.md's default table, to be confirmed by the regency. The initial migration installs it as policy
 * version 1; change the policy with setRewardPolicy (a new version), never by editing this. */
export const DEFAULT_REWARD_RULES: RewardRules = {
  predicates: {
    SANGAT_BAIK: { allowancePercent: 100, certificate: true, sanction: null, coaching: false, creditPointPercent: 150 },
    BAIK: { allowancePercent: 100, certificate: false, sanction: null, coaching: false, creditPointPercent: 100 },
    BUTUH_PERBAIKAN: { allowancePercent: 75, certificate: false, sanction: null, coaching: true, creditPointPercent: 75 },
    KURANG: { allowancePercent: 50, certificate: false, sanction: SanctionLevel.LIGHT, coaching: false, creditPointPercent: 50 },
    SANGAT_KURANG: { allowancePercent: 25, certificate: false, sanction: SanctionLevel.MODERATE, coaching: false, creditPointPercent: 25 },
  },
  promotion: { minimumPredicate: Predicate.BAIK, annualEvaluations: 2 },
  consecutiveLowAnnual: { atOrBelow: Predicate.KURANG, annualEvaluations: 2, sanction: SanctionLevel.SEVERE },
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

/** Parses and validates a policy document; the problem names the offending path and rule. */
export function parseRewardRules(text: string): RulesCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `is not valid JSON (${(error as Error).message})` };
  }
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
  /** The employee's annual predicates from earlier consumed events (other years than `year`). */
  annualHistory: readonly AnnualPredicate[];
}

export interface RewardOutcome {
  allowancePercent: number;
  certificateEligible: boolean;
  promotionEligible: boolean;
  sanctionRecommended: SanctionLevel | null;
  /** Share of a functional position's yearly credit-point coefficient; null when not applicable. */
  creditPointPercent: number | null;
  reasons: string[];
}

const SANCTION_WORD: Record<SanctionLevel, string> = {
  [SanctionLevel.LIGHT]: 'hukuman disiplin ringan',
  [SanctionLevel.MODERATE]: 'hukuman disiplin sedang',
  [SanctionLevel.SEVERE]: 'hukuman disiplin berat',
};

function periodLabel(year: number, periodType: PeriodType, period: number | null): string {
  if (periodType === PeriodType.MONTHLY) return `${year}-${String(period ?? 0).padStart(2, '0')}`;
  if (periodType === PeriodType.QUARTERLY) return `${year}-Q${period ?? 0}`;
  return String(year);
}

const atLeast = (p: Predicate, minimum: Predicate) => predicateRank(p) <= predicateRank(minimum);

export class RewardPolicy {
  constructor(readonly version: number, readonly effectiveFrom: string, readonly rules: RewardRules) {}

  /** The decision for one completed evaluation. Pure: same input, same outcome and reasons. */
  decide(input: DecisionInput): RewardOutcome {
    const rule = this.rules.predicates[input.predicate];
    const reasons: string[] = [];
    const label = periodLabel(input.year, input.periodType, input.period);

    reasons.push(`Allowance (TPP): predicate ${input.predicate} earns ${rule.allowancePercent}% of the performance allowance for ${label} (policy version ${this.version}).`);

    if (input.periodType !== PeriodType.ANNUAL) {
      // DOMAIN.md: monthly and quarterly results feed the period's TPP; the rest follows the annual evaluation.
      reasons.push(`${input.periodType} evaluation: only the period's allowance is decided; certificates, promotion, credit points and sanctions follow the annual evaluation.`);
      return { allowancePercent: rule.allowancePercent, certificateEligible: false, promotionEligible: false, sanctionRecommended: null, creditPointPercent: null, reasons };
    }

    if (rule.certificate) reasons.push(`Certificate: predicate ${input.predicate} earns a certificate of recognition (piagam penghargaan).`);
    if (rule.coaching) reasons.push(`Coaching: predicate ${input.predicate} calls for coaching by the supervisor rather than a sanction.`);

    let sanction: SanctionLevel | null = rule.sanction;
    if (rule.sanction) {
      reasons.push(`Sanction: predicate ${input.predicate} recommends a ${rule.sanction} sanction (${SANCTION_WORD[rule.sanction]}), to be decided by BKPSDM.`);
    }

    const promotion = this.promotion(input);
    reasons.push(promotion.reason);

    const low = this.consecutiveLow(input);
    if (low) {
      sanction = heavierSanction(sanction, this.rules.consecutiveLowAnnual.sanction);
      reasons.push(low);
    }

    let creditPointPercent: number | null = null;
    if (input.positionKind === null) {
      reasons.push('Credit points: not computed, the employee\'s position kind is unknown to personnel.');
    } else if ((this.rules.creditPoints.positionKinds as readonly string[]).includes(input.positionKind)) {
      creditPointPercent = rule.creditPointPercent;
      // Peraturan BKN 3/2023: predicate percent × the position's yearly coefficient.
      reasons.push(`Credit points: a ${input.positionKind} position earns ${rule.creditPointPercent}% of its yearly credit-point coefficient for predicate ${input.predicate} (Peraturan BKN 3/2023).`);
    }

    return {
      allowancePercent: rule.allowancePercent,
      certificateEligible: rule.certificate,
      promotionEligible: promotion.eligible,
      sanctionRecommended: sanction,
      creditPointPercent,
      reasons,
    };
  }

  /** The employee's annual predicates for `count` consecutive years ending with this one (undefined where missing). */
  private lastAnnual(input: DecisionInput, count: number): Array<{ year: number; predicate: Predicate | undefined }> {
    const byYear = new Map(input.annualHistory.map((h) => [h.year, h.predicate]));
    const out: Array<{ year: number; predicate: Predicate | undefined }> = [];
    for (let year = input.year - count + 1; year < input.year; year++) out.push({ year, predicate: byYear.get(year) });
    out.push({ year: input.year, predicate: input.predicate });
    return out;
  }

  /** DOMAIN.md: promotion needs at least BAIK in each of the last two annual evaluations. */
  private promotion(input: DecisionInput): { eligible: boolean; reason: string } {
    const { minimumPredicate, annualEvaluations } = this.rules.promotion;
    const years = this.lastAnnual(input, annualEvaluations);
    const problems = years.flatMap(({ year, predicate }) => {
      if (predicate === undefined) return [`no annual predicate is recorded for ${year}`];
      return atLeast(predicate, minimumPredicate) ? [] : [`${year} was ${predicate}`];
    });
    const need = `at least ${minimumPredicate} in each of the last ${annualEvaluations} annual evaluation${annualEvaluations === 1 ? '' : 's'} (${years.map((y) => y.year).join(', ')})`;
    if (problems.length > 0) return { eligible: false, reason: `Promotion: not eligible; it needs ${need}: ${problems.join('; ')}.` };
    const seen = years.map((y) => `${y.year} ${y.predicate}`).join(', ');
    return { eligible: true, reason: `Promotion: eligible for a promotion recommendation (kenaikan pangkat); annual predicates ${seen} are each ${minimumPredicate} or better.` };
  }

  /** DOMAIN.md: two consecutive annual predicates of KURANG or worse recommend SEVERE. */
  private consecutiveLow(input: DecisionInput): string | null {
    const { atOrBelow, annualEvaluations, sanction } = this.rules.consecutiveLowAnnual;
    const years = this.lastAnnual(input, annualEvaluations);
    const low = (p: Predicate | undefined) => p !== undefined && predicateRank(p) >= predicateRank(atOrBelow);
    if (!years.every((y) => low(y.predicate))) return null;
    const seen = years.map((y) => `${y.year} ${y.predicate}`).join(', ');
    return `Sanction: ${annualEvaluations} consecutive annual predicates of ${atOrBelow} or worse (${seen}) recommend a ${sanction} sanction (${SANCTION_WORD[sanction]}): review for transfer or demotion after the 6-month improvement period of PP 30/2019.`;
  }
}
