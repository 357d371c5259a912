import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Personnel's Employee as this subgraph sees it: the key only. Competency contributes
 * enrollments(year) and learningHours(year); the gateway fetches the rest from personnel.
 */
@Directive('@key(fields: "id")')
@ObjectType('Employee')
export class EmployeeRef {
  @Field(() => ID)
  id: string;
}

/** Personnel's OrganizationUnit: competency contributes learningCompliance(year) and collaborations(year). */
@Directive('@key(fields: "id")')
@ObjectType('OrganizationUnit')
export class OrganizationUnitRef {
  @Field(() => ID)
  id: string;
}

export const employeeStub = (id: string): EmployeeRef => ({ id });
export const unitStub = (id: string): OrganizationUnitRef => ({ id });
