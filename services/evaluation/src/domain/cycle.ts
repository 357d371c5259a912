import { PeriodType } from './enums';

export interface CycleInput {
  name: string;
  year: number;
  periodType: PeriodType;
  period?: number | null;
  opensOn: string;
  closesOn: string;
}

export type CycleProblem = { field: string; rule: string };

/** The cycle's period rule: MONTHLY 1-12, QUARTERLY 1-4, ANNUAL none (CONTRACT.md, EvaluationCycle). */
export function cycleProblems(input: CycleInput): CycleProblem[] {
  const problems: CycleProblem[] = [];
  const period = input.period ?? null;
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.push({ field: 'year', rule: 'must be a year between 2000 and 2100' });
  if (input.periodType === PeriodType.ANNUAL && period !== null) problems.push({ field: 'period', rule: 'must be empty for an ANNUAL cycle' });
  if (input.periodType === PeriodType.MONTHLY && (period === null || period < 1 || period > 12)) problems.push({ field: 'period', rule: 'must be a month 1-12 for a MONTHLY cycle' });
  if (input.periodType === PeriodType.QUARTERLY && (period === null || period < 1 || period > 4)) problems.push({ field: 'period', rule: 'must be a quarter 1-4 for a QUARTERLY cycle' });
  if (input.closesOn < input.opensOn) problems.push({ field: 'closesOn', rule: 'must be on or after opensOn' });
  if (!input.name.trim()) problems.push({ field: 'name', rule: 'must not be empty' });
  return problems;
}
