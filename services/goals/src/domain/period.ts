/**
 * Realization periods (CONTRACT.md): a month "2026-03" or a quarter "2026-Q1", within the plan's year.
 * A goal keeps one granularity, so "the latest realization" is never ambiguous between 2026-03 and 2026-Q1.
 */
export type Granularity = 'MONTH' | 'QUARTER';

export interface Period {
  value: string;
  year: number;
  granularity: Granularity;
  /** 1..12 for a month, 1..4 for a quarter. */
  index: number;
  /** The month (1..12) the period ends in: orders realizations in time. */
  endMonth: number;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; rule: string };

const FORMAT = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

export function parsePeriod(raw: string, planYear: number): PeriodResult {
  const m = FORMAT.exec(raw.trim());
  if (!m) return { ok: false, rule: `"${raw}" is not a period: write a month as YYYY-MM (2026-03) or a quarter as YYYY-Qn (2026-Q1)` };
  const year = Number(m[1]);
  if (year !== planYear) return { ok: false, rule: `${raw} lies outside the plan's year ${planYear}` };
  if (m[2]) {
    const month = Number(m[2]);
    return { ok: true, period: { value: `${year}-${m[2]}`, year, granularity: 'MONTH', index: month, endMonth: month } };
  }
  const quarter = Number(m[3]);
  return { ok: true, period: { value: `${year}-Q${quarter}`, year, granularity: 'QUARTER', index: quarter, endMonth: quarter * 3 } };
}

export function granularityOf(period: string): Granularity {
  return period.includes('Q') ? 'QUARTER' : 'MONTH';
}

/** The first month (1..12) of a period. */
export function startMonthOf(p: Pick<Period, 'granularity' | 'index'>): number {
  return p.granularity === 'MONTH' ? p.index : (p.index - 1) * 3 + 1;
}

/**
 * Whether a realization period overlaps the plan's period (DOMAIN.md: each plan covers its own
 * period; a plan closed by a transfer on 2026-05-14 still takes 2026-05 and 2026-Q2).
 */
export function periodOverlapsPlan(p: Pick<Period, 'granularity' | 'index' | 'endMonth'>, plan: { start: string; end: string }): boolean {
  const first = Number(plan.start.slice(5, 7));
  const last = Number(plan.end.slice(5, 7));
  return startMonthOf(p) <= last && p.endMonth >= first;
}
