/**
 * Cascading (DOMAIN.md, "The performance plan"): a goal may serve one of the direct supervisor's
 * goals of the same year; it may not point anywhere else.
 */
export interface CascadeCandidate {
  /** The parent goal as found, or null when no goal has that id. */
  parent: { planEmployeeId: string; planYear: number } | null;
  parentGoalId: string;
  employeeId: string;
  /** The employee's direct supervisor, or null when the records name none. */
  directSupervisorId: string | null;
  /** Further up the chain, for a clearer refusal. */
  supervisorChain: string[];
  year: number;
}

/** Why parentGoalId may not be used, or null when it may. */
export function cascadeProblem(c: CascadeCandidate): string | null {
  if (!c.parent) return `no goal has id ${c.parentGoalId}`;
  if (!c.directSupervisorId) return 'the employee has no direct supervisor in the records, so their goals cannot cascade';
  if (c.parent.planEmployeeId === c.employeeId) return 'a goal cannot serve a goal of the same employee\'s plan';
  if (c.parent.planEmployeeId !== c.directSupervisorId) {
    return c.supervisorChain.includes(c.parent.planEmployeeId)
      ? 'the goal belongs to an indirect supervisor; a goal may serve only a goal of the direct supervisor'
      : 'the goal does not belong to the employee\'s direct supervisor';
  }
  if (c.parent.planYear !== c.year) return `the goal is in the supervisor's ${c.parent.planYear} plan; this plan is for ${c.year}`;
  return null;
}
