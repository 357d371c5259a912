import { allowedColumns, MATRIX_FACTS } from '@kinerja/testing';
import { actsAsDirectSupervisor, managesPlans, movesPlan, readsEvidence, readsPlans, type PlanFacts } from '../../src/domain/access';

const plan = (f: typeof MATRIX_FACTS.self, more: Partial<PlanFacts> = {}): PlanFacts => ({ ...f, employeeHasSupervisor: true, aboveInOwnChain: false, ...more });
const OWN_AND_CHAIN = ['ADMIN', 'self', 'directSupervisor', 'indirectSupervisor', 'unitHead'];

// The goals rows of the authorization matrix (packages/security-tests/src/matrix.ts), rule by rule.
describe('who may read and manage plans', () => {
  it.each([
    ['readsPlans (performancePlan, goal, Employee.performancePlans)', readsPlans, [...OWN_AND_CHAIN.slice(0, 1), 'ANALYST', ...OWN_AND_CHAIN.slice(1)]],
    ['managesPlans (createPerformancePlan, addGoal, updateGoal, removeGoal, indicators, attachments, recordRealization)', managesPlans(), OWN_AND_CHAIN],
    ['movesPlan(SUBMIT) (submitPerformancePlan)', movesPlan('SUBMIT'), OWN_AND_CHAIN],
    ['movesPlan(APPROVE) (approvePerformancePlan)', movesPlan('APPROVE'), ['directSupervisor']],
    ['movesPlan(RETURN) (returnPerformancePlan)', movesPlan('RETURN'), ['directSupervisor']],
    ['movesPlan(REOPEN) (reopenPerformancePlan)', movesPlan('REOPEN'), ['directSupervisor']],
    ['actsAsDirectSupervisor (setBehaviorExpectation, giveRealizationFeedback)', actsAsDirectSupervisor, ['directSupervisor']],
    // DOMAIN.md's evidence rule: the plan's readers without ANALYST.
    ['readsEvidence (GET /files/goals/evidence/:id)', readsEvidence, OWN_AND_CHAIN],
  ] as const)('%s', (_row, rule, allowed) => {
    expect(allowedColumns(rule as (f: PlanFacts) => string | null, (_c, f) => plan(f))).toEqual(allowed);
  });

  it('lets ADMIN act for the direct supervisor of someone who has none (the Sekda, appraised by the Bupati)', () => {
    expect(actsAsDirectSupervisor(plan(MATRIX_FACTS.ADMIN, { employeeHasSupervisor: false }))).toBeNull();
    expect(movesPlan('APPROVE')(plan(MATRIX_FACTS.ADMIN, { employeeHasSupervisor: false }))).toBeNull();
  });

  it('lets an employee read the plans above them in their own chain, not a colleague\'s', () => {
    expect(readsPlans(plan(MATRIX_FACTS.otherUnit, { aboveInOwnChain: true }))).toBeNull();
    expect(readsPlans(plan(MATRIX_FACTS.peer))).toMatch(/Only the employee/);
  });

  it('tells ANALYST that it reads only', () => {
    expect(managesPlans('create a plan for this employee')(MATRIX_FACTS.ANALYST)).toBe('ANALYST is read-only: cannot create a plan for this employee');
  });
});
