import type { RelationFacts, RoleFacts } from '@kinerja/subgraph-kit';

/**
 * Who may do what with learning records (CONTRACT.md, "Who may do what"; the competency rows of
 * packages/security-tests' authorization matrix). Pure rules: null when the caller may, else why not.
 */

/** BKPSDM keeps the competency catalogue. */
export function keepsCatalogue(f: RoleFacts): string | null {
  return f.admin ? null : 'This needs the role ADMIN';
}

/** How the caller stands to a learning activity's organizer unit. */
export interface OrganizerFacts extends RoleFacts {
  /** Heads the organizer unit or a unit above it. */
  headsOrganizer: boolean;
}

/** ADMIN and the heads of the organizer unit (or a unit above it) create activities. */
export function createsActivity(f: OrganizerFacts): string | null {
  return f.admin || f.headsOrganizer ? null : 'Only ADMIN or the head of the organizer unit may create a learning activity for it';
}

/** Attendance and completion are recorded by the organizer unit's head or ADMIN. */
export function runsActivity(f: OrganizerFacts): string | null {
  return f.admin || f.headsOrganizer ? null : 'Only the head of the organizer unit or ADMIN may record attendance or completion';
}

/** An employee enrolls themself; a supervisor above them enrolls them; ADMIN enrolls anyone. */
export function enrolls(f: RelationFacts): string | null {
  return f.self || f.supervisor || f.admin ? null : 'An employee enrolls themself; a supervisor enrolls their subordinates; ADMIN enrolls anyone';
}

/** Cancelling: the employee, a supervisor above them, the organizer unit's head or ADMIN. */
export function cancelsEnrollment(f: RelationFacts & OrganizerFacts): string | null {
  return f.self || f.supervisor || f.admin || f.headsOrganizer ? null
    : 'Only the employee, a supervisor above them, the head of the organizer unit or ADMIN may cancel this enrollment';
}

/**
 * A person's learning records: ADMIN, the employee, supervisors above them and heads of their unit
 * or one above it; ANALYST reads hours (an aggregate), not the enrollments with their scores.
 */
export function readsLearning(f: RelationFacts, what: 'hours' | 'enrollments'): string | null {
  if (f.self || f.admin || f.supervisor || f.unitHead) return null;
  if (what === 'hours' && f.analyst) return null;
  return `Only the employee, their supervisors, the heads of their unit${what === 'hours' ? ', ANALYST' : ''} and ADMIN may read their learning ${what}`;
}
