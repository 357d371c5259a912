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

/**
 * Reward decisions, awards and sanctions of one employee (CONTRACT.md, "Who may do what"): the
 * employee, the heads of their unit or a unit above it, ADMIN, and ANALYST (who reads across units).
 */
export function readsRecords(what: string): (f: RelationFacts) => string | null {
  return (f) => (f.self || f.admin || f.analyst || f.unitHead ? null
    : `${what} are visible only to the employee, the heads of their unit, ADMIN and ANALYST`);
}

/** Improvement plans of one employee: as other records, and the supervisors up the employee's chain (the owner among them). */
export function readsImprovementPlans(f: RelationFacts): string | null {
  return f.self || f.admin || f.analyst || f.unitHead || f.supervisor ? null
    : 'Improvement plans are visible only to the employee, their supervisors, the heads of their unit, ADMIN and ANALYST';
}

/** How the caller stands to the units a list of records asks for. */
export interface UnitListFacts extends RoleFacts {
  /** The caller heads the unit the list names, or a unit above it. */
  headsNamedUnit: boolean;
  /** The caller heads at least one unit. */
  headsSomeUnit: boolean;
}

/** One unit's records (with its sub-units): its heads, ADMIN and ANALYST. */
export function listsRecordsOfUnit(what: string): (f: UnitListFacts) => string | null {
  return (f) => (f.admin || f.analyst || f.headsNamedUnit ? null : `${what} of a unit are visible only to its heads, ADMIN and ANALYST`);
}

/** Records across units, no unit named: ADMIN and ANALYST (every unit) and unit heads (the units they head, with their sub-units). */
export function listsRecordsAcrossUnits(what: string): (f: UnitListFacts) => string | null {
  return (f) => (f.admin || f.analyst || f.headsSomeUnit ? null : `${what} are listed only for unit heads, ADMIN and ANALYST; see your own on Employee`);
}
