import { registerEnumType } from 'type-graphql';
import { CompetencyKind, ActivityKind, EnrollmentStatus } from '../domain/enums';

// The domain's enums are plain TypeScript (domain/enums.ts); here they become GraphQL enum types,
// registered when any graphql/ module that uses them loads, before the schema is built.
registerEnumType(CompetencyKind, { name: 'CompetencyKind', description: 'Kompetensi teknis, manajerial, sosial kultural' });
registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'Classroom (training, workshop, seminar, socialization) and non-classroom forms; COLLABORATION is run jointly by several units',
});
registerEnumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description: 'ENROLLED → ATTENDED or NO_SHOW → COMPLETED (from ATTENDED); CANCELLED before the activity starts',
});
