import { entityStub, type EntityRef } from '@kinerja/subgraph-kit';

/**
 * Personnel's Employee as this subgraph sees it: the key only. Competency contributes
 * enrollments(year) and learningHours(year); the gateway fetches the rest from personnel.
 */
const employee = entityStub('Employee');
export const EmployeeRef = employee.type;
export type EmployeeRef = EntityRef;
export const employeeStub = employee.stub;
export const resolveEmployeeReference = employee.resolveReference;

/** Personnel's OrganizationUnit: competency contributes learningCompliance(year) and collaborations(year). */
const unit = entityStub('OrganizationUnit');
export const OrganizationUnitRef = unit.type;
export type OrganizationUnitRef = EntityRef;
export const unitStub = unit.stub;
export const resolveOrganizationUnitReference = unit.resolveReference;
