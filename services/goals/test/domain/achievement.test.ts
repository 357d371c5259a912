import { ACHIEVEMENT_CAP, computeAchievement, planAchievement, targetProblem } from '../../src/domain/achievement';
import { TargetDirection } from '../../src/domain/enums';

const { HIGHER_IS_BETTER: HIGHER, LOWER_IS_BETTER: LOWER } = TargetDirection;

describe('goal achievement (DOMAIN.md, "The performance plan")', () => {
  it.each([
    // direction, target, realized, achievement
    [HIGHER, 100, 100, 1],
    [HIGHER, 100, 80, 0.8],
    [HIGHER, 100, 0, 0],
    [HIGHER, 3, 1, 0.3333], // rounded to 4 decimals
    [HIGHER, 3, 2, 0.6667],
    [HIGHER, 100, 149.99, 1.4999],
    [HIGHER, 100, 150, 1.5],
    [HIGHER, 100, 400, ACHIEVEMENT_CAP], // capped at 1.5
    [HIGHER, 0.5, 0.25, 0.5],
    [LOWER, 10, 10, 1],
    [LOWER, 10, 20, 0.5],
    [LOWER, 10, 8, 1.25],
    [LOWER, 10, 5, ACHIEVEMENT_CAP], // 2.0 capped
    [LOWER, 10, 0, ACHIEVEMENT_CAP], // a realized 0 gives the cap
    [LOWER, 0, 0, ACHIEVEMENT_CAP], // "zero incidents" met
    [LOWER, 0, 3, 0],
    [LOWER, 7, 3, 1.5],
    [LOWER, 2, 3, 0.6667],
  ])('%s target %p realized %p → %p', (direction, target, realized, expected) => {
    expect(computeAchievement(target, realized, direction)).toBe(expected);
  });

  it.each([
    [HIGHER, 0, 'must be greater than 0 for HIGHER_IS_BETTER'],
    [HIGHER, -5, 'must not be negative'],
    [LOWER, -1, 'must not be negative'],
    [HIGHER, Number.NaN, 'must be a finite number'],
    [HIGHER, 2e12, 'must be at most 1000000000000'],
  ])('refuses a %s target of %p: %s', (direction, target, rule) => {
    expect(targetProblem(target, direction)).toBe(rule);
    expect(() => computeAchievement(target, 1, direction)).toThrow(RangeError);
  });

  it('accepts a LOWER_IS_BETTER target of 0 and positive targets either way', () => {
    expect(targetProblem(0, LOWER)).toBeNull();
    expect(targetProblem(12, HIGHER)).toBeNull();
    expect(targetProblem(12, LOWER)).toBeNull();
  });

  it('refuses a negative realized value', () => {
    expect(() => computeAchievement(10, -1, HIGHER)).toThrow(RangeError);
  });

  it.each([
    [[], null],
    [[null, null], null],
    [[1, null, 0.5], 0.75], // goals without a realization do not count
    [[1.5, 1.5, 0], 1],
    [[0.3333, 0.6667, 1], 0.6667],
  ])('a plan with goal achievements %p has achievement %p', (list, expected) => {
    expect(planAchievement(list as Array<number | null>)).toBe(expected);
  });
});
