import { enqueue } from '@kinerja/events';
import type { EntityManager } from 'typeorm';
import type { EmployeeRow } from '../entities/employee';

export type EmployeeChange = 'REGISTERED' | 'UPDATED' | 'TRANSFERRED' | 'STATUS_CHANGED';

/** kinerja.employee.changed.v1, written in the transaction of the change it reports. */
export function employeeChanged(m: EntityManager, row: EmployeeRow, change: EmployeeChange) {
  return enqueue(m, 'employee.changed', {
    employeeId: row.id,
    nip: row.nip,
    change,
    unitId: row.unitId,
    supervisorId: row.supervisorId,
    positionKind: row.positionKind,
    grade: row.grade,
  }, { key: row.id });
}
