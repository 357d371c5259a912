import { registerEnumType } from 'type-graphql';

// Predicate and PeriodType are shared with the evaluation subgraph: the values must stay identical.
export enum Predicate {
  SANGAT_BAIK = 'SANGAT_BAIK', BAIK = 'BAIK', BUTUH_PERBAIKAN = 'BUTUH_PERBAIKAN', KURANG = 'KURANG', SANGAT_KURANG = 'SANGAT_KURANG',
}
export enum PeriodType { MONTHLY = 'MONTHLY', QUARTERLY = 'QUARTERLY', ANNUAL = 'ANNUAL' }
export enum AwardKind { CERTIFICATE = 'CERTIFICATE', PERFORMANCE_ALLOWANCE = 'PERFORMANCE_ALLOWANCE', PROMOTION_RECOMMENDATION = 'PROMOTION_RECOMMENDATION' }
export enum SanctionLevel { LIGHT = 'LIGHT', MODERATE = 'MODERATE', SEVERE = 'SEVERE' }
export enum SanctionStatus { PROPOSED = 'PROPOSED', IMPOSED = 'IMPOSED', REVOKED = 'REVOKED' }

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
registerEnumType(SanctionLevel, { name: 'SanctionLevel', description: 'hukuman disiplin ringan / sedang / berat' });
registerEnumType(SanctionStatus, { name: 'SanctionStatus' });
