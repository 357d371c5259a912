import { registerEnumType } from 'type-graphql';

export enum PlanStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', APPROVED = 'APPROVED' }
export enum TargetDirection { HIGHER_IS_BETTER = 'HIGHER_IS_BETTER', LOWER_IS_BETTER = 'LOWER_IS_BETTER' }

registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'DRAFT → SUBMITTED (employee or supervisor) → APPROVED (direct supervisor)' });
registerEnumType(TargetDirection, { name: 'TargetDirection' });
