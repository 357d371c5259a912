import { registerEnumType } from 'type-graphql';
import { PlanStatus, TargetDirection, GoalKind, IndicatorAspect, CoreValue } from '../domain/enums';

// The domain's enums are plain TypeScript (domain/enums.ts); here they become GraphQL enum types,
// registered when any graphql/ module that uses them loads, before the schema is built.
registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'DRAFT → SUBMITTED (employee or supervisor) → APPROVED, or RETURNED with a note (direct supervisor) → SUBMITTED again' });
registerEnumType(TargetDirection, { name: 'TargetDirection' });
registerEnumType(GoalKind, { name: 'GoalKind', description: 'RHK utama (main) or tambahan (additional); a plan needs at least one UTAMA to be submitted' });
registerEnumType(IndicatorAspect, { name: 'IndicatorAspect' });
registerEnumType(CoreValue, { name: 'CoreValue', description: 'BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif' });
