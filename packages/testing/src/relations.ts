import type { RelationFacts } from '@kinerja/subgraph-kit';

/** The signed-in columns of the authorization matrix (packages/security-tests/src/matrix.ts). */
export type MatrixColumn = 'ADMIN' | 'ANALYST' | 'self' | 'directSupervisor' | 'indirectSupervisor' | 'unitHead' | 'peer' | 'otherUnit';

export const MATRIX_COLUMNS: readonly MatrixColumn[] = ['ADMIN', 'ANALYST', 'self', 'directSupervisor', 'indirectSupervisor', 'unitHead', 'peer', 'otherUnit'];

const none: RelationFacts = { admin: false, analyst: false, self: false, directSupervisor: false, supervisor: false, unitHead: false, sameUnit: false };

/**
 * The relation facts each matrix column holds towards the matrix's target in the demo regency, so
 * a service's table test of its domain/access.ts rules reads like its rows of the matrix: the
 * direct supervisor works in the target's unit; the indirect supervisor heads it (and works in it); the unit head
 * heads the parent unit and is the top of the target's chain; the peer shares the unit only.
 */
export const MATRIX_FACTS: Record<MatrixColumn, RelationFacts> = {
  ADMIN: { ...none, admin: true },
  ANALYST: { ...none, analyst: true },
  self: { ...none, self: true },
  directSupervisor: { ...none, directSupervisor: true, supervisor: true, sameUnit: true },
  indirectSupervisor: { ...none, supervisor: true, unitHead: true, sameUnit: true },
  unitHead: { ...none, supervisor: true, unitHead: true },
  peer: { ...none, sameUnit: true },
  otherUnit: { ...none },
};

/** The columns a rule allows, given how each column's facts are extended for it (e.g. `evaluator`). */
export function allowedColumns<F>(rule: (facts: F) => string | null, factsOf: (column: MatrixColumn, base: RelationFacts) => F): MatrixColumn[] {
  return MATRIX_COLUMNS.filter((c) => rule(factsOf(c, MATRIX_FACTS[c])) === null);
}
