import {
  ACHIEVEMENT_CAP, countedAchievement, indicatorAchievement, passedMonthOf, planAchievementOf, targetAt, type MeasuredIndicator,
} from '../../src/domain/achievement';
import { TargetDirection } from '../../src/domain/enums';

const { HIGHER_IS_BETTER: HIGHER, LOWER_IS_BETTER: LOWER } = TargetDirection;

const ind = (o: Partial<Omit<MeasuredIndicator, "realizations">> & { realizations?: Array<[number, number]> } = {}): MeasuredIndicator => ({
  qualitative: false, target: 100, direction: HIGHER, quarterlyTargets: null,
  ...o, realizations: (o.realizations ?? []).map(([endMonth, value]) => ({ endMonth, value })),
});

describe('indicator achievement against quarterly targets (DOMAIN.md)', () => {
  it.each([
    // quarterly targets, realizations [endMonth, value], achievement
    ['no quarterly targets: the annual target', null, [[3, 30]], 0.3],
    ['Q1 target 25, March 30', [25, 50, 75, 100], [[3, 30]], 1.2],
    ['Q2 target 50, May 40 (months measure against their quarter)', [25, 50, 75, 100], [[5, 40]], 0.8],
    ['Q3 target unset: the annual target', [25, 50, null, 100], [[9, 60]], 0.6],
    ['latest realization counts', [25, 50, 75, 100], [[3, 10], [6, 50]], 1],
    ['capped at 1.5', [10, 50, 75, 100], [[3, 40]], ACHIEVEMENT_CAP],
    ['Q1 target 0 with a realization: met above', [0, 50, 75, 100], [[3, 5]], ACHIEVEMENT_CAP],
    ['no realization: null', [25, 50, 75, 100], [], null],
  ] as Array<[string, Array<number | null> | null, Array<[number, number]>, number | null]>)('%s', (_, quarterlyTargets, realizations, expected) => {
    expect(indicatorAchievement(ind({ quarterlyTargets, realizations }))).toBe(expected);
  });

  it('LOWER_IS_BETTER: target / realized, a realized 0 gives the cap, quarterly targets too', () => {
    expect(indicatorAchievement(ind({ direction: LOWER, target: 12, quarterlyTargets: [3, 6, 9, 12], realizations: [[6, 4]] }))).toBe(1.5);
    expect(indicatorAchievement(ind({ direction: LOWER, target: 12, quarterlyTargets: [3, 6, 9, 12], realizations: [[6, 12]] }))).toBe(0.5);
    expect(indicatorAchievement(ind({ direction: LOWER, target: 12, realizations: [[6, 0]] }))).toBe(ACHIEVEMENT_CAP);
  });

  it('a qualitative indicator is rated, never computed', () => {
    expect(indicatorAchievement(ind({ qualitative: true, target: null, direction: null, realizations: [[3, 0]] }))).toBeNull();
    expect(countedAchievement(ind({ qualitative: true, target: null, direction: null }), 9)).toBeNull();
  });

  it('targetAt falls back to the annual target', () => {
    expect(targetAt({ target: 100, quarterlyTargets: [null, 40, null, null] }, 4)).toBe(40);
    expect(targetAt({ target: 100, quarterlyTargets: [null, 40, null, null] }, 7)).toBe(100);
  });
});

describe('passed periods and missing realizations (DOMAIN.md: no realization counts as 0)', () => {
  it.each([
    // period, asOf, passed month
    [{ start: '2026-01-01', end: '2026-12-31' }, '2026-02-10', 0],
    [{ start: '2026-01-01', end: '2026-12-31' }, '2026-04-01', 3],
    [{ start: '2026-01-01', end: '2026-12-31' }, '2026-12-03', 9],
    [{ start: '2026-01-01', end: '2026-12-31' }, '2027-01-05', 12],
    [{ start: '2026-01-01', end: '2026-06-30' }, '2026-12-03', 6], // closed by a transfer: its period is over
    [{ start: '2026-07-01', end: '2026-12-31' }, '2026-08-15', 0], // opened by the transfer: no quarter of it passed yet
    [{ start: '2026-05-14', end: '2026-12-31' }, '2026-07-02', 6],
    [{ start: '2026-05-14', end: '2026-12-31' }, '2026-06-02', 0],
  ])('%o on %s → month %p', (period, asOf, expected) => {
    expect(passedMonthOf(period, new Date(`${asOf}T05:00:00Z`))).toBe(expected);
  });

  it.each([
    // realizations, passed month, counted achievement
    ['none, nothing passed: not counted', [], 0, null],
    ['none, Q1 passed: counts 0', [], 3, 0],
    ['only January, Q2 passed: counts 0 (nothing for the passed quarter)', [[1, 30]], 6, 0],
    ['April recorded, Q2 passed: counts', [[4, 40]], 6, 0.4],
    ['July recorded while Q2 is the last passed: the later value counts', [[7, 70]], 6, 0.7],
    ['early realization before any quarter passed', [[1, 10]], 0, 0.1],
  ] as Array<[string, Array<[number, number]>, number, number | null]>)('%s', (_, realizations, passed, expected) => {
    expect(countedAchievement(ind({ realizations }), passed)).toBe(expected);
  });

  it('a plan counts every quantitative indicator whose period passed: one over-achiever no longer rates a five-indicator plan 1.5', () => {
    const plan = [ind({ realizations: [[9, 400]] }), ind(), ind(), ind(), ind(), ind({ qualitative: true, target: null, direction: null })];
    expect(planAchievementOf(plan, 9)).toBe(0.3); // (1.5 + 0 + 0 + 0 + 0) / 5
    expect(planAchievementOf(plan, 0)).toBe(1.5); // before any quarter passed only measured ones count
    expect(planAchievementOf([ind()], 0)).toBeNull();
  });
});
