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
export function suggestResultRating(rhk: RhkForSuggestion[]): Rating | null {
  const rated = (r: RhkForSuggestion) => r.rating ?? ratingFromAchievement(r.achievement);
  const main = rhk.filter((r) => r.kind === 'UTAMA').map(rated).filter((r): r is Rating => r !== null);
  if (main.length === 0) return null;
  const below = main.filter((r) => r === Rating.BELOW_EXPECTATION).length;
  if (below > 0) return below * 2 >= main.length ? Rating.BELOW_EXPECTATION : Rating.MEETS_EXPECTATION;
  const extraAbove = rhk.some((r) => r.kind === 'TAMBAHAN' && rated(r) === Rating.ABOVE_EXPECTATION) ? 1 : 0;
  const above = main.filter((r) => r === Rating.ABOVE_EXPECTATION).length + extraAbove;
  return above * 2 > main.length ? Rating.ABOVE_EXPECTATION : Rating.MEETS_EXPECTATION;
}
