import { PeriodType } from './enums';
import { isTppCut } from './sanction-flow';
import type { SanctionType } from './enums';

/**
 * The month's performance allowance (TPP) percent (DOMAIN.md, "Recognition"): the annual predicate's
 * percent under the policy of that year (the year's ACTIVE annual decision), else the month's or the
 * quarter's decision; less 25 percentage points of the full allowance in exactly the months an
 * imposed moderate sanction cuts it (PP 94/2021 art. 8(3): "pemotongan tunjangan kinerja sebesar
 * 25%"), never below 0.
 */

export const TPP_CUT_POINTS = 25;

export interface AllowanceDecision {
  periodType: PeriodType;
  period: number | null;
  allowancePercent: number;
  predicate: string;
  policyVersion: number;
}

export interface AllowanceCut {
  type: SanctionType | null;
  startsOn: string | null;
  endsOn: string | null;
}

export interface MonthlyAllowanceOutcome {
  year: number;
  month: number;
  percent: number;
  reasons: string[];
}

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

export function monthlyAllowance(year: number, month: number, decisions: readonly AllowanceDecision[], cuts: readonly AllowanceCut[]): MonthlyAllowanceOutcome {
  const reasons: string[] = [];
  const label = monthKey(year, month);
  const annual = decisions.find((d) => d.periodType === PeriodType.ANNUAL);
  const monthly = decisions.find((d) => d.periodType === PeriodType.MONTHLY && d.period === month);
  const quarterly = decisions.find((d) => d.periodType === PeriodType.QUARTERLY && d.period === Math.ceil(month / 3));
  const base = annual ?? monthly ?? quarterly;
  let percent = 0;
  if (base) {
    percent = base.allowancePercent;
    const from = base === annual ? `the ${year} annual predicate` : base === monthly ? `the ${label} monthly predicate` : `the ${year}-Q${Math.ceil(month / 3)} quarterly predicate`;
    reasons.push(`Allowance (TPP): ${from} ${base.predicate} earns ${base.allowancePercent}% (policy version ${base.policyVersion}).`);
  } else {
    reasons.push(`Allowance (TPP): no predicate is decided for ${label} yet, so no percent is earned.`);
  }
  for (const cut of cuts) {
    if (!isTppCut(cut.type) || !cut.startsOn || !cut.endsOn) continue;
    if (cut.startsOn.slice(0, 7) <= label && label <= cut.endsOn.slice(0, 7)) {
      const before = percent;
      percent = Math.max(0, percent - TPP_CUT_POINTS);
      reasons.push(`Discipline case (PP 94/2021 art. 8(3)): ${cut.type} from ${cut.startsOn} to ${cut.endsOn} cuts ${TPP_CUT_POINTS} percentage points of the allowance this month (${before}% → ${percent}%).`);
    }
  }
  return { year, month, percent, reasons };
}
