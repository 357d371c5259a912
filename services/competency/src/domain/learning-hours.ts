/**
 * Every PNS is owed at least 20 JP of competency development a year (PP 11/2017 art. 203, kept by
 * PP 17/2020). PPPK's requirement is configurable (PPPK_REQUIRED_HOURS), 20 by default.
 */
export const PNS_REQUIRED_HOURS = 20;
export const DEFAULT_PPPK_REQUIRED_HOURS = 20;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function requiredHours(employmentType: 'PNS' | 'PPPK' | string | null | undefined, pppkRequiredHours: number): number {
  return employmentType === 'PPPK' ? pppkRequiredHours : PNS_REQUIRED_HOURS;
}

/** Null when the year is plausible, else the rule it breaks. */
export function yearProblem(year: number): string | null {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? null : `must be a year from ${MIN_YEAR} to ${MAX_YEAR}`;
}

/** [first day, first day of the next year): the half-open range a year's completions fall in. */
export function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year + 1}-01-01`];
}

export interface LearningHoursShape {
  year: number;
  completedHours: number;
  requiredHours: number;
  met: boolean;
}

export function learningHours(year: number, completedHours: number, required: number): LearningHoursShape {
  return { year, completedHours, requiredHours: required, met: completedHours >= required };
}

/** Share of employees who met their requirement; 0 for a unit without active employees. */
export function complianceRatio(employees: number, met: number): number {
  return employees === 0 ? 0 : Math.round((met / employees) * 10_000) / 10_000;
}
