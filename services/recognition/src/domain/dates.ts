/** Kabupaten Bungo keeps WIB (UTC+7): "today" and policy effective dates are calendar days there. */
const WIB = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The WIB calendar date (YYYY-MM-DD) of an instant. */
export function wibDate(instant: Date | string = new Date()): string {
  return WIB.format(typeof instant === 'string' ? new Date(instant) : instant);
}
