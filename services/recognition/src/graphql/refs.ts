import { entityStub, type EntityRef } from '@kinerja/subgraph-kit';

/** Personnel's Employee: recognition adds rewardDecisions, awards and sanctions to it. */
const employee = entityStub('Employee');
export const EmployeeRef = employee.type;
export type EmployeeRef = EntityRef;
export const employeeStub = employee.stub;
export const resolveEmployeeRef = employee.resolveReference;

/** Evaluation's Evaluation: recognition adds rewardDecision to it. */
const evaluation = entityStub('Evaluation');
export const EvaluationRef = evaluation.type;
export type EvaluationRef = EntityRef;
export const resolveEvaluationRef = evaluation.resolveReference;
