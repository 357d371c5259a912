import { allowedColumns } from '@kinerja/testing';
import { coachesPlan, decidesRewards, opensDisciplineCase, recordsExamination, reviewsPlan } from '../../src/domain/access';

// The recognition rows of the authorization matrix (packages/security-tests/src/matrix.ts), rule by rule.
// The matrix's improvement plan is owned by the target's direct supervisor.
describe('who may do what in recognition', () => {
  it.each([
    ['decidesRewards (setRewardPolicy, grantAward, decideSanction)', decidesRewards, ['ADMIN']],
    ['opensDisciplineCase (proposeSanction)', opensDisciplineCase, ['ADMIN', 'directSupervisor']],
    ['recordsExamination (recordExamination)', recordsExamination, ['ADMIN', 'directSupervisor']],
    ['coachesPlan (setImprovementTargets, recordCoachingSession)', coachesPlan, ['directSupervisor']],
    // The matrix calls with RETEST, the owner's outcome; ADMIN's later outcomes are reviewCheck's (domain/improvement.ts).
    ['reviewsPlan (reviewImprovementPlan)', reviewsPlan, ['ADMIN', 'directSupervisor']],
  ] as const)('%s', (_row, rule, allowed) => {
    expect(allowedColumns(rule as never, (c, f) => ({ ...f, owner: c === 'directSupervisor' }))).toEqual(allowed);
  });

  it('refuses a discipline case against oneself, even to ADMIN (PP 94/2021)', () => {
    expect(opensDisciplineCase({ admin: true, analyst: false, self: true, directSupervisor: false, supervisor: false, unitHead: false, sameUnit: false })).toMatch(/themself/);
  });
});
