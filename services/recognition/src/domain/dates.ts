/** Kabupaten Bungo keeps WIB (UTC+7): "today" and policy effective dates are calendar days there. */
const WIB = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The WIB calendar date (YYYY-MM-DD) of an instant. */
export function wibDate(instant: Date | string = new Date()): string {
  return WIB.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A calendar date plus whole months (YYYY-MM-DD); the day is clamped to the target month's length (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A calendar date plus days (may be negative). */
export function addDays(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
