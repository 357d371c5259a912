import { monthlyAllowance, type AllowanceDecision } from '../../src/domain/allowance';
import { PeriodType, SanctionType } from '../../src/domain/enums';

const annual: AllowanceDecision = { periodType: PeriodType.ANNUAL, period: null, allowancePercent: 100, predicate: 'BAIK', policyVersion: 1 };
const cut9 = { type: SanctionType.TPP_CUT_9_MONTHS, startsOn: '2026-03-01', endsOn: '2026-11-30' };

describe('monthlyAllowance: the annual predicate\'s percent, less 25 percentage points in a TPP cut\'s months (PP 94/2021 art. 8(3))', () => {
  it.each([
    [1, 100], [2, 100], [3, 75], [4, 75], [7, 75], [11, 75], [12, 100],
  ])('month %d: %d%%', (month, percent) => {
    expect(monthlyAllowance(2026, month, [annual], [cut9]).percent).toBe(percent);
  });

  it('cuts exactly nine months of a 9-month cut and says why', () => {
    const months = Array.from({ length: 12 }, (_, i) => monthlyAllowance(2026, i + 1, [annual], [cut9]));
    expect(months.filter((m) => m.percent === 75)).toHaveLength(9);
    expect(months[2]!.reasons).toEqual([
      'Allowance (TPP): the 2026 annual predicate BAIK earns 100% (policy version 1).',
      'Discipline case (PP 94/2021 art. 8(3)): TPP_CUT_9_MONTHS from 2026-03-01 to 2026-11-30 cuts 25 percentage points of the allowance this month (100% → 75%).',
    ]);
  });

  it('crosses a year end, never goes below 0, and ignores other sanction types', () => {
    const cut = { type: SanctionType.TPP_CUT_6_MONTHS, startsOn: '2026-10-01', endsOn: '2027-03-31' };
    expect(monthlyAllowance(2027, 3, [annual], [cut]).percent).toBe(75);
    expect(monthlyAllowance(2027, 4, [annual], [cut]).percent).toBe(100);
    const low = { ...annual, allowancePercent: 25, predicate: 'SANGAT_KURANG' };
    expect(monthlyAllowance(2026, 5, [low], [cut9, { ...cut9, type: SanctionType.TPP_CUT_12_MONTHS }]).percent).toBe(0);
    expect(monthlyAllowance(2026, 5, [annual], [{ type: SanctionType.DEMOTION_12_MONTHS, startsOn: '2026-01-01', endsOn: '2026-12-31' }]).percent).toBe(100);
  });

  it('falls back to the month\'s or the quarter\'s decision, else earns nothing and says so', () => {
    const monthly: AllowanceDecision = { periodType: PeriodType.MONTHLY, period: 5, allowancePercent: 75, predicate: 'BUTUH_PERBAIKAN', policyVersion: 2 };
    const quarterly: AllowanceDecision = { periodType: PeriodType.QUARTERLY, period: 2, allowancePercent: 50, predicate: 'KURANG', policyVersion: 2 };
    expect(monthlyAllowance(2026, 5, [monthly, quarterly], []).percent).toBe(75);
    expect(monthlyAllowance(2026, 6, [monthly, quarterly], []).percent).toBe(50);
    expect(monthlyAllowance(2026, 6, [annual, monthly, quarterly], []).percent).toBe(100);
    expect(monthlyAllowance(2026, 8, [], [])).toEqual({ year: 2026, month: 8, percent: 0, reasons: ['Allowance (TPP): no predicate is decided for 2026-08 yet, so no percent is earned.'] });
  });
});
