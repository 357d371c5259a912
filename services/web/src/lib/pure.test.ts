import { describe, expect, test } from 'vitest';
import { groupByPlanState } from '../routes/team/teamStates';
import { dueThisPeriod, periodsOf } from './periods';
import { safeHttpUrl } from './urls';

describe('safeHttpUrl: evidence links are only ever http(s)', () => {
  test.each([
    ['https://drive.example.go.id/laporan.pdf', 'https://drive.example.go.id/laporan.pdf'],
    ['http://intranet/x', 'http://intranet/x'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['not a url', null],
    ['', null],
    [null, null],
  ])('%s', (raw, expected) => expect(safeHttpUrl(raw)).toBe(expected));
});

describe('periods', () => {
  test('a year offers its twelve months and four quarters in the graph\'s format', () => {
    expect(periodsOf(2026)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });
  test('due: goals without a realization this month or this quarter', () => {
    const goals = [
      { id: 'a', realizations: [{ period: '2026-12' }] },
      { id: 'b', realizations: [{ period: '2026-Q4' }] },
      { id: 'c', realizations: [{ period: '2026-11' }] },
      { id: 'd', realizations: [] },
    ];
    expect(dueThisPeriod(goals, new Date('2026-12-03T08:00:00')).map((g) => g.id)).toEqual(['c', 'd']);
  });
});

describe('the supervisor\'s four states', () => {
  test('no plan, draft (returned counts as draft), submitted, approved', () => {
    const p = (id: string, status: string | null) => ({ id, performancePlan: status ? { status } : null });
    const g = groupByPlanState([p('1', null), p('2', 'DRAFT'), p('3', 'RETURNED'), p('4', 'SUBMITTED'), p('5', 'APPROVED')]);
    expect(Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v.map((x) => x.id)]))).toEqual({ NONE: ['1'], DRAFT: ['2', '3'], SUBMITTED: ['4'], APPROVED: ['5'] });
  });
});
