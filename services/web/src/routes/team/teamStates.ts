/** The supervisor's four states of a team's SKP (WEB.md "Supervisor home"), as the graph reports them. */
export const TEAM_STATES = ['NONE', 'DRAFT', 'SUBMITTED', 'APPROVED'] as const;
export type TeamState = (typeof TEAM_STATES)[number];

export function groupByPlanState<T extends { performancePlan: { status: string } | null }>(people: T[]): Record<TeamState, T[]> {
  const out: Record<TeamState, T[]> = { NONE: [], DRAFT: [], SUBMITTED: [], APPROVED: [] };
  for (const p of people) {
    const s = p.performancePlan?.status;
    // A returned plan (RETURNED) is back with the employee: it counts as a draft.
    const state: TeamState = !s ? 'NONE' : s === 'SUBMITTED' ? 'SUBMITTED' : s === 'APPROVED' ? 'APPROVED' : 'DRAFT';
    out[state].push(p);
  }
  return out;
}

/** What waits for the supervisor: plans to review, evaluations still open, evaluations done. */
export function teamTodo(people: Array<{ performancePlan: { status: string } | null; latestEvaluation: { status: string } | null }>) {
  return {
    toReview: people.filter((p) => p.performancePlan?.status === 'SUBMITTED').length,
    toRate: people.filter((p) => p.latestEvaluation?.status === 'DRAFT').length,
    rated: people.filter((p) => p.latestEvaluation && p.latestEvaluation.status !== 'DRAFT').length,
  };
}

/** A name search that ignores case, accents and extra spaces ("siti  aminah" finds "Siti Aminah, S.Pd."). */
export function matchesName(name: string, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  const q = fold(query);
  return !q || fold(name).includes(q);
}
