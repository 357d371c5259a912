import { TargetDirection } from './enums';

/** DOMAIN.md, "The performance plan": achievement is capped at 1.5. */
export const ACHIEVEMENT_CAP = 1.5;

/** DOMAIN.md: rounded to 4 decimals. */
export function round4(x: number): number {
  return Math.round((x + Number.EPSILON) * 10_000) / 10_000;
}

/** The largest target or realized value accepted: beyond it a value is a typing slip. */
export const MAX_VALUE = 1_000_000_000_000;

/** Why a target cannot be measured against, or null when it can. */
export function targetProblem(target: number, direction: TargetDirection): string | null {
  if (!Number.isFinite(target)) return 'must be a finite number';
  if (target < 0) return 'must not be negative';
  if (target > MAX_VALUE) return `must be at most ${MAX_VALUE}`;
  // DOMAIN.md: a HIGHER_IS_BETTER target of 0 is refused (realized / 0 means nothing).
  if (target === 0 && direction === TargetDirection.HIGHER_IS_BETTER) return 'must be greater than 0 for HIGHER_IS_BETTER';
  return null;
}

/**
 * A goal's achievement (DOMAIN.md): realized / target when higher is better, target / realized when
 * lower is better (a realized 0 gives the cap); capped at 1.5 and rounded to 4 decimals.
 */
export function computeAchievement(target: number, realized: number, direction: TargetDirection): number {
  const problem = targetProblem(target, direction);
  if (problem) throw new RangeError(`target ${problem}`);
  if (!Number.isFinite(realized) || realized < 0) throw new RangeError('realized must be a finite number, not negative');
  let ratio: number;
  if (direction === TargetDirection.HIGHER_IS_BETTER) ratio = realized / target;
  else ratio = realized === 0 ? ACHIEVEMENT_CAP : target / realized;
  return round4(Math.min(ratio, ACHIEVEMENT_CAP));
}

/** What achievement needs of one indicator. */
export interface MeasuredIndicator {
  qualitative: boolean;
  target: number | null;
  direction: TargetDirection | null;
  /** Cumulative targets at the end of Q1..Q4; a null (or a missing list) falls back to the annual target. */
  quarterlyTargets: Array<number | null> | null;
  /** Realizations: the month (1..12) each period ends in, and the cumulative value. */
  realizations: Array<{ endMonth: number; value: number }>;
}

/** The quarter (1..4) a month falls in. */
export const quarterOf = (month: number): number => Math.ceil(month / 3);

/**
 * The target a value at the end of `endMonth` is measured against (DOMAIN.md): the quarterly target
 * of that month's quarter where one is set, else the annual target.
 */
export function targetAt(ind: Pick<MeasuredIndicator, 'target' | 'quarterlyTargets'>, endMonth: number): number | null {
  const q = ind.quarterlyTargets?.[quarterOf(endMonth) - 1];
  return q !== null && q !== undefined ? q : ind.target;
}

function latest(realizations: MeasuredIndicator['realizations']): { endMonth: number; value: number } | null {
  let best: { endMonth: number; value: number } | null = null;
  for (const r of realizations) if (!best || r.endMonth >= best.endMonth) best = r;
  return best;
}

/**
 * One indicator's achievement: its latest realization against the target of that realization's
 * quarter (or the annual one); null without realization, and null for a qualitative indicator (the
 * supervisor rates it; nothing is computed).
 */
export function indicatorAchievement(ind: MeasuredIndicator): number | null {
  if (ind.qualitative || ind.target === null || !ind.direction) return null;
  const r = latest(ind.realizations);
  if (!r) return null;
  return measure(targetAt(ind, r.endMonth) ?? ind.target, r.value, ind.direction);
}

/** computeAchievement, where a quarterly HIGHER_IS_BETTER target of 0 (nothing due yet) counts as met. */
function measure(target: number, realized: number, direction: TargetDirection): number {
  if (target === 0 && direction === TargetDirection.HIGHER_IS_BETTER) return realized > 0 ? ACHIEVEMENT_CAP : 1;
  return computeAchievement(target, realized, direction);
}

/**
 * An indicator's achievement as counted in the plan at a moment (DOMAIN.md): `passedMonth` is the
 * last month of the plan's most recent quarter that has ended (0 while none has). A quantitative
 * indicator counts once a quarter has passed; with no realization in or after that quarter it counts
 * as 0 (not as missing). Before any quarter passed it counts only when it has a realization.
 * Returns null when it does not count.
 */
export function countedAchievement(ind: MeasuredIndicator, passedMonth: number): number | null {
  if (ind.qualitative || ind.target === null || !ind.direction) return null;
  const r = latest(ind.realizations);
  if (passedMonth <= 0) return r ? indicatorAchievement(ind) : null;
  const quarterStart = passedMonth - 2;
  if (!r || r.endMonth < quarterStart) return 0;
  // A realization later than the passed quarter is measured against its own quarter's target.
  return measure(targetAt(ind, r.endMonth) ?? ind.target, r.value, ind.direction);
}

/**
 * The last month of the most recent quarter of the plan's period that has ended by `asOf`, within
 * the plan's period (a plan closed by a transfer on 2026-05-14 has passed quarters up to Q2 once its
 * period ended: its last, partial quarter counts when the period is over). 0 while none has passed.
 */
export function passedMonthOf(period: { start: string; end: string }, asOf: Date): number {
  const today = asOf.toISOString().slice(0, 10);
  if (today < period.start) return 0;
  const endMonth = Number(period.end.slice(5, 7));
  if (today > period.end) return Math.ceil(endMonth / 3) * 3;
  const year = Number(period.start.slice(0, 4));
  const asOfYear = asOf.getUTCFullYear();
  if (asOfYear > year) return Math.ceil(endMonth / 3) * 3;
  const month = asOf.getUTCMonth() + 1; // the current month has not ended
  const passed = Math.floor((month - 1) / 3) * 3;
  const startMonth = Number(period.start.slice(5, 7));
  return passed >= startMonth ? passed : 0;
}

/**
 * A plan's achievement (DOMAIN.md): the mean over every quantitative indicator that counts at
 * `passedMonth` (see countedAchievement), rounded to 4 decimals; null while none counts.
 */
export function planAchievementOf(indicators: MeasuredIndicator[], passedMonth: number): number | null {
  const counted = indicators.map((i) => countedAchievement(i, passedMonth)).filter((a): a is number => a !== null);
  if (counted.length === 0) return null;
  return round4(counted.reduce((s, a) => s + a, 0) / counted.length);
}

/** A goal's achievement: the mean of its quantitative indicators' achievements; null while none has one. */
export function planAchievement(goalAchievements: Array<number | null>): number | null {
  const measured = goalAchievements.filter((a): a is number => a !== null);
  if (measured.length === 0) return null;
  return round4(measured.reduce((s, a) => s + a, 0) / measured.length);
}
