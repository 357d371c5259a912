import { entityStub, type EntityRef } from '@kinerja/subgraph-kit';

/**
 * Personnel's Employee, as this subgraph sees it: the key only. Goals contributes
 * performancePlan(year) and performancePlans; the gateway fetches the rest from personnel.
 */
const employee = entityStub('Employee');
export const EmployeeRef = employee.type;
export type EmployeeRef = EntityRef;
export const employeeStub = employee.stub;
export const resolveEmployeeReference = employee.resolveReference;
