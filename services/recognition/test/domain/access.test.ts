import { allowedColumns, MATRIX_FACTS } from '@kinerja/testing';
import {
  coachesPlan, decidesRewards, listsRecordsAcrossUnits, listsRecordsOfUnit, opensDisciplineCase, readsImprovementPlans, readsRecords, recordsExamination, reviewsPlan,
} from '../../src/domain/access';

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

  // Reading: the matrix's unit head and indirect supervisor head the target's unit or the one above it.
  it.each([
    ['readsRecords (Employee.rewardDecisions, awards, allowances, sanctions; rewardDecision)', readsRecords('Reward decisions'), ['ADMIN', 'ANALYST', 'self', 'indirectSupervisor', 'unitHead']],
    ['readsImprovementPlans (Employee.improvementPlans)', readsImprovementPlans, ['ADMIN', 'ANALYST', 'self', 'directSupervisor', 'indirectSupervisor', 'unitHead']],
  ] as const)('%s', (_row, rule, allowed) => {
    expect(allowedColumns(rule, (_c, f) => f)).toEqual(allowed);
  });

  it.each([
    ['listsRecordsOfUnit (rewardDecisions, sanctions, improvementPlans with a unitId)', listsRecordsOfUnit('Sanctions'), ['ADMIN', 'ANALYST', 'indirectSupervisor', 'unitHead']],
    ['listsRecordsAcrossUnits (the same lists without a unitId)', listsRecordsAcrossUnits('Sanctions'), ['ADMIN', 'ANALYST', 'indirectSupervisor', 'unitHead']],
  ] as const)('%s', (_row, rule, allowed) => {
    expect(allowedColumns(rule, (_c, f) => ({ admin: f.admin, analyst: f.analyst, headsNamedUnit: f.unitHead, headsSomeUnit: f.unitHead }))).toEqual(allowed);
  });

  it('names what is refused, as the lists and fields always have', () => {
    expect(readsRecords('Awards')(MATRIX_FACTS.peer)).toBe('Awards are visible only to the employee, the heads of their unit, ADMIN and ANALYST');
    expect(listsRecordsOfUnit('Sanctions')({ admin: false, analyst: false, headsNamedUnit: false, headsSomeUnit: true }))
      .toBe('Sanctions of a unit are visible only to its heads, ADMIN and ANALYST');
    expect(listsRecordsAcrossUnits('Improvement plans')({ admin: false, analyst: false, headsNamedUnit: false, headsSomeUnit: false }))
      .toBe('Improvement plans are listed only for unit heads, ADMIN and ANALYST; see your own on Employee');
  });

  it('refuses a discipline case against oneself, even to ADMIN (PP 94/2021)', () => {
    expect(opensDisciplineCase({ admin: true, analyst: false, self: true, directSupervisor: false, supervisor: false, unitHead: false, sameUnit: false })).toMatch(/themself/);
  });
});
