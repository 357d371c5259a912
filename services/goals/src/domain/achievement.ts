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

/** A plan's achievement: the mean over goals with a realization; null while none has one (CONTRACT.md). */
export function planAchievement(goalAchievements: Array<number | null>): number | null {
  const measured = goalAchievements.filter((a): a is number => a !== null);
  if (measured.length === 0) return null;
  return round4(measured.reduce((s, a) => s + a, 0) / measured.length);
}
