import { allowedColumns } from '@kinerja/testing';
import type { RelationFacts } from '@kinerja/subgraph-kit';
import { feedbackQrUnitIds, keepsRecords, printsFeedbackQr, readsPersonalRecord, readsRoles } from '../../src/domain/access';

// The personnel rows of the authorization matrix (packages/security-tests/src/matrix.ts), rule by rule.
describe('who may do what in personnel', () => {
  it.each([
    ['keepsRecords (every personnel mutation, contractsEnding, auditTrail)', keepsRecords, ['ADMIN']],
    ['readsPersonalRecord (Employee.birthDate, Employee.contract, Employee.contracts)', readsPersonalRecord, ['ADMIN', 'self', 'directSupervisor', 'indirectSupervisor', 'unitHead']],
    ['readsRoles (Employee.roles)', readsRoles, ['ADMIN', 'self']],
    // Per unit, the target's unit (DISDIKBUD-SD): the indirect supervisor heads it, the unit head heads the one above.
    ['printsFeedbackQr (Query.feedbackQrUnits)', printsFeedbackQr, ['ADMIN', 'indirectSupervisor', 'unitHead']],
  ] as const)('%s', (_row, rule, allowed) => {
    expect(allowedColumns(rule as (f: RelationFacts) => string | null, (_c, f) => f)).toEqual(allowed);
  });

  it('names the right that is missing', () => {
    expect(keepsRecords({ admin: false, analyst: true })).toMatch(/ADMIN/);
  });

  describe('the units whose citizen-feedback QR codes the caller prints (feedbackQrUnitIds)', () => {
    // DINAS heads BIDANG, which has UPTD below it; KEC is another agency; SEKSI has no head.
    const units = [
      { id: 'DINAS', parentId: null, headId: 'kadis' },
      { id: 'KEC', parentId: null, headId: 'camat' },
      { id: 'BIDANG', parentId: 'DINAS', headId: 'kabid' },
      { id: 'UPTD', parentId: 'BIDANG', headId: 'kauptd' },
      { id: 'SEKSI', parentId: 'UPTD', headId: null },
    ];
    it.each([
      ['ADMIN (BKPSDM): every unit', { admin: true, employeeId: 'bkpsdm' }, ['DINAS', 'KEC', 'BIDANG', 'UPTD', 'SEKSI']],
      ['ADMIN who also heads a unit: still every unit', { admin: true, employeeId: 'camat' }, ['DINAS', 'KEC', 'BIDANG', 'UPTD', 'SEKSI']],
      ['head of an agency: it and every unit below it', { admin: false, employeeId: 'kadis' }, ['DINAS', 'BIDANG', 'UPTD', 'SEKSI']],
      ['head of a bidang: it and the units below, not the agency above', { admin: false, employeeId: 'kabid' }, ['BIDANG', 'UPTD', 'SEKSI']],
      ['head of an UPTD: it and its seksi', { admin: false, employeeId: 'kauptd' }, ['UPTD', 'SEKSI']],
      ['head of a unit without sub-units: that unit', { admin: false, employeeId: 'camat' }, ['KEC']],
      ['an employee who heads nothing: none', { admin: false, employeeId: 'staf' }, []],
      ['no employee (a service identity): none', { admin: false, employeeId: null }, []],
    ] as const)('%s', (_case, facts, expected) => {
      expect(feedbackQrUnitIds(facts, units)).toEqual(expected);
    });

    it('stops on a cycle in the tree instead of looping', () => {
      const loop = [{ id: 'A', parentId: 'B', headId: null }, { id: 'B', parentId: 'A', headId: null }];
      expect(feedbackQrUnitIds({ admin: false, employeeId: 'x' }, loop)).toEqual([]);
    });

    it('names who may when refusing', () => {
      expect(printsFeedbackQr({ admin: false, unitHead: false })).toMatch(/BKPSDM \(ADMIN\).*head of the unit/);
    });
  });
});
