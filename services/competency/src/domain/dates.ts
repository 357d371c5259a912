/** Kabupaten Bungo (Jambi) keeps Western Indonesia Time: "today" for enrollment windows is WIB. */
export const REGENCY_TIME_ZONE = 'Asia/Jakarta';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: REGENCY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today as YYYY-MM-DD in the regency's time zone. */
export function regencyToday(now: Date = new Date()): string {
  return formatter.format(now);
}
