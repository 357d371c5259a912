import { GoalKind, PlanStatus } from '../../src/domain/enums';
import { actorProblem, goalsEditable, nextStatus, submitProblem } from '../../src/domain/plan-flow';
import { transferSplit } from '../../src/domain/transfer';
import { periodOverlapsPlan } from '../../src/domain/period';

describe('submitting needs a main RHK (PermenPANRB 6/2022)', () => {
  it.each([
    [[], /at least one goal/],
    [[{ kind: GoalKind.TAMBAHAN, indicators: 1 }], /at least one UTAMA/],
    [[{ kind: GoalKind.UTAMA, indicators: 0 }], /at least one indicator/],
    [[{ kind: GoalKind.UTAMA, indicators: 2 }, { kind: GoalKind.TAMBAHAN, indicators: 1 }], null],
  ] as Array<[Array<{ kind: GoalKind; indicators: number }>, RegExp | null]>)('%j', (goals, expected) => {
    const problem = submitProblem(goals);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });
});

describe('return and resubmit', () => {
  it.each([
    ['RETURN', PlanStatus.SUBMITTED, PlanStatus.RETURNED],
    ['SUBMIT', PlanStatus.RETURNED, PlanStatus.SUBMITTED],
    ['SUBMIT', PlanStatus.DRAFT, PlanStatus.SUBMITTED],
  ] as const)('%s from %s → %s', (action, from, to) => {
    expect(nextStatus(action, from)).toEqual({ ok: true, status: to });
  });

  it.each([PlanStatus.DRAFT, PlanStatus.APPROVED, PlanStatus.RETURNED])('RETURN from %s is refused', (from) => {
    expect(nextStatus('RETURN', from).ok).toBe(false);
  });

  it('a returned plan is editable; only the direct supervisor returns it', () => {
    expect(goalsEditable(PlanStatus.RETURNED)).toBe(true);
    const base = { admin: false, self: false, directSupervisor: false, supervisor: false, employeeHasSupervisor: true };
    expect(actorProblem('RETURN', { ...base, directSupervisor: true, supervisor: true })).toBeNull();
    expect(actorProblem('RETURN', { ...base, self: true })).toMatch(/cannot return their own plan/);
    expect(actorProblem('RETURN', { ...base, supervisor: true })).toMatch(/direct supervisor/);
  });
});

describe('a transfer splits the plan (DOMAIN.md)', () => {
  it.each([
    ['2026-07-01', { closedEnd: '2026-06-30', newStart: '2026-07-01', newEnd: '2026-12-31' }],
    ['2026-03-01', { closedEnd: '2026-02-28', newStart: '2026-03-01', newEnd: '2026-12-31' }],
    ['2026-01-01', null], // on the plan's first day: nothing to close
    ['2027-02-01', null],
  ])('on %s', (date, expected) => {
    expect(transferSplit({ periodStart: '2026-01-01', periodEnd: '2026-12-31' }, date)).toEqual(expected);
  });

  it('realization periods must overlap the plan\'s period', () => {
    const closed = { start: '2026-01-01', end: '2026-06-30' };
    expect(periodOverlapsPlan({ granularity: 'MONTH', index: 6, endMonth: 6 }, closed)).toBe(true);
    expect(periodOverlapsPlan({ granularity: 'MONTH', index: 7, endMonth: 7 }, closed)).toBe(false);
    expect(periodOverlapsPlan({ granularity: 'QUARTER', index: 3, endMonth: 9 }, { start: '2026-07-01', end: '2026-12-31' })).toBe(true);
    expect(periodOverlapsPlan({ granularity: 'QUARTER', index: 2, endMonth: 6 }, { start: '2026-07-01', end: '2026-12-31' })).toBe(false);
  });
});
