import { cascadeProblem, type CascadeCandidate } from '../../src/domain/cascading';

const base: CascadeCandidate = {
  parent: { planEmployeeId: 'kasi', planYear: 2026 },
  parentGoalId: 'g1',
  employeeId: 'staff',
  directSupervisorId: 'kasi',
  supervisorChain: ['kasi', 'kabid', 'kadis'],
  year: 2026,
};

describe('cascading (DOMAIN.md)', () => {
  it('accepts a goal of the direct supervisor\'s plan of the same year', () => {
    expect(cascadeProblem(base)).toBeNull();
  });

  it.each([
    ['an unknown goal', { parent: null }, 'no goal has id g1'],
    ['an indirect supervisor\'s goal', { parent: { planEmployeeId: 'kabid', planYear: 2026 } }, 'the goal belongs to an indirect supervisor; a goal may serve only a goal of the direct supervisor'],
    ['a colleague\'s goal', { parent: { planEmployeeId: 'peer', planYear: 2026 } }, 'the goal does not belong to the employee\'s direct supervisor'],
    ['a goal of the own plan', { parent: { planEmployeeId: 'staff', planYear: 2026 } }, 'a goal cannot serve a goal of the same employee\'s plan'],
    ['another year', { parent: { planEmployeeId: 'kasi', planYear: 2025 } }, 'the goal is in the supervisor\'s 2025 plan; this plan is for 2026'],
    ['an employee without supervisor', { directSupervisorId: null, supervisorChain: [] }, 'the employee has no direct supervisor in the records, so their goals cannot cascade'],
  ] as Array<[string, Partial<CascadeCandidate>, string]>)('refuses %s', (_case, change, rule) => {
    expect(cascadeProblem({ ...base, ...change })).toBe(rule);
  });
});
