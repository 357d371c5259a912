import { PeriodType, Rating } from './enums';

/** The calendar days a cycle evaluates: its month, its quarter, or its year. */
export function cyclePeriod(c: { year: number; periodType: PeriodType; period: number | null }): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (month: number) => new Date(Date.UTC(c.year, month, 0)).getUTCDate();
  if (c.periodType === PeriodType.MONTHLY && c.period) return { from: `${c.year}-${pad(c.period)}-01`, to: `${c.year}-${pad(c.period)}-${pad(lastDay(c.period))}` };
  if (c.periodType === PeriodType.QUARTERLY && c.period) {
    const first = (c.period - 1) * 3 + 1;
    return { from: `${c.year}-${pad(first)}-01`, to: `${c.year}-${pad(first + 2)}-${pad(lastDay(first + 2))}` };
  }
  return { from: `${c.year}-01-01`, to: `${c.year}-12-31` };
}

/**
 * An RHK's rating as the suggestion sees it: the evaluator's rating where given, else from its
 * achievement. The thresholds are this platform's default reading of "di atas / sesuai / di bawah
 * ekspektasi" for a computed achievement (realized vs target, 1.0 = met): at least 1.10 above,
 * at least 0.90 meets, below that below. A qualitative-only RHK without the evaluator's rating has
 * no rating (its result is described, not computed).
 */
export const ABOVE_FROM = 1.1;
export const MEETS_FROM = 0.9;

export function ratingFromAchievement(achievement: number | null): Rating | null {
  if (achievement === null) return null;
  if (achievement >= ABOVE_FROM) return Rating.ABOVE_EXPECTATION;
  if (achievement >= MEETS_FROM) return Rating.MEETS_EXPECTATION;
  return Rating.BELOW_EXPECTATION;
}

export interface RhkForSuggestion {
  kind: 'UTAMA' | 'TAMBAHAN';
  /** The evaluator's rateGoal rating, if any. */
  rating: Rating | null;
  achievement: number | null;
}

/** Which rule of `explainResultSuggestion` decided the suggestion. */
export enum SuggestionRule {
  /** No UTAMA RHK has a rating (the evaluator's, or from achievement): no suggestion. */
  NO_RATED_UTAMA = 'NO_RATED_UTAMA',
  /** At least half of the rated UTAMA RHK are below: BELOW. */
  UTAMA_BELOW_AT_LEAST_HALF = 'UTAMA_BELOW_AT_LEAST_HALF',
  /** Some, fewer than half, of the rated UTAMA RHK are below: MEETS (never ABOVE). */
  UTAMA_BELOW_SOME = 'UTAMA_BELOW_SOME',
  /** None below, and more than half above (a TAMBAHAN above counting one more): ABOVE. */
  MAJORITY_ABOVE = 'MAJORITY_ABOVE',
  /** None below, and not more than half above: MEETS. */
  NOT_MAJORITY_ABOVE = 'NOT_MAJORITY_ABOVE',
  /** A unit head's annual evaluation: from the unit's organisation predicate. */
  ORGANIZATION_PREDICATE = 'ORGANIZATION_PREDICATE',
  /** A unit head's annual evaluation while the unit has no organisation predicate: no suggestion. */
  NO_ORGANIZATION_PREDICATE = 'NO_ORGANIZATION_PREDICATE',
  /** No approved plan covers the period: no suggestion. */
  NO_APPROVED_PLAN = 'NO_APPROVED_PLAN',
}

/** Where an RHK's rating in the suggestion came from. */
export enum RhkRatingSource { EVALUATOR = 'EVALUATOR', ACHIEVEMENT = 'ACHIEVEMENT', NONE = 'NONE' }

export interface RhkInSuggestion {
  goalId: string;
  kind: 'UTAMA' | 'TAMBAHAN';
  rating: Rating | null;
  source: RhkRatingSource;
  achievement: number | null;
}

/** The suggestion with what produced it, for the evaluator to read (WEB.md: why every verdict is what it is). */
export interface ResultSuggestion {
  rating: Rating | null;
  rule: SuggestionRule;
  utamaRated: number;
  utamaAbove: number;
  utamaBelow: number;
  tambahanAbove: boolean;
  rhk: RhkInSuggestion[];
}

/**
 * The result rating (rating hasil kerja) the system suggests from the RHK, after PermenPANRB 6/2022
 * (Lampiran, penilaian hasil kerja): the result is judged on the main RHK (utama); additional RHK
 * (tambahan) can lift a result but never lower it, and the result is never ABOVE expectation while
 * any main RHK is below expectation (DOMAIN.md, "Evaluation and the predicate").
 *
 * - No main RHK with a rating (the evaluator's, or from achievement): no suggestion (null).
 * - Some main RHK below: BELOW when at least half of the rated main RHK are below, else MEETS.
 * - No main RHK below: ABOVE when more than half of the rated main RHK are above, counting one more
 *   when any additional RHK is above; else MEETS.
 */
export function explainResultSuggestion(rhk: Array<RhkForSuggestion & { goalId: string }>): ResultSuggestion {
  const seen: RhkInSuggestion[] = rhk.map((r) => {
    const fromAchievement = ratingFromAchievement(r.achievement);
    const source = r.rating ? RhkRatingSource.EVALUATOR : fromAchievement ? RhkRatingSource.ACHIEVEMENT : RhkRatingSource.NONE;
    return { goalId: r.goalId, kind: r.kind, rating: r.rating ?? fromAchievement, source, achievement: r.achievement };
  });
  const main = seen.filter((r) => r.kind === 'UTAMA').map((r) => r.rating).filter((r): r is Rating => r !== null);
  const utamaBelow = main.filter((r) => r === Rating.BELOW_EXPECTATION).length;
  const utamaAbove = main.filter((r) => r === Rating.ABOVE_EXPECTATION).length;
  const tambahanAbove = seen.some((r) => r.kind === 'TAMBAHAN' && r.rating === Rating.ABOVE_EXPECTATION);
  const out = (rating: Rating | null, rule: SuggestionRule): ResultSuggestion => ({ rating, rule, utamaRated: main.length, utamaAbove, utamaBelow, tambahanAbove, rhk: seen });
  if (main.length === 0) return out(null, SuggestionRule.NO_RATED_UTAMA);
  if (utamaBelow > 0) {
    return utamaBelow * 2 >= main.length ? out(Rating.BELOW_EXPECTATION, SuggestionRule.UTAMA_BELOW_AT_LEAST_HALF) : out(Rating.MEETS_EXPECTATION, SuggestionRule.UTAMA_BELOW_SOME);
  }
  return (utamaAbove + (tambahanAbove ? 1 : 0)) * 2 > main.length
    ? out(Rating.ABOVE_EXPECTATION, SuggestionRule.MAJORITY_ABOVE) : out(Rating.MEETS_EXPECTATION, SuggestionRule.NOT_MAJORITY_ABOVE);
}

/** The suggested result rating alone (see explainResultSuggestion). */
export function suggestResultRating(rhk: RhkForSuggestion[]): Rating | null {
  return explainResultSuggestion(rhk.map((r, i) => ({ ...r, goalId: String(i) }))).rating;
}
