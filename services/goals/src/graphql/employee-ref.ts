import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Personnel's Employee, as this subgraph sees it: the key only. Goals contributes
 * performancePlan(year) and performancePlans; the gateway fetches the rest from personnel.
 */
@Directive('@key(fields: "id")')
@ObjectType('Employee')
export class EmployeeRef {
  @Field(() => ID)
  id: string;
}

export const employeeStub = (id: string): EmployeeRef => ({ id });

/** `_entities` for Employee: the key is all this subgraph needs. */
export function resolveEmployeeReference(ref: Record<string, unknown>): EmployeeRef {
  return { id: String(ref.id) };
}
