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

/**
 * Printable QR codes of the citizen feedback page, one per unit (WEB.md, citizen page): BKPSDM (ADMIN) prints them for
 * every unit; a unit head for the unit they head and every unit below it, as far as a unit head reaches elsewhere
 * (CONTRACT.md "Who may do what": "the unit and its sub-units"; `unitHead` is the caller heading this unit or one above it).
 * Asked per unit: feedbackQrUnits lists the units it allows.
 */
export function printsFeedbackQr(f: Pick<RelationFacts, 'admin' | 'unitHead'>): string | null {
  return f.admin || f.unitHead ? null : 'QR codes of the citizen feedback page are printed by BKPSDM (ADMIN) and by the head of the unit or of a unit above it';
}

/**
 * The units whose QR codes the caller prints (printsFeedbackQr over each unit), in the order given: every unit for
 * ADMIN, the units the caller heads and their sub-units for a unit head, none for anyone else.
 */
export function feedbackQrUnitIds(
  f: { admin: boolean; employeeId: string | null },
  units: ReadonlyArray<{ id: string; parentId: string | null; headId: string | null }>,
): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const headsOrIsBelow = (unitId: string): boolean => {
    // Up the tree to the root; a cycle or a depth beyond any regency's stops it.
    let unit = byId.get(unitId);
    for (let depth = 0; unit && depth < 32; depth++) {
      if (f.employeeId !== null && unit.headId === f.employeeId) return true;
      unit = unit.parentId ? byId.get(unit.parentId) : undefined;
    }
    return false;
  };
  return units.filter((u) => printsFeedbackQr({ admin: f.admin, unitHead: headsOrIsBelow(u.id) }) === null).map((u) => u.id);
}
