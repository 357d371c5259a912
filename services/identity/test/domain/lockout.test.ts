import { afterFailure, afterSuccess, FRESH, isLocked, lockDuration, type LockoutPolicy } from '../../src/domain/lockout';
import { normalizeNip } from '../../src/domain/nip';
import { passwordProblems } from '../../src/domain/password';
import { SlidingWindowLimiter } from '../../src/domain/rate-limit';

const policy: LockoutPolicy = { threshold: 5, baseLockMs: 60_000, maxLockMs: 3600_000 };
const t0 = new Date('2026-12-03T07:30:00Z');

describe('account lockout', () => {
  it('locks on the fifth wrong password in a row, not before', () => {
    let s = FRESH;
    for (let i = 0; i < 4; i++) s = afterFailure(policy, s, t0);
    expect(isLocked(s, t0)).toBe(false);
    s = afterFailure(policy, s, t0);
    expect(s.lockedUntil).toEqual(new Date(t0.getTime() + 60_000));
    expect(isLocked(s, new Date(t0.getTime() + 59_999))).toBe(true);
    expect(isLocked(s, new Date(t0.getTime() + 60_000))).toBe(false);
  });

  it.each([
    [1, 60_000], [2, 120_000], [3, 240_000], [6, 1_920_000], [7, 3_600_000], [30, 3_600_000],
  ])('makes lock number %i last %i ms (doubling, capped)', (n, ms) => {
    expect(lockDuration(policy, n)).toBe(ms);
  });

  it('makes the next lock longer when the wrong passwords continue after a lock', () => {
    let s = FRESH;
    for (let i = 0; i < 5; i++) s = afterFailure(policy, s, t0);
    const later = new Date(t0.getTime() + 61_000);
    for (let i = 0; i < 5; i++) s = afterFailure(policy, s, later);
    expect(s.lockCount).toBe(2);
    expect(s.lockedUntil).toEqual(new Date(later.getTime() + 120_000));
  });

  it('forgives everything after the right password', () => {
    expect(afterSuccess()).toEqual(FRESH);
  });
});

describe('the NIP typed on the sign-in form (DOMAIN.md, "NIP")', () => {
  it.each([
    ['198609262015051001', '198609262015051001'],
    ['19860926 201505 1 001', '198609262015051001'],
    ['19860926\u00a0201505\u00a01\u00a0001', '198609262015051001'],
    ['\t198609262015051001\n', '198609262015051001'],
    ['19860926-201505-1-001', null],
    ['1986092620150510011', null],
    ['', null],
  ])('reads %j as %j', (raw, nip) => {
    expect(normalizeNip(raw)).toBe(nip);
  });
});

describe('password rules (NIST SP 800-63B 5.1.1.2)', () => {
  const nip = '198609262015051001';
  it.each([
    ['a good long passphrase', 'a good long passphrase', []],
    ['short', 'short', ['TOO_SHORT']],
    ['x'.repeat(129), 'x'.repeat(129), ['TOO_LONG']],
    ['with a\u0007bell inside', 'with a\u0007bell inside', ['CONTROL_CHARACTERS']],
    ['19860926 201505 1 001', '19860926 201505 1 001', ['IS_NIP']],
    ['a good long passphrase', 'a good long passphrasE', ['MISMATCH']],
  ])('judges %j', (password, confirmation, problems) => {
    expect(passwordProblems(password, confirmation, nip)).toEqual(problems);
  });
});

describe('attempts per key in a sliding window', () => {
  it('refuses the attempt past the limit until the window slides on', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(3, 1000, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now = 1001;
    expect(limiter.take('a')).toBe(true);
  });
});
