import { registerEnumType } from 'type-graphql';

export enum PeriodType { MONTHLY = 'MONTHLY', QUARTERLY = 'QUARTERLY', ANNUAL = 'ANNUAL' }
export enum CycleStatus { OPEN = 'OPEN', CLOSED = 'CLOSED' }
export enum Rating { ABOVE_EXPECTATION = 'ABOVE_EXPECTATION', MEETS_EXPECTATION = 'MEETS_EXPECTATION', BELOW_EXPECTATION = 'BELOW_EXPECTATION' }
export enum Predicate { SANGAT_BAIK = 'SANGAT_BAIK', BAIK = 'BAIK', BUTUH_PERBAIKAN = 'BUTUH_PERBAIKAN', KURANG = 'KURANG', SANGAT_KURANG = 'SANGAT_KURANG' }
export enum EvaluationStatus { DRAFT = 'DRAFT', COMPLETED = 'COMPLETED' }
export enum FeedbackSource { SELF = 'SELF', SUPERVISOR = 'SUPERVISOR', PEER = 'PEER', SUBORDINATE = 'SUBORDINATE', PUBLIC = 'PUBLIC' }
/** The seven BerAKHLAK core values of ASN (DOMAIN.md, "Evaluation and the predicate"). */
export enum CoreValue {
  BERORIENTASI_PELAYANAN = 'BERORIENTASI_PELAYANAN', AKUNTABEL = 'AKUNTABEL', KOMPETEN = 'KOMPETEN', HARMONIS = 'HARMONIS',
  LOYAL = 'LOYAL', ADAPTIF = 'ADAPTIF', KOLABORATIF = 'KOLABORATIF',
}

registerEnumType(PeriodType, { name: 'PeriodType', description: 'MONTHLY (period 1-12), QUARTERLY (1-4) or ANNUAL (no period)' });
registerEnumType(CycleStatus, { name: 'CycleStatus' });
registerEnumType(Rating, { name: 'Rating', description: 'A rating of work results (hasil kerja) or work behaviour (perilaku kerja)' });
registerEnumType(Predicate, { name: 'Predicate', description: 'predikat kinerja, PermenPANRB 6/2022' });
registerEnumType(EvaluationStatus, { name: 'EvaluationStatus' });
registerEnumType(FeedbackSource, { name: 'FeedbackSource' });
registerEnumType(CoreValue, { name: 'CoreValue', description: 'BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif' });
