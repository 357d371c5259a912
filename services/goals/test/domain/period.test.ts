import { parsePeriod } from '../../src/domain/period';

describe('realization periods', () => {
  it.each([
    ['2026-03', { value: '2026-03', granularity: 'MONTH', index: 3, endMonth: 3 }],
    ['2026-12', { value: '2026-12', granularity: 'MONTH', index: 12, endMonth: 12 }],
    ['2026-Q1', { value: '2026-Q1', granularity: 'QUARTER', index: 1, endMonth: 3 }],
    ['2026-Q4', { value: '2026-Q4', granularity: 'QUARTER', index: 4, endMonth: 12 }],
    [' 2026-07 ', { value: '2026-07', granularity: 'MONTH', index: 7, endMonth: 7 }],
  ])('reads %p', (raw, expected) => {
    const r = parsePeriod(raw, 2026);
    expect(r).toEqual({ ok: true, period: { year: 2026, ...expected } });
  });

  it.each([
    ['2026-13', /is not a period/],
    ['2026-00', /is not a period/],
    ['2026-Q5', /is not a period/],
    ['2026-3', /is not a period/],
    ['March 2026', /is not a period/],
    ['2026-q1', /is not a period/],
    ['2025-12', /lies outside the plan's year 2026/],
    ['2027-Q1', /lies outside the plan's year 2026/],
  ])('refuses %p', (raw, rule) => {
    const r = parsePeriod(raw, 2026);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rule).toMatch(rule);
  });
});
