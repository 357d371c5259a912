/**
 * Every PNS is owed at least 20 JP of competency development a year (PP 11/2017 art. 203, kept by
 * PP 17/2020). A PPPK is given at most 24 JP per contract year (PP 49/2018 art. 40(1)): a ceiling,
 * not a requirement. PPPK owe no minimum by national rule, so their requiredHours is 0 unless the
 * regency sets one by its own regulation (PPPK_REQUIRED_HOURS, at most the ceiling); a unit's
 * compliance counts PNS only either way (DOMAIN.md, "Competency development").
 */
export const PNS_REQUIRED_HOURS = 20;
export const DEFAULT_PPPK_REQUIRED_HOURS = 0;
export const PPPK_CEILING_HOURS = 24;

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

export interface ContractYearHoursShape {
  startsOn: string;
  endsOn: string;
  fromContract: boolean;
  completedHours: number;
  countedHours: number;
  remainingHours: number;
}

export interface LearningHoursShape {
  year: number;
  completedHours: number;
  requiredHours: number;
  met: boolean;
  ceilingHours: number | null;
  contractYears: ContractYearHoursShape[];
}

/** `ceiling` and `contractYears` for a PPPK; a PNS has neither. */
export function learningHours(
  year: number, completedHours: number, required: number,
  pppk?: { ceiling: number; years: Array<Term & { fromContract: boolean; completed: number; counted: number }> },
): LearningHoursShape {
  return {
    year, completedHours, requiredHours: required, met: completedHours >= required,
    ceilingHours: pppk ? pppk.ceiling : null,
    contractYears: pppk
      ? pppk.years.map((y) => ({
        startsOn: y.startsOn, endsOn: y.endsOn, fromContract: y.fromContract, completedHours: y.completed, countedHours: y.counted,
        remainingHours: Math.max(0, pppk.ceiling - y.counted),
      }))
      : [],
  };
}

/** Share of employees who met their requirement; 0 for a unit without active employees. */
export function complianceRatio(employees: number, met: number): number {
  return employees === 0 ? 0 : Math.round((met / employees) * 10_000) / 10_000;
}

/** A date range, both ends inclusive (YYYY-MM-DD). */
export interface Term {
  startsOn: string;
  endsOn: string;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = y + years;
  const leap = (t % 4 === 0 && t % 100 !== 0) || t % 400 === 0;
  return iso(t, m, m === 2 && d === 29 && !leap ? 28 : d);
}

function dayBefore(date: string): string {
  const x = new Date(`${date}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() - 1);
  return x.toISOString().slice(0, 10);
}

/** The contract years of one contract: a year from its start, the last cut at its end. */
function yearsOfContract(c: Term): Term[] {
  const out: Term[] = [];
  for (let k = 0; k < 50; k++) {
    const startsOn = addYears(c.startsOn, k);
    if (startsOn > c.endsOn) break;
    const next = dayBefore(addYears(c.startsOn, k + 1));
    out.push({ startsOn, endsOn: next < c.endsOn ? next : c.endsOn });
  }
  return out;
}

/**
 * The PPPK contract year a date falls in (PP 49/2018 art. 40(1): 24 JP per contract year). Without a
 * contract on record covering the date, the calendar year stands in for it.
 */
export function contractYearOf(date: string, contracts: readonly Term[]): Term & { fromContract: boolean } {
  for (const c of contracts) {
    if (c.startsOn <= date && date <= c.endsOn) {
      const year = yearsOfContract(c).find((y) => y.startsOn <= date && date <= y.endsOn);
      if (year) return { ...year, fromContract: true };
    }
  }
  const y = Number(date.slice(0, 4));
  return { startsOn: iso(y, 1, 1), endsOn: iso(y, 12, 31), fromContract: false };
}

/** The contract years that overlap a calendar year, oldest first; the calendar year itself when none does. */
export function contractYearsIn(year: number, contracts: readonly Term[]): Array<Term & { fromContract: boolean }> {
  const [from, to] = [iso(year, 1, 1), iso(year, 12, 31)];
  const years = contracts.flatMap(yearsOfContract).filter((y) => y.startsOn <= to && y.endsOn >= from)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return years.length > 0 ? years.map((y) => ({ ...y, fromContract: true })) : [{ startsOn: from, endsOn: to, fromContract: false }];
}

/**
 * Why enrolling a PPPK in an activity of `activityHours` JP would pass the 24 JP ceiling of the
 * contract year, given the JP already counted in it (completed, or enrolled and still to come); null when it fits.
 */
export function ceilingProblem(counted: number, activityHours: number, year: Term, ceiling = PPPK_CEILING_HOURS): { message: string; messageId: string } | null {
  if (counted + activityHours <= ceiling) return null;
  return {
    message: `a PPPK is given at most ${ceiling} JP per contract year (PP 49/2018 art. 40(1)): ${counted} JP are already counted in the contract year `
      + `${year.startsOn} to ${year.endsOn}, and this activity's ${activityHours} JP would make ${counted + activityHours}`,
    messageId: `PPPK paling banyak ${ceiling} JP per tahun masa perjanjian kerja: sudah ${counted} JP pada ${year.startsOn} s.d. ${year.endsOn}, `
      + `ditambah ${activityHours} JP kegiatan ini menjadi ${counted + activityHours} JP`,
  };
}
