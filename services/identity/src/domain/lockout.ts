/**
 * Account lockout after wrong passwords (issue: "locks for a growing time after 5 wrong
 * passwords"). Pure: the caller loads the state, applies an outcome, saves it in one statement.
 */
export interface LockoutPolicy {
  /** Wrong passwords in a row that lock the account. */
  threshold: number;
  /** The first lock's length; each further lock doubles it. */
  baseLockMs: number;
  /** The longest lock. */
  maxLockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { threshold: 5, baseLockMs: 5 * 60_000, maxLockMs: 24 * 60 * 60_000 };

export interface LockoutState {
  failedAttempts: number;
  /** How many times the account has been locked since the last successful sign-in. */
  lockCount: number;
  lockedUntil: Date | null;
}

export const FRESH: LockoutState = { failedAttempts: 0, lockCount: 0, lockedUntil: null };

export function isLocked(state: LockoutState, now: Date): boolean {
  return !!state.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/** The length of the n-th lock (n from 1): base, 2×base, 4×base... up to the maximum. */
export function lockDuration(policy: LockoutPolicy, n: number): number {
  return Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.max(0, n - 1));
}

/** After a wrong password: the threshold-th failure in a row locks, each lock longer than the last. */
export function afterFailure(policy: LockoutPolicy, state: LockoutState, now: Date): LockoutState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts < policy.threshold) return { ...state, failedAttempts };
  const lockCount = state.lockCount + 1;
  return { failedAttempts: 0, lockCount, lockedUntil: new Date(now.getTime() + lockDuration(policy, lockCount)) };
}

/** After the right password (outside a lock): everything is forgiven. */
export function afterSuccess(): LockoutState {
  return { ...FRESH };
}
