import type { RelationFacts, RoleFacts } from '@kinerja/subgraph-kit';

/**
 * Who may do what in recognition (CONTRACT.md, "Who may do what"; the recognition rows of
 * packages/security-tests' authorization matrix). Pure rules: null when the caller may, else why not.
 */

/** Reward policies, awards and sanction decisions are BKPSDM's (ADMIN). */
export function decidesRewards(f: RoleFacts): string | null {
  return f.admin ? null : 'This needs the role ADMIN';
}

/** PP 94/2021: a discipline case is opened by the direct superior or BKPSDM (ADMIN), never against oneself. */
export function opensDisciplineCase(f: RelationFacts): string | null {
  if (!f.admin && !f.directSupervisor) return 'Only ADMIN or the employee\'s direct superior may open a discipline case (PP 94/2021)';
  if (f.self) return 'Nobody opens a discipline case against themself';
  return null;
}

/** PP 94/2021 art. 27-28: the examination is recorded by the direct superior or ADMIN. */
export function recordsExamination(f: RelationFacts): string | null {
  return f.admin || f.directSupervisor ? null : 'Only ADMIN or the employee\'s direct superior may record an examination';
}

/** How the caller stands to an improvement plan. */
export interface PlanFacts extends RoleFacts {
  /** The caller owns the plan (the direct supervisor when it opened). */
  owner: boolean;
}

/** Targets and coaching sessions: the plan's owner only (PP 30/2019 art. 56). */
export function coachesPlan(f: PlanFacts): string | null {
  return f.owner ? null : 'Only the plan\'s owner (the direct supervisor) may do this';
}

/** Review steps: the owner (IMPROVED, RETEST) or ADMIN (the later steps); which outcome is whose is reviewCheck's. */
export function reviewsPlan(f: PlanFacts): string | null {
  return f.owner || f.admin ? null : 'Only the plan\'s owner (the direct supervisor) or ADMIN may review an improvement plan';
}
