import { registerEnumType } from 'type-graphql';

/** DOMAIN.md, "Competency development": competencies are technical, managerial or socio-cultural. */
export enum CompetencyKind { TECHNICAL = 'TECHNICAL', MANAGERIAL = 'MANAGERIAL', SOCIOCULTURAL = 'SOCIOCULTURAL' }

export enum ActivityKind {
  TRAINING = 'TRAINING', WORKSHOP = 'WORKSHOP', SEMINAR = 'SEMINAR', E_LEARNING = 'E_LEARNING', COACHING = 'COACHING',
  MENTORING = 'MENTORING', INTERNSHIP = 'INTERNSHIP', SOCIALIZATION = 'SOCIALIZATION', COLLABORATION = 'COLLABORATION',
}

export enum EnrollmentStatus {
  ENROLLED = 'ENROLLED', ATTENDED = 'ATTENDED', COMPLETED = 'COMPLETED', NO_SHOW = 'NO_SHOW', CANCELLED = 'CANCELLED',
}

registerEnumType(CompetencyKind, { name: 'CompetencyKind', description: 'Kompetensi teknis, manajerial, sosial kultural' });
registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'Classroom (training, workshop, seminar, socialization) and non-classroom forms; COLLABORATION is run jointly by several units',
});
registerEnumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description: 'ENROLLED → ATTENDED or NO_SHOW → COMPLETED (from ATTENDED); CANCELLED before the activity starts',
});
