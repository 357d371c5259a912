import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { ReferenceResolver } from '@kinerja/subgraph-kit';

/** Personnel's Employee: recognition adds rewardDecisions, awards and sanctions to it. */
@Directive('@key(fields: "id")')
@ObjectType('Employee')
export class EmployeeRef {
  @Field(() => ID)
  id: string;
}

/** Evaluation's Evaluation: recognition adds rewardDecision to it. */
@Directive('@key(fields: "id")')
@ObjectType('Evaluation')
export class EvaluationRef {
  @Field(() => ID)
  id: string;
}

export const resolveEmployeeRef: ReferenceResolver = (ref) => ({ id: String(ref.id) });
export const resolveEvaluationRef: ReferenceResolver = (ref) => ({ id: String(ref.id) });

/** A stub the gateway completes from the owning subgraph. */
export const employeeStub = (id: string): EmployeeRef => ({ id });
