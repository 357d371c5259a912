import { cyclePeriod, explainResultSuggestion, ratingFromAchievement, RhkRatingSource, SuggestionRule, suggestResultRating, type RhkForSuggestion } from '../../src/domain/grounding';
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

// WEB.md: the evaluator reads why the result rating is suggested: the rule, the counts, each RHK's rating and its source.
describe('explainResultSuggestion', () => {
  const g = (goalId: string, r: RhkForSuggestion) => ({ ...r, goalId });
  it.each([
    ['no rated UTAMA', [g('a', t(ABOVE))], null, SuggestionRule.NO_RATED_UTAMA],
    ['at least half UTAMA below', [g('a', u(BELOW)), g('b', u(MEETS))], BELOW, SuggestionRule.UTAMA_BELOW_AT_LEAST_HALF],
    ['some UTAMA below', [g('a', u(ABOVE)), g('b', u(ABOVE)), g('c', u(BELOW))], MEETS, SuggestionRule.UTAMA_BELOW_SOME],
    ['more than half above with a TAMBAHAN', [g('a', u(ABOVE)), g('b', u(MEETS)), g('c', t(ABOVE))], ABOVE, SuggestionRule.MAJORITY_ABOVE],
    ['not more than half above', [g('a', u(ABOVE)), g('b', u(MEETS))], MEETS, SuggestionRule.NOT_MAJORITY_ABOVE],
  ] as Array<[string, Array<RhkForSuggestion & { goalId: string }>, Rating | null, SuggestionRule]>)('%s: %s', (_, rhk, rating, rule) => {
    const out = explainResultSuggestion(rhk);
    expect([out.rating, out.rule]).toEqual([rating, rule]);
    expect(out.rating).toBe(suggestResultRating(rhk));
  });

  it('says where each RHK\'s rating came from and counts the UTAMA', () => {
    const out = explainResultSuggestion([g('a', u(MEETS, 0.2)), g('b', u(null, 1.5)), g('c', u(null)), g('d', t(null, 1.2))]);
    expect(out).toEqual({
      rating: ABOVE, rule: SuggestionRule.MAJORITY_ABOVE, utamaRated: 2, utamaAbove: 1, utamaBelow: 0, tambahanAbove: true,
      rhk: [
        { goalId: 'a', kind: 'UTAMA', rating: MEETS, source: RhkRatingSource.EVALUATOR, achievement: 0.2 },
        { goalId: 'b', kind: 'UTAMA', rating: ABOVE, source: RhkRatingSource.ACHIEVEMENT, achievement: 1.5 },
        { goalId: 'c', kind: 'UTAMA', rating: null, source: RhkRatingSource.NONE, achievement: null },
        { goalId: 'd', kind: 'TAMBAHAN', rating: ABOVE, source: RhkRatingSource.ACHIEVEMENT, achievement: 1.2 },
      ],
    });
  });
});
