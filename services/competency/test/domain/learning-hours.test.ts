import { complianceRatio, learningHours, requiredHours, yearProblem, yearRange } from '../../src/domain/learning-hours';

describe('learning hours (PP 11/2017 art. 203: 20 JP a year)', () => {
  it.each([
    ['PNS', 12, 20],
    ['PPPK', 12, 12],
    ['PPPK', 20, 20],
  ])('%s with PPPK configured at %i needs %i JP', (type, pppk, required) => {
    expect(requiredHours(type, pppk)).toBe(required);
  });

  it.each([
    [19, 20, false],
    [20, 20, true],
    [44, 20, true],
    [0, 0, true],
  ])('%i completed of %i required: met = %s', (completed, required, met) => {
    expect(learningHours(2026, completed, required)).toEqual({ year: 2026, completedHours: completed, requiredHours: required, met });
  });

  it('counts a year as a half-open range of completion dates', () => {
    expect(yearRange(2026)).toEqual(['2026-01-01', '2027-01-01']);
  });

  it.each([[1999, false], [2000, true], [2026, true], [2100, true], [2101, false], [2026.5, false]])('year %s valid: %s', (year, valid) => {
    expect(yearProblem(year) === null).toBe(valid);
  });

  it.each([[0, 0, 0], [4, 1, 0.25], [3, 2, 0.6667], [5, 5, 1]])('ratio of %i employees with %i met is %d', (employees, met, ratio) => {
    expect(complianceRatio(employees, met)).toBe(ratio);
  });
});
