export enum PeriodType { MONTHLY = 'MONTHLY', QUARTERLY = 'QUARTERLY', ANNUAL = 'ANNUAL' }
export enum CycleStatus { OPEN = 'OPEN', CLOSED = 'CLOSED' }
export enum Rating { ABOVE_EXPECTATION = 'ABOVE_EXPECTATION', MEETS_EXPECTATION = 'MEETS_EXPECTATION', BELOW_EXPECTATION = 'BELOW_EXPECTATION' }
export enum Predicate { SANGAT_BAIK = 'SANGAT_BAIK', BAIK = 'BAIK', BUTUH_PERBAIKAN = 'BUTUH_PERBAIKAN', KURANG = 'KURANG', SANGAT_KURANG = 'SANGAT_KURANG' }
/** SUPERSEDED: replaced by a newer COMPLETED evaluation in the same cycle (objection or correction, DOMAIN.md). */
export enum EvaluationStatus { DRAFT = 'DRAFT', COMPLETED = 'COMPLETED', SUPERSEDED = 'SUPERSEDED' }
/** The unit's yearly organisation predicate (PermenPANRB 6/2022), set by the regency. */
export enum OrganizationPredicate { ISTIMEWA = 'ISTIMEWA', BAIK = 'BAIK', BUTUH_PERBAIKAN = 'BUTUH_PERBAIKAN', KURANG = 'KURANG', SANGAT_KURANG = 'SANGAT_KURANG' }
/** An objection (keberatan, PP 30/2019 art. 59): FILED until the reviewer upholds the predicate or changes the ratings. */
export enum ObjectionStatus { FILED = 'FILED', UPHELD = 'UPHELD', CHANGED = 'CHANGED' }
export enum FeedbackSource { SELF = 'SELF', SUPERVISOR = 'SUPERVISOR', PEER = 'PEER', SUBORDINATE = 'SUBORDINATE', PUBLIC = 'PUBLIC' }
/** The seven BerAKHLAK core values of ASN (DOMAIN.md, "Evaluation and the predicate"). */
export enum CoreValue {
  BERORIENTASI_PELAYANAN = 'BERORIENTASI_PELAYANAN', AKUNTABEL = 'AKUNTABEL', KOMPETEN = 'KOMPETEN', HARMONIS = 'HARMONIS',
  LOYAL = 'LOYAL', ADAPTIF = 'ADAPTIF', KOLABORATIF = 'KOLABORATIF',
}
