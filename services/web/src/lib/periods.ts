/** Today's date in the regency (Asia/Jakarta, WIB), as the graph writes dates: "2026-12-03". */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The realization periods of today in Kabupaten Bungo (WIB), as the graph writes them ("2026-07",
 * "2026-Q3"): not the device's zone nor the web server's (UTC), which after 17:00 UTC on a month's
 * last day would name the month before, and the server's render of the home screen would not be
 * the page the browser draws (server/serve.mjs asks the same year).
 */
export function currentPeriods(today = new Date()): { month: string; quarter: string; year: number } {
  const [y, mm] = jakartaToday(today).split('-');
  const year = Number(y);
  const m = Number(mm);
  return { year, month: `${year}-${String(m).padStart(2, '0')}`, quarter: `${year}-Q${Math.ceil(m / 3)}` };
}

/** The periods a year offers for a realization: twelve months then four quarters. */
export function periodsOf(year: number): string[] {
  return [
    ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
    ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
  ];
}

/** Goals without a realization for this month or this quarter: what the home screen asks for. */
export function dueThisPeriod<G extends { realizations: Array<{ period: string }> }>(goals: G[], today = new Date()): G[] {
  const { month, quarter } = currentPeriods(today);
  return goals.filter((g) => !g.realizations.some((r) => r.period === month || r.period === quarter));
}
