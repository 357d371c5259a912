/**
 * A transfer mid-year (DOMAIN.md, "The performance plan"): the plan covering the transfer date is
 * closed the day before it, and a new plan for the new position covers the transfer date to the end
 * of the plan's period. Dates are YYYY-MM-DD.
 */
export interface TransferSplit {
  /** The closed plan's new periodEnd. */
  closedEnd: string;
  /** The new plan's period. */
  newStart: string;
  newEnd: string;
}

export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The split for a transfer on `transferDate`, or null when the plan does not need one: the date lies
 * outside the plan's period, or on its first day (the plan already starts with the new position).
 */
export function transferSplit(plan: { periodStart: string; periodEnd: string }, transferDate: string): TransferSplit | null {
  if (transferDate <= plan.periodStart || transferDate > plan.periodEnd) return null;
  return { closedEnd: dayBefore(transferDate), newStart: transferDate, newEnd: plan.periodEnd };
}

/** The calendar date in Kabupaten Bungo (WIB, UTC+7) of an instant: the day a transfer took effect. */
export function localDateOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
