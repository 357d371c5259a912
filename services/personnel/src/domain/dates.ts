/** Kabupaten Bungo (Jambi) keeps Western Indonesia Time: "today" for NIPs and contracts is WIB. */
export const REGENCY_TIME_ZONE = 'Asia/Jakarta';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: REGENCY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today as YYYY-MM-DD in the regency's time zone. */
export function regencyToday(now: Date = new Date()): string {
  return formatter.format(now);
}

/** A YYYY-MM-DD date moved by whole days (UTC arithmetic: dates carry no time of day). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A YYYY-MM-DD date moved by whole years; 29 February lands on 28 February in a common year
 * (the contract then ends a day early rather than spilling into March).
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
