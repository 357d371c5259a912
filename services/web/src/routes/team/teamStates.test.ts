import { describe, expect, test } from 'vitest';
import { changedExpectations } from './BehaviorExpectations';
import { groupByPlanState, matchesName, teamTodo } from './teamStates';

describe('the supervisor\'s team', () => {
  const people = [
    { id: 'a', performancePlan: null, latestEvaluation: null },
    { id: 'b', performancePlan: { status: 'RETURNED' }, latestEvaluation: { status: 'DRAFT' } },
    { id: 'c', performancePlan: { status: 'SUBMITTED' }, latestEvaluation: { status: 'DRAFT' } },
    { id: 'd', performancePlan: { status: 'APPROVED' }, latestEvaluation: { status: 'COMPLETED' } },
    { id: 'e', performancePlan: { status: 'SUBMITTED' }, latestEvaluation: { status: 'SUPERSEDED' } },
  ];

  test('a returned SKP is back with the employee: it sits with the drafts', () => {
    const g = groupByPlanState(people);
    expect(Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v.map((p) => p.id)]))).toEqual({ NONE: ['a'], DRAFT: ['b'], SUBMITTED: ['c', 'e'], APPROVED: ['d'] });
  });

  test('what waits: plans to review, evaluations still open, evaluations done (completed or superseded)', () => {
    expect(teamTodo(people)).toEqual({ toReview: 2, toRate: 2, rated: 2 });
  });

  test.each([
    ['Siti Aminah, S.Pd.', 'siti  aminah', true],
    ['Siti Aminah, S.Pd.', 'AMINAH', true],
    ['Réza Pahlevi', 'reza', true],
    ['Budi Santoso', 'siti', false],
    ['Budi Santoso', '   ', true],
  ])('the name search: %s / "%s"', (name, query, expected) => expect(matchesName(name, query)).toBe(expected));
});

describe('behaviour expectations', () => {
  const saved = [
    { coreValue: 'BERORIENTASI_PELAYANAN' as const, expectation: '' },
    { coreValue: 'AKUNTABEL' as const, expectation: 'Laporan tepat waktu' },
    { coreValue: 'KOLABORATIF' as const, expectation: 'Berbagi data' },
  ];

  test('only the values whose typed text differs are saved, trimmed; an emptied one clears it', () => {
    expect(changedExpectations(saved, { BERORIENTASI_PELAYANAN: '  Ramah  ', AKUNTABEL: 'Laporan tepat waktu ', KOLABORATIF: '' })).toEqual([
      { coreValue: 'BERORIENTASI_PELAYANAN', expectation: 'Ramah' },
      { coreValue: 'KOLABORATIF', expectation: '' },
    ]);
  });

  test('nothing typed, nothing to save', () => {
    expect(changedExpectations(saved, {})).toEqual([]);
  });
});
