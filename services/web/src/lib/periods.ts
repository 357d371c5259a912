/** The realization periods of today, as the graph writes them ("2026-07", "2026-Q3"). */
export function currentPeriods(today = new Date()): { month: string; quarter: string; year: number } {
  const year = today.getFullYear();
  const m = today.getMonth() + 1;
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
