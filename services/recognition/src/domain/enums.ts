import { registerEnumType } from 'type-graphql';

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

registerEnumType(Predicate, { name: 'Predicate' });
registerEnumType(PeriodType, { name: 'PeriodType' });
registerEnumType(AwardKind, { name: 'AwardKind', description: 'CERTIFICATE: piagam penghargaan; PERFORMANCE_ALLOWANCE: TPP; PROMOTION_RECOMMENDATION: kenaikan pangkat' });
registerEnumType(SanctionLevel, { name: 'SanctionLevel', description: 'A discipline case (PP 94/2021): hukuman disiplin ringan / sedang / berat; never opened from a predicate' });
registerEnumType(SanctionStatus, { name: 'SanctionStatus', description: 'PROPOSED, EXAMINED (examination recorded), IMPOSED or DISMISSED by ADMIN; REVOKED: an imposed sanction revoked' });
registerEnumType(SanctionType, { name: 'SanctionType', description: 'PP 94/2021 art. 8. LIGHT: ORAL_REPRIMAND, WRITTEN_REPRIMAND, STATEMENT_OF_DISSATISFACTION; MODERATE: TPP_CUT_6/9/12_MONTHS (25% of the allowance); SEVERE: DEMOTION_12_MONTHS, RELEASE_TO_PELAKSANA_12_MONTHS, HONOURABLE_DISMISSAL' });
registerEnumType(FollowUp, { name: 'FollowUp', description: 'What a predicate calls for: NONE, COACHING (pembinaan) or IMPROVEMENT_TRACK (PP 30/2019 art. 56-58); an administrative measure' });
registerEnumType(DecisionStatus, { name: 'DecisionStatus', description: 'ACTIVE; SUPERSEDED (its evaluation was superseded: no award); REVISED (decided again as a newer revision)' });
registerEnumType(ImprovementStatus, { name: 'ImprovementStatus', description: 'OPEN, then IMPROVED or RETEST (owner), TRANSFER, TEMPORARY_POST, DISCHARGE_RECOMMENDED (ADMIN), each after the previous; WITHDRAWN when the predicate was superseded' });
