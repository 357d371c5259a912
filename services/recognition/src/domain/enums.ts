// Predicate and PeriodType are shared with the evaluation subgraph: the values must stay identical.
export enum Predicate {
  SANGAT_BAIK = 'SANGAT_BAIK', BAIK = 'BAIK', BUTUH_PERBAIKAN = 'BUTUH_PERBAIKAN', KURANG = 'KURANG', SANGAT_KURANG = 'SANGAT_KURANG',
}
export enum PeriodType { MONTHLY = 'MONTHLY', QUARTERLY = 'QUARTERLY', ANNUAL = 'ANNUAL' }
export enum AwardKind { CERTIFICATE = 'CERTIFICATE', PERFORMANCE_ALLOWANCE = 'PERFORMANCE_ALLOWANCE', PROMOTION_RECOMMENDATION = 'PROMOTION_RECOMMENDATION' }
export enum SanctionLevel { LIGHT = 'LIGHT', MODERATE = 'MODERATE', SEVERE = 'SEVERE' }
/** PP 94/2021: proposed, examined, then imposed or dismissed; an imposed one may be revoked. */
export enum SanctionStatus { PROPOSED = 'PROPOSED', EXAMINED = 'EXAMINED', IMPOSED = 'IMPOSED', DISMISSED = 'DISMISSED', REVOKED = 'REVOKED' }
/** PP 94/2021 art. 8: the sanctions of each level. */
export enum SanctionType {
  ORAL_REPRIMAND = 'ORAL_REPRIMAND', WRITTEN_REPRIMAND = 'WRITTEN_REPRIMAND', STATEMENT_OF_DISSATISFACTION = 'STATEMENT_OF_DISSATISFACTION',
  TPP_CUT_6_MONTHS = 'TPP_CUT_6_MONTHS', TPP_CUT_9_MONTHS = 'TPP_CUT_9_MONTHS', TPP_CUT_12_MONTHS = 'TPP_CUT_12_MONTHS',
  DEMOTION_12_MONTHS = 'DEMOTION_12_MONTHS', RELEASE_TO_PELAKSANA_12_MONTHS = 'RELEASE_TO_PELAKSANA_12_MONTHS', HONOURABLE_DISMISSAL = 'HONOURABLE_DISMISSAL',
}
/** What a predicate calls for (DOMAIN.md, Recognition): never a discipline case. Mildest first. */
export enum FollowUp { NONE = 'NONE', COACHING = 'COACHING', IMPROVEMENT_TRACK = 'IMPROVEMENT_TRACK' }
export const FOLLOW_UPS_MILDEST_FIRST: readonly FollowUp[] = [FollowUp.NONE, FollowUp.COACHING, FollowUp.IMPROVEMENT_TRACK];
export enum DecisionStatus { ACTIVE = 'ACTIVE', SUPERSEDED = 'SUPERSEDED', REVISED = 'REVISED' }
/** PP 30/2019 art. 56-58, in DOMAIN.md's order; WITHDRAWN when the predicate behind the plan was superseded. */
export enum ImprovementStatus {
  OPEN = 'OPEN', IMPROVED = 'IMPROVED', RETEST = 'RETEST', TRANSFER = 'TRANSFER', TEMPORARY_POST = 'TEMPORARY_POST',
  DISCHARGE_RECOMMENDED = 'DISCHARGE_RECOMMENDED', WITHDRAWN = 'WITHDRAWN',
}
export type EmploymentType = 'PNS' | 'PPPK';

/** Best first (PermenPANRB 6/2022 predicate order). */
export const PREDICATES_BEST_FIRST: readonly Predicate[] = [
  Predicate.SANGAT_BAIK, Predicate.BAIK, Predicate.BUTUH_PERBAIKAN, Predicate.KURANG, Predicate.SANGAT_KURANG,
];

/** 0 for SANGAT_BAIK .. 4 for SANGAT_KURANG: a lower rank is a better predicate. */
export function predicateRank(p: Predicate): number {
  return PREDICATES_BEST_FIRST.indexOf(p);
}

export const SANCTION_LEVELS_LIGHTEST_FIRST: readonly SanctionLevel[] = [SanctionLevel.LIGHT, SanctionLevel.MODERATE, SanctionLevel.SEVERE];

/** The heavier of two levels (null is no sanction). */
export function heavierSanction(a: SanctionLevel | null, b: SanctionLevel | null): SanctionLevel | null {
  if (a === null) return b;
  if (b === null) return a;
  return SANCTION_LEVELS_LIGHTEST_FIRST.indexOf(a) >= SANCTION_LEVELS_LIGHTEST_FIRST.indexOf(b) ? a : b;
}
