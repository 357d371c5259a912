import { ceilingProblem, complianceRatio, contractYearOf, contractYearsIn, learningHours, PPPK_CEILING_HOURS, requiredHours, yearProblem, yearRange } from '../../src/domain/learning-hours';

describe('learning hours (PP 11/2017 art. 203: 20 JP a year)', () => {
  it.each([
    ['PNS', 12, 20],
    ['PPPK', 0, 0],
    ['PPPK', 12, 12],
  ])('%s with a PPPK minimum of %i needs %i JP', (type, pppk, required) => {
    expect(requiredHours(type, pppk)).toBe(required);
  });

  it.each([
    [19, 20, false],
    [20, 20, true],
    [44, 20, true],
    [0, 0, true],
  ])('%i completed of %i required: met = %s', (completed, required, met) => {
    expect(learningHours(2026, completed, required)).toEqual({ year: 2026, completedHours: completed, requiredHours: required, met, ceilingHours: null, contractYears: [] });
  });

  it('shows a PPPK against the 24 JP ceiling per contract year, with what is left', () => {
    const shape = learningHours(2026, 16, 0, { ceiling: PPPK_CEILING_HOURS, years: [
      { startsOn: '2025-03-01', endsOn: '2026-02-28', fromContract: true, completed: 8, counted: 8 },
      { startsOn: '2026-03-01', endsOn: '2027-02-28', fromContract: true, completed: 8, counted: 30 },
    ] });
    expect(shape).toMatchObject({ requiredHours: 0, met: true, ceilingHours: 24 });
    expect(shape.contractYears.map((y) => y.remainingHours)).toEqual([16, 0]);
  });
});

describe('PPPK contract years (PP 49/2018 art. 40(1): at most 24 JP per contract year)', () => {
  const contracts = [
    { startsOn: '2024-03-01', endsOn: '2026-02-28' },
    { startsOn: '2026-03-01', endsOn: '2030-06-30' },
  ];

  it.each([
    ['2024-03-01', '2024-03-01', '2025-02-28', true],
    ['2025-02-28', '2024-03-01', '2025-02-28', true],
    ['2025-03-01', '2025-03-01', '2026-02-28', true],
    ['2026-03-01', '2026-03-01', '2027-02-28', true],
    ['2030-01-15', '2029-03-01', '2030-02-28', true],
    ['2030-05-01', '2030-03-01', '2030-06-30', true],
    ['2023-07-01', '2023-01-01', '2023-12-31', false],
  ])('%s falls in the contract year %s to %s (from a contract: %s)', (date, startsOn, endsOn, fromContract) => {
    expect(contractYearOf(date, contracts)).toEqual({ startsOn, endsOn, fromContract });
  });

  it('lists the contract years overlapping a calendar year, or the calendar year without contracts', () => {
    expect(contractYearsIn(2026, contracts).map((y) => y.startsOn)).toEqual(['2025-03-01', '2026-03-01']);
    expect(contractYearsIn(2026, [])).toEqual([{ startsOn: '2026-01-01', endsOn: '2026-12-31', fromContract: false }]);
  });

  it.each([
    [0, 24, null],
    [16, 8, null],
    [16, 9, /16 JP are already counted in the contract year 2026-03-01 to 2027-02-28, and this activity's 9 JP would make 25/],
    [24, 1, /at most 24 JP per contract year \(PP 49\/2018 art\. 40\(1\)\)/],
  ])('with %i JP counted, an activity of %i JP: %s', (counted, hours, message) => {
    const p = ceilingProblem(counted, hours, { startsOn: '2026-03-01', endsOn: '2027-02-28' });
    if (message === null) expect(p).toBeNull();
    else {
      expect(p?.message).toMatch(message);
      expect(p?.messageId).toMatch(/^PPPK paling banyak 24 JP/);
    }
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
