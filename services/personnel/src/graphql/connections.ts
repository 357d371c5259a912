import { Connection } from '@kinerja/subgraph-kit';
import { Employee } from './employee';

export const EmployeeConnection = Connection(Employee, 'Employee');
export type EmployeeConnection = InstanceType<typeof EmployeeConnection>;
