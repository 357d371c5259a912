import { computePredicate, predicateOf } from '../../src/domain/predicate';
import { Predicate, Rating } from '../../src/domain/enums';

const { ABOVE_EXPECTATION: ABOVE, MEETS_EXPECTATION: MEETS, BELOW_EXPECTATION: BELOW } = Rating;

// PermenPANRB 6/2022, the performance quadrant (DOMAIN.md): results ↓ / behaviour →.
describe('computePredicate', () => {
  it.each([
    [ABOVE, BELOW, Predicate.KURANG],
    [ABOVE, MEETS, Predicate.BAIK],
    [ABOVE, ABOVE, Predicate.SANGAT_BAIK],
    [MEETS, BELOW, Predicate.KURANG],
    [MEETS, MEETS, Predicate.BAIK],
    [MEETS, ABOVE, Predicate.BAIK],
    [BELOW, BELOW, Predicate.SANGAT_KURANG],
    [BELOW, MEETS, Predicate.BUTUH_PERBAIKAN],
    [BELOW, ABOVE, Predicate.BUTUH_PERBAIKAN],
  ])('results %s with behaviour %s is %s', (result, behavior, expected) => {
    expect(computePredicate(result, behavior)).toBe(expected);
  });

  it('caps any result at KURANG when behaviour is below expectation', () => {
    for (const result of [ABOVE, MEETS]) expect(computePredicate(result, BELOW)).toBe(Predicate.KURANG);
  });

  it('has no predicate until both ratings exist', () => {
    expect(predicateOf(ABOVE, null)).toBeNull();
    expect(predicateOf(null, MEETS)).toBeNull();
    expect(predicateOf(ABOVE, ABOVE)).toBe(Predicate.SANGAT_BAIK);
  });
});
