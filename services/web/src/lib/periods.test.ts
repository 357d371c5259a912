import { describe, expect, test } from 'vitest';
import { currentPeriods, dueThisPeriod } from './periods';

describe('currentPeriods: the periods of today in Kabupaten Bungo (WIB), whatever the clock\'s zone', () => {
  test('after 17:00 UTC on a month\'s last day it is already the next month (and year) in Bungo', () => {
    expect(currentPeriods(new Date('2026-12-31T17:00:00Z'))).toEqual({ year: 2027, month: '2027-01', quarter: '2027-Q1' });
    expect(currentPeriods(new Date('2026-09-30T18:30:00Z'))).toEqual({ year: 2026, month: '2026-10', quarter: '2026-Q4' });
  });
  test('before 17:00 UTC it is still the same day', () => {
    expect(currentPeriods(new Date('2026-12-31T16:59:59Z'))).toEqual({ year: 2026, month: '2026-12', quarter: '2026-Q4' });
  });
  test('a goal with a realization for this month or this quarter is not due', () => {
    const now = new Date('2026-07-15T03:00:00Z');
    const goals = [{ id: 'a', realizations: [{ period: '2026-07' }] }, { id: 'b', realizations: [{ period: '2026-Q3' }] }, { id: 'c', realizations: [{ period: '2026-06' }] }];
    expect(dueThisPeriod(goals, now).map((g) => g.id)).toEqual(['c']);
  });
});
