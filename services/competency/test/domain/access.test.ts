import { allowedColumns, type MatrixColumn } from '@kinerja/testing';
import type { RelationFacts } from '@kinerja/subgraph-kit';
import { cancelsEnrollment, createsActivity, enrolls, keepsCatalogue, readsLearning, runsActivity } from '../../src/domain/access';

/** The matrix's activity is organized by DISDIKBUD-SD: its head (indirectSupervisor) and the parent unit's head run it. */
const HEADS_ORGANIZER: MatrixColumn[] = ['indirectSupervisor', 'unitHead'];
const organizer = (c: MatrixColumn) => HEADS_ORGANIZER.includes(c);
const CHAIN = ['directSupervisor', 'indirectSupervisor', 'unitHead'];

// The competency rows of the authorization matrix (packages/security-tests/src/matrix.ts), rule by rule.
describe('who may do what with learning records', () => {
  it.each([
    ['keepsCatalogue (createCompetency)', keepsCatalogue, ['ADMIN']],
    ['createsActivity (createLearningActivity)', createsActivity, ['ADMIN', ...HEADS_ORGANIZER]],
    ['runsActivity (recordAttendance, completeEnrollment)', runsActivity, ['ADMIN', ...HEADS_ORGANIZER]],
    ['enrolls (enroll)', enrolls, ['ADMIN', 'self', ...CHAIN]],
    ['cancelsEnrollment (cancelEnrollment)', cancelsEnrollment, ['ADMIN', 'self', ...CHAIN]],
  ] as const)('%s', (_row, rule, allowed) => {
    expect(allowedColumns(rule as never, (c, f) => ({ ...f, headsOrganizer: organizer(c) }))).toEqual(allowed);
  });

  it('keeps enrollments to the employee, the chain, heads and ADMIN; hours also to ANALYST (Employee.enrollments)', () => {
    expect(allowedColumns((f: RelationFacts) => readsLearning(f, 'enrollments'), (_c, f) => f)).toEqual(['ADMIN', 'self', ...CHAIN]);
    expect(allowedColumns((f: RelationFacts) => readsLearning(f, 'hours'), (_c, f) => f)).toEqual(['ADMIN', 'ANALYST', 'self', ...CHAIN]);
  });

  it('lets the organizer\'s head cancel an enrollment of someone outside their chain', () => {
    expect(cancelsEnrollment({ ...allFalse(), headsOrganizer: true })).toBeNull();
    expect(cancelsEnrollment({ ...allFalse(), headsOrganizer: false })).toMatch(/cancel/);
  });
});

function allFalse() {
  return { admin: false, analyst: false, self: false, directSupervisor: false, supervisor: false, unitHead: false, sameUnit: false };
}
