import { allowedColumns } from '@kinerja/testing';
import type { RelationFacts } from '@kinerja/subgraph-kit';
import { keepsRecords, readsPersonalRecord, readsRoles } from '../../src/domain/access';

// The personnel rows of the authorization matrix (packages/security-tests/src/matrix.ts), rule by rule.
describe('who may do what in personnel', () => {
  it.each([
    ['keepsRecords (every personnel mutation, contractsEnding, auditTrail)', keepsRecords, ['ADMIN']],
    ['readsPersonalRecord (Employee.birthDate, Employee.contract, Employee.contracts)', readsPersonalRecord, ['ADMIN', 'self', 'directSupervisor', 'indirectSupervisor', 'unitHead']],
    ['readsRoles (Employee.roles)', readsRoles, ['ADMIN', 'self']],
  ] as const)('%s', (_row, rule, allowed) => {
    expect(allowedColumns(rule as (f: RelationFacts) => string | null, (_c, f) => f)).toEqual(allowed);
  });

  it('names the right that is missing', () => {
    expect(keepsRecords({ admin: false, analyst: true })).toMatch(/ADMIN/);
  });
});
