import type { RelationFacts, RoleFacts } from '@kinerja/subgraph-kit';

/**
 * Who may do what in personnel (CONTRACT.md, "Who may do what"; the rows of
 * packages/security-tests' authorization matrix). Pure rules over relation facts: null when the
 * caller may, else why not.
 */

/** Personnel records, units, contracts and roles are kept by ADMIN (BKPSDM); the employee may not edit their own. */
export function keepsRecords(f: RoleFacts): string | null {
  return f.admin ? null : 'Personnel records are kept by ADMIN (BKPSDM)';
}

/** Birth dates and work contracts: ADMIN, the person and their supervisor chain. */
export function readsPersonalRecord(f: Pick<RelationFacts, 'admin' | 'self' | 'supervisor'>): string | null {
  return f.admin || f.self || f.supervisor ? null : 'visible only to ADMIN, the employee and their supervisors';
}

/** Granted roles: ADMIN and the employee themself (supervisors see their people's records, not their rights). */
export function readsRoles(f: Pick<RelationFacts, 'admin' | 'self'>): string | null {
  return f.admin || f.self ? null : 'roles are visible only to ADMIN and the employee themself';
}

/** "My supervisor is wrong" requests are listed and resolved by ADMIN (BKPSDM), who keeps the records. */
export function handlesSupervisorCorrections(f: RoleFacts): string | null {
  return f.admin ? null : 'supervisor correction requests are listed and resolved by ADMIN (BKPSDM) only';
}
