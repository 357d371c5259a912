import { PlanStatus } from '../../src/domain/enums';
import { actorProblem, goalsEditable, nextStatus, type Actor, type PlanAction } from '../../src/domain/plan-flow';

const nobody: Actor = { admin: false, self: false, directSupervisor: false, supervisor: false, employeeHasSupervisor: true };
const self = { ...nobody, self: true };
const direct = { ...nobody, directSupervisor: true, supervisor: true };
const indirect = { ...nobody, supervisor: true };
const admin = { ...nobody, admin: true };
const adminForTop = { ...admin, employeeHasSupervisor: false };

describe('the SKP status flow', () => {
  it.each([
    ['SUBMIT', PlanStatus.DRAFT, PlanStatus.SUBMITTED],
    ['APPROVE', PlanStatus.SUBMITTED, PlanStatus.APPROVED],
    ['REOPEN', PlanStatus.APPROVED, PlanStatus.DRAFT],
    ['REOPEN', PlanStatus.SUBMITTED, PlanStatus.DRAFT],
  ] as Array<[PlanAction, PlanStatus, PlanStatus]>)('%s moves %s to %s', (action, from, to) => {
    expect(nextStatus(action, from)).toEqual({ ok: true, status: to });
  });

  it.each([
    ['SUBMIT', PlanStatus.SUBMITTED],
    ['SUBMIT', PlanStatus.APPROVED],
    ['APPROVE', PlanStatus.DRAFT],
    ['APPROVE', PlanStatus.APPROVED],
    ['REOPEN', PlanStatus.DRAFT],
  ] as Array<[PlanAction, PlanStatus]>)('%s is refused on a %s plan', (action, from) => {
    const r = nextStatus(action, from);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rule).toContain(`the plan is ${from}`);
  });

  it('lets goals change only in a draft', () => {
    expect(goalsEditable(PlanStatus.DRAFT)).toBe(true);
    expect(goalsEditable(PlanStatus.SUBMITTED)).toBe(false);
    expect(goalsEditable(PlanStatus.APPROVED)).toBe(false);
  });

  it.each([
    // action, actor, allowed
    ['SUBMIT', self, true],
    ['SUBMIT', direct, true],
    ['SUBMIT', indirect, true],
    ['SUBMIT', admin, true],
    ['SUBMIT', nobody, false],
    ['APPROVE', direct, true],
    ['APPROVE', self, false],
    ['APPROVE', indirect, false],
    ['APPROVE', admin, false],
    ['APPROVE', adminForTop, true], // no supervisor in the records: BKPSDM approves
    ['APPROVE', nobody, false],
    ['REOPEN', direct, true],
    ['REOPEN', self, false],
    ['REOPEN', indirect, false],
  ] as Array<[PlanAction, Actor, boolean]>)('%s by %o: allowed %p', (action, actor, allowed) => {
    expect(actorProblem(action, actor) === null).toBe(allowed);
  });

  it('tells an employee why they cannot approve their own plan', () => {
    expect(actorProblem('APPROVE', self)).toBe('an employee cannot approve their own plan; their direct supervisor does');
  });
});
