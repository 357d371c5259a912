export enum PlanStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', APPROVED = 'APPROVED', RETURNED = 'RETURNED' }
export enum TargetDirection { HIGHER_IS_BETTER = 'HIGHER_IS_BETTER', LOWER_IS_BETTER = 'LOWER_IS_BETTER' }
/** PermenPANRB 6/2022: a work result (RHK) is main (utama) or additional (tambahan). */
export enum GoalKind { UTAMA = 'UTAMA', TAMBAHAN = 'TAMBAHAN' }
/** The aspect an indicator measures (PermenPANRB 6/2022: kuantitas, kualitas, waktu, biaya). */
export enum IndicatorAspect { KUANTITAS = 'KUANTITAS', KUALITAS = 'KUALITAS', WAKTU = 'WAKTU', BIAYA = 'BIAYA' }
/** The seven BerAKHLAK core values (DOMAIN.md); the same enum as evaluation's CoreValue. */
export enum CoreValue {
  BERORIENTASI_PELAYANAN = 'BERORIENTASI_PELAYANAN', AKUNTABEL = 'AKUNTABEL', KOMPETEN = 'KOMPETEN', HARMONIS = 'HARMONIS',
  LOYAL = 'LOYAL', ADAPTIF = 'ADAPTIF', KOLABORATIF = 'KOLABORATIF',
}
export const CORE_VALUES: readonly CoreValue[] = Object.values(CoreValue);
