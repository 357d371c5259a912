import type { RelationFacts } from '@kinerja/subgraph-kit';
import { actorProblem, type PlanAction } from './plan-flow';

/**
 * Who may read and manage plans (CONTRACT.md, "Who may do what"; the goals rows of
 * packages/security-tests' authorization matrix). Pure rules: null when the caller may, else why not.
 */

/** How the caller stands to the employee whose plan it is. */
export interface PlanFacts extends RelationFacts {
  /** The employee has a direct supervisor in the records. */
  employeeHasSupervisor: boolean;
  /** The plan's employee is above the caller in the caller's own chain (their goals cascade from it). */
  aboveInOwnChain: boolean;
}

/**
 * Reading a plan: ADMIN and ANALYST all; the employee; supervisors above them; heads of their unit
 * or a unit above it; and an employee reads the plans above them in their own chain, because
 * their goals cascade from those (DOMAIN.md). A colleague's plan stays hidden.
 */
export function readsPlans(f: PlanFacts): string | null {
  return f.self || f.admin || f.analyst || f.supervisor || f.unitHead || f.aboveInOwnChain ? null
    : 'Only the employee, their supervisors, the heads of their unit, ADMIN and ANALYST may read this plan';
}

/**
 * Downloading uploaded evidence (DOMAIN.md's evidence rule): the employee, supervisors above them,
 * heads of their unit and ADMIN; not ANALYST, not colleagues, not the chain below.
 */
export function readsEvidence(f: RelationFacts): string | null {
  return f.self || f.admin || f.supervisor || f.unitHead ? null
    : 'Only the employee, their supervisors, the heads of their unit and ADMIN may read this evidence';
}

/**
 * Managing a plan (drafting goals and indicators, attachments, realizations): the employee, a
 * supervisor above them, or ADMIN. ANALYST reads only; a unit head reads only unless also in the chain.
 */
export function managesPlans(what = 'change this plan'): (f: RelationFacts) => string | null {
  return (f) => {
    if (f.self || f.supervisor || f.admin) return null;
    if (f.analyst) return `ANALYST is read-only: cannot ${what}`;
    return `Only the employee, a supervisor above them or ADMIN may ${what}`;
  };
}

/**
 * The direct supervisor's acts (ekspektasi khusus pimpinan, umpan balik; PermenPANRB 6/2022);
 * ADMIN only for someone without a supervisor in the records (the Sekda, whose appraiser is the Bupati).
 */
export function actsAsDirectSupervisor(f: PlanFacts): string | null {
  if (f.directSupervisor) return null;
  if (f.admin && !f.employeeHasSupervisor) return null;
  return f.self ? 'an employee cannot do this on their own plan; their direct supervisor does' : 'only the employee\'s direct supervisor may do this';
}

/** Submitting, approving, returning and reopening (plan-flow.ts, actorProblem). */
export function movesPlan(action: PlanAction): (f: PlanFacts) => string | null {
  return (f) => actorProblem(action, f);
}
