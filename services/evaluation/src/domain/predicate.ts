import { Predicate, Rating } from './enums';

const { ABOVE_EXPECTATION: ABOVE, MEETS_EXPECTATION: MEETS, BELOW_EXPECTATION: BELOW } = Rating;

/**
 * The performance quadrant of PermenPANRB 6/2022 (DOMAIN.md): rows are work results, columns work
 * behaviour. Behaviour below expectation caps any result at KURANG (misconduct).
 */
const QUADRANT: Record<Rating, Record<Rating, Predicate>> = {
  [ABOVE]: { [BELOW]: Predicate.KURANG, [MEETS]: Predicate.BAIK, [ABOVE]: Predicate.SANGAT_BAIK },
  [MEETS]: { [BELOW]: Predicate.KURANG, [MEETS]: Predicate.BAIK, [ABOVE]: Predicate.BAIK },
  [BELOW]: { [BELOW]: Predicate.SANGAT_KURANG, [MEETS]: Predicate.BUTUH_PERBAIKAN, [ABOVE]: Predicate.BUTUH_PERBAIKAN },
};

export function computePredicate(resultRating: Rating, behaviorRating: Rating): Predicate {
  return QUADRANT[resultRating][behaviorRating];
}

/** The predicate once both ratings exist, else null. */
export function predicateOf(resultRating: Rating | null, behaviorRating: Rating | null): Predicate | null {
  return resultRating && behaviorRating ? computePredicate(resultRating, behaviorRating) : null;
}
