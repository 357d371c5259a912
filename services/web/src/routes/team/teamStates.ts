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
