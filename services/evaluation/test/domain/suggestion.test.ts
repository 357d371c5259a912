import { cyclePeriod, ratingFromAchievement, suggestResultRating, type RhkForSuggestion } from '../../src/domain/grounding';
import { PeriodType, Rating } from '../../src/domain/enums';

const { ABOVE_EXPECTATION: ABOVE, MEETS_EXPECTATION: MEETS, BELOW_EXPECTATION: BELOW } = Rating;
const u = (rating: Rating | null, achievement: number | null = null): RhkForSuggestion => ({ kind: 'UTAMA', rating, achievement });
const t = (rating: Rating | null, achievement: number | null = null): RhkForSuggestion => ({ kind: 'TAMBAHAN', rating, achievement });

// PermenPANRB 6/2022: the result follows the main RHK; never ABOVE while any UTAMA is BELOW.
describe('suggestResultRating', () => {
  it.each([
    ['no RHK', [], null],
    ['only TAMBAHAN', [t(ABOVE)], null],
    ['UTAMA unrated and unmeasured', [u(null)], null],
    ['one UTAMA above', [u(ABOVE)], ABOVE],
    ['all UTAMA meet', [u(MEETS), u(MEETS)], MEETS],
    ['half UTAMA above: not more than half', [u(ABOVE), u(MEETS)], MEETS],
    ['half UTAMA above and a TAMBAHAN above', [u(ABOVE), u(MEETS), t(ABOVE)], ABOVE],
    ['UTAMA above but one BELOW: never ABOVE', [u(ABOVE), u(ABOVE), u(BELOW)], MEETS],
    ['a TAMBAHAN above cannot lift over a BELOW UTAMA', [u(ABOVE), u(BELOW), u(ABOVE), t(ABOVE), t(ABOVE)], MEETS],
    ['half UTAMA below', [u(BELOW), u(MEETS)], BELOW],
    ['a TAMBAHAN below never lowers', [u(MEETS), t(BELOW)], MEETS],
    ['achievement when unrated: 1.2 above', [u(null, 1.2)], ABOVE],
    ['achievement 0.95 meets', [u(null, 0.95)], MEETS],
    ['achievement 0.5 is below', [u(null, 0.5), u(null, 1.3)], BELOW],
    ['the evaluator\'s rating wins over achievement', [u(MEETS, 0.2)], MEETS],
    ['mixed plan: over-achieved UTAMA, one UTAMA far below, a TAMBAHAN above', [u(null, 1.5), u(null, 1.4), u(null, 0.3), t(null, 1.5)], MEETS],
  ] as Array<[string, RhkForSuggestion[], Rating | null]>)('%s', (_, rhk, expected) => {
    expect(suggestResultRating(rhk)).toBe(expected);
  });

  it('never suggests ABOVE while any UTAMA is BELOW (exhaustive over three UTAMA and one TAMBAHAN)', () => {
    const ratings = [ABOVE, MEETS, BELOW, null];
    for (const a of ratings) for (const b of ratings) for (const c of ratings) for (const x of ratings) {
      const rhk = [u(a), u(b), u(c), t(x)];
      if ([a, b, c].includes(BELOW)) expect(suggestResultRating(rhk)).not.toBe(ABOVE);
    }
  });

  it.each([[1.1, ABOVE], [1.0999, MEETS], [0.9, MEETS], [0.8999, BELOW], [null, null]] as Array<[number | null, Rating | null]>)('achievement %p → %p', (a, r) => {
    expect(ratingFromAchievement(a)).toBe(r);
  });
});

describe('cyclePeriod', () => {
  it.each([
    [{ year: 2026, periodType: PeriodType.ANNUAL, period: null }, { from: '2026-01-01', to: '2026-12-31' }],
    [{ year: 2026, periodType: PeriodType.QUARTERLY, period: 3 }, { from: '2026-07-01', to: '2026-09-30' }],
    [{ year: 2028, periodType: PeriodType.MONTHLY, period: 2 }, { from: '2028-02-01', to: '2028-02-29' }],
  ])('%o', (cycle, expected) => {
    expect(cyclePeriod(cycle)).toEqual(expected);
  });
});
