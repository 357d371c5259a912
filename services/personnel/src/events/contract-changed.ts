import { enqueue } from '@kinerja/events';
import type { EntityManager } from 'typeorm';
import type { EmployeeRow } from '../entities/employee';
import type { WorkContractRow } from '../entities/work-contract';

export type ContractChange = 'RECORDED' | 'RENEWED' | 'ENDED';

type ContractShape = Pick<WorkContractRow, 'number' | 'sequence' | 'startsOn' | 'endsOn' | 'status'>;

const shape = (c: ContractShape) => ({ number: c.number, sequence: c.sequence, startsOn: c.startsOn, endsOn: c.endsOn, status: c.status });

/**
 * kinerja.contract.changed.v1, written in the transaction of the change it reports: a PPPK contract
 * recorded, renewed (`contract` is the new one, `previous` the renewed one) or ended (`previous` is
 * the contract as it stood before).
 */
export function contractChanged(m: EntityManager, employee: EmployeeRow, change: ContractChange, contract: ContractShape, previous: ContractShape | null, reason: string | null) {
  return enqueue(m, 'contract.changed', {
    employeeId: employee.id,
    nip: employee.nip,
    unitId: employee.unitId,
    change,
    contract: shape(contract),
    previous: previous ? shape(previous) : null,
    reason,
  }, { key: employee.id });
}
