import { BadInput, Conflict, isUniqueViolation, isUuid, NotFound, recordAudit, type KitContext } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { ContractStatus, EmployeeStatus, EmploymentType, type Gender, type Grade, type PppkGrade } from './domain/enums';
import { ending, firstContractProblem, renewal, type ContractProblem } from './domain/contract';
import { regencyToday } from './domain/dates';
import { nipDisagreements, parseNip, type Nip } from './domain/nip';
import { EmployeeRow } from './entities/employee';
import { OrganizationUnitRow } from './entities/organization-unit';
import { WorkContractRow } from './entities/work-contract';
import { contractChanged } from './events/contract-changed';
import { employeeChanged } from './events/employee-changed';
import type { ContractInput, CreateOrganizationUnitInput, RegisterEmployeeInput, UpdateEmployeeInput } from './graphql/inputs';

/** Personnel's writes: validation against DOMAIN.md, then one transaction each. */


const NIP_PART_ID: Record<string, string> = {
  format: 'NIP harus 18 digit',
  birthDate: 'Tanggal lahir pada NIP (digit 1-8) tidak valid',
  layout: 'Digit 13-14 NIP tidak sesuai dengan jenis kepegawaian (PNS atau PPPK)',
  appointment: 'TMT pada NIP tidak valid',
  contract: 'Digit 14 NIP (perjanjian kerja ke-) harus 1 sampai 9',
  sex: 'Digit 15 NIP (jenis kelamin) harus 1 atau 2',
  sequence: 'Nomor urut NIP (digit 16-18) harus 001 sampai 999',
};

/** The NIP in the layout of the record's employment type, agreeing with its birth date and gender (DOMAIN.md, "NIP"). */
function validNip(raw: string, record: { birthDate: string; gender: Gender; employmentType: EmploymentType }): Nip {
  const parsed = parseNip(raw, { employmentType: record.employmentType, today: regencyToday() });
  if (!parsed.ok) throw new BadInput('nip', parsed.message, NIP_PART_ID[parsed.part] ?? 'NIP tidak valid');
  const problems = nipDisagreements(parsed.nip, record);
  if (problems.length > 0) throw new BadInput('nip', problems.join('; '), 'NIP tidak sesuai dengan data pegawai');
  return parsed.nip;
}

/** PNS carry a golongan/ruang and no PPPK golongan; PPPK the reverse (DOMAIN.md, "Ranks and positions"). */
function checkGrades(employmentType: EmploymentType, grade: Grade | null | undefined, pppkGrade: PppkGrade | null | undefined, existing = false):
  { grade: Grade | null; pppkGrade: PppkGrade | null } {
  if (employmentType === EmploymentType.PNS) {
    if (!grade) throw new BadInput('grade', 'is required for PNS (golongan/ruang)', 'Golongan/ruang wajib diisi untuk PNS');
    if (pppkGrade) throw new BadInput('pppkGrade', 'must be empty for PNS: golongan I..XVII is for PPPK', 'Golongan PPPK tidak berlaku untuk PNS');
    return { grade, pppkGrade: null };
  }
  if (grade) throw new BadInput('grade', 'must be empty for PPPK, who have no golongan/ruang (pangkat); give pppkGrade I..XVII', 'PPPK tidak memiliki golongan/ruang (pangkat)');
  // A PPPK recorded before golongan I..XVII existed here keeps answering until BKPSDM fills it in.
  if (!pppkGrade && !existing) throw new BadInput('pppkGrade', 'is required for PPPK (golongan I..XVII, Perpres 98/2020)', 'Golongan PPPK wajib diisi');
  return { grade: null, pppkGrade: pppkGrade ?? null };
}

function contractProblem(p: ContractProblem): never {
  throw new BadInput(p.field, p.message, p.messageId);
}

/** The first contract of a PPPK, recorded with the employee; its sequence is the NIP's contract count. */
async function recordFirstContract(ctx: KitContext, m: EntityManager, employee: EmployeeRow, nip: Nip, input: ContractInput, action: string): Promise<WorkContractRow> {
  const contract = m.create(WorkContractRow, {
    employeeId: employee.id, sequence: nip.contractCount ?? 1, number: input.number.trim(), startsOn: input.startsOn, endsOn: input.endsOn,
    status: ContractStatus.ACTIVE, renewalReason: null, endReason: null,
  });
  const saved = await m.save(contract);
  await contractChanged(m, employee, 'RECORDED', saved, null, null);
  await recordAudit(m, ctx, { entityType: 'WorkContract', entityId: saved.id, action, before: null, after: saved });
  return saved;
}

function checkFirstContract(employmentType: EmploymentType, contract: ContractInput | null | undefined, nip: Nip, required: boolean): ContractInput | null {
  if (employmentType === EmploymentType.PNS) {
    if (contract) throw new BadInput('contract', 'must be empty for PNS: work contracts are for PPPK', 'PNS tidak memiliki perjanjian kerja');
    return null;
  }
  if (!contract) {
    if (required) throw new BadInput('contract', 'is required for PPPK: give number, startsOn and endsOn of the current work contract', 'Perjanjian kerja wajib diisi untuk PPPK');
    return null;
  }
  const problem = firstContractProblem(contract, nip.appointmentDate);
  if (problem) contractProblem(problem);
  return contract;
}

async function findUnit(m: EntityManager, id: string, field = 'unitId'): Promise<OrganizationUnitRow> {
  const unit = isUuid(id) ? await m.findOneBy(OrganizationUnitRow, { id }) : null;
  if (!unit) throw new BadInput(field, `no organization unit has id ${id}`);
  return unit;
}

async function findEmployee(m: EntityManager, id: string, lock = false): Promise<EmployeeRow> {
  const row = isUuid(id)
    ? await m.findOne(EmployeeRow, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
    : null;
  if (!row) throw new NotFound('Employee', id);
  return row;
}

/** A supervisor must exist, be active, and not sit below the employee (no cycles). */
async function checkSupervisor(m: EntityManager, employeeId: string | null, supervisorId: string): Promise<void> {
  if (employeeId && supervisorId === employeeId) throw new BadInput('supervisorId', 'an employee cannot supervise themself');
  const supervisor = isUuid(supervisorId) ? await m.findOneBy(EmployeeRow, { id: supervisorId }) : null;
  if (!supervisor) throw new BadInput('supervisorId', `no employee has id ${supervisorId}`);
  if (supervisor.status !== EmployeeStatus.ACTIVE) throw new BadInput('supervisorId', 'the supervisor must be an active employee');
  if (!employeeId) return;
  const rows: Array<{ id: string }> = await m.query(`
    WITH RECURSIVE up(id, depth) AS (
      SELECT supervisor_id, 1 FROM employee WHERE id = $1 AND supervisor_id IS NOT NULL
      UNION ALL
      SELECT e.supervisor_id, up.depth + 1 FROM up JOIN employee e ON e.id = up.id
       WHERE e.supervisor_id IS NOT NULL AND up.depth < 64
    ) SELECT id::text FROM up WHERE id = $2 LIMIT 1`, [supervisorId, employeeId]);
  if (rows.length > 0) {
    throw new BadInput('supervisorId', 'would make a supervisor cycle: this supervisor already reports, directly or indirectly, to the employee');
  }
}

function conflictOnDuplicate(error: unknown): never {
  if (isUniqueViolation(error, 'employee_nip_key')) throw new Conflict('nip: this NIP is already registered to another employee', { field: 'nip' });
  if (isUniqueViolation(error, 'organization_unit_code_key')) throw new Conflict('code: this unit code is already used', { field: 'code' });
  if (isUniqueViolation(error, 'work_contract_number_key')) {
    throw new Conflict('number: this contract number is already recorded for a contract', { field: 'number', messageId: 'Nomor perjanjian kerja sudah terdaftar' });
  }
  throw error;
}

export async function createOrganizationUnit(ctx: KitContext, input: CreateOrganizationUnitInput): Promise<OrganizationUnitRow> {
  return ctx.dataSource.transaction(async (m) => {
    if (input.parentId) await findUnit(m, input.parentId, 'parentId');
    const unit = m.create(OrganizationUnitRow, {
      code: input.code, name: input.name.trim(), kind: input.kind, parentId: input.parentId ?? null, headId: null,
    });
    const saved = await m.save(unit);
    await recordAudit(m, ctx, { entityType: 'OrganizationUnit', entityId: saved.id, action: 'createOrganizationUnit', before: null, after: saved });
    return saved;
  }).catch(conflictOnDuplicate);
}

export async function registerEmployee(ctx: KitContext, input: RegisterEmployeeInput): Promise<EmployeeRow> {
  const nip = validNip(input.nip, input);
  const grades = checkGrades(input.employmentType, input.grade, input.pppkGrade);
  const contract = checkFirstContract(input.employmentType, input.contract, nip, true);
  return ctx.dataSource.transaction(async (m) => {
    await findUnit(m, input.unitId);
    if (input.supervisorId) await checkSupervisor(m, null, input.supervisorId);
    const row = m.create(EmployeeRow, {
      nip: nip.value, name: input.name.trim(), gender: input.gender, birthDate: input.birthDate, employmentType: input.employmentType,
      ...grades, positionTitle: input.positionTitle.trim(), positionKind: input.positionKind, unitId: input.unitId,
      supervisorId: input.supervisorId ?? null, status: EmployeeStatus.ACTIVE,
    });
    const saved = await m.save(row);
    await employeeChanged(m, saved, 'REGISTERED');
    await recordAudit(m, ctx, { entityType: 'Employee', entityId: saved.id, action: 'registerEmployee', before: null, after: saved });
    if (contract) await recordFirstContract(ctx, m, saved, nip, contract, 'registerEmployee');
    return saved;
  }).catch(conflictOnDuplicate);
}

export async function updateEmployee(ctx: KitContext, id: string, input: UpdateEmployeeInput): Promise<EmployeeRow> {
  return ctx.dataSource.transaction(async (m) => {
    const row = await findEmployee(m, id, true);
    if (input.expectedVersion !== undefined && input.expectedVersion !== null && input.expectedVersion !== row.version) {
      throw new Conflict(`expectedVersion ${input.expectedVersion} is stale: the employee is at version ${row.version}`, { currentVersion: row.version });
    }
    const before = { ...row };
    const next = {
      name: input.name?.trim() ?? row.name,
      gender: input.gender ?? row.gender,
      birthDate: input.birthDate ?? row.birthDate,
      employmentType: input.employmentType ?? row.employmentType,
      grade: input.grade === undefined ? row.grade : input.grade,
      pppkGrade: input.pppkGrade === undefined ? row.pppkGrade : input.pppkGrade,
      positionTitle: input.positionTitle?.trim() ?? row.positionTitle,
      positionKind: input.positionKind ?? row.positionKind,
      status: input.status ?? row.status,
    };
    // Changing the employment type drops the other type's golongan unless the input sets it.
    if (input.employmentType === EmploymentType.PPPK && input.grade === undefined) next.grade = null;
    if (input.employmentType === EmploymentType.PNS && input.pppkGrade === undefined) next.pppkGrade = null;
    const nip = validNip(input.nip ?? row.nip, next);
    const becomesPppk = next.employmentType === EmploymentType.PPPK && row.employmentType !== EmploymentType.PPPK;
    Object.assign(next, checkGrades(next.employmentType, next.grade, next.pppkGrade, !becomesPppk));
    // A contract is recorded here only for a PPPK with none on record; later ones are renewals.
    const current = next.employmentType === EmploymentType.PPPK
      ? await m.findOne(WorkContractRow, { where: { employeeId: row.id }, order: { sequence: 'DESC' } })
      : null;
    if (input.contract && current) {
      throw new BadInput('contract', `this employee already has contract ${current.number} (${current.status}) on record; the next one is recorded through renewContract`,
        'Perjanjian kerja berikutnya dicatat melalui perpanjangan');
    }
    const contract = checkFirstContract(next.employmentType, input.contract, nip, becomesPppk && !current);
    if (next.status !== EmployeeStatus.ACTIVE) {
      // Someone who leaves active service no longer heads a unit.
      for (const unit of await m.findBy(OrganizationUnitRow, { headId: row.id })) {
        await recordAudit(m, ctx, { entityType: 'OrganizationUnit', entityId: unit.id, action: 'updateEmployee', before: unit, after: { ...unit, headId: null } });
      }
      await m.update(OrganizationUnitRow, { headId: row.id }, { headId: null });
    }
    const statusChanged = next.status !== row.status;
    Object.assign(row, next, { nip: nip.value });
    const saved = await m.save(row);
    await employeeChanged(m, saved, statusChanged ? 'STATUS_CHANGED' : 'UPDATED');
    await recordAudit(m, ctx, { entityType: 'Employee', entityId: saved.id, action: 'updateEmployee', before, after: saved });
    if (contract) await recordFirstContract(ctx, m, saved, nip, contract, 'updateEmployee');
    return saved;
  }).catch(conflictOnDuplicate);
}

export async function transferEmployee(ctx: KitContext, id: string, unitId: string, supervisorId: string | null): Promise<EmployeeRow> {
  return ctx.dataSource.transaction((m) => transferIn(m, ctx, id, unitId, supervisorId));
}

/** The transfer inside the caller's transaction (an applied supervisor correction uses it too). */
export async function transferIn(m: EntityManager, ctx: KitContext, id: string, unitId: string, supervisorId: string | null, reason?: string): Promise<EmployeeRow> {
  const row = await findEmployee(m, id, true);
  const unit = await findUnit(m, unitId);
  const before = { ...row };
  let supervisor = supervisorId;
  // An empty supervisorId is a malformed id (BAD_USER_INPUT), not "let the unit head supervise".
  if (supervisor !== null && supervisor !== undefined) await checkSupervisor(m, row.id, supervisor);
  else if (unit.headId && unit.headId !== row.id) {
    // The new unit's head is the natural supervisor; keeps evaluations pointed at the right person.
    supervisor = unit.headId;
    await checkSupervisor(m, row.id, supervisor);
  }
  if (row.unitId !== unit.id) {
    for (const headed of await m.findBy(OrganizationUnitRow, { headId: row.id })) {
      await recordAudit(m, ctx, { entityType: 'OrganizationUnit', entityId: headed.id, action: 'transferEmployee', before: headed, after: { ...headed, headId: null } });
    }
    await m.update(OrganizationUnitRow, { headId: row.id }, { headId: null });
  }
  row.unitId = unit.id;
  row.supervisorId = supervisor;
  const saved = await m.save(row);
  await employeeChanged(m, saved, 'TRANSFERRED');
  await recordAudit(m, ctx, { entityType: 'Employee', entityId: saved.id, action: 'transferEmployee', before, after: saved, ...(reason ? { reason } : {}) });
  return saved;
}

export async function setUnitHead(ctx: KitContext, unitId: string, employeeId: string): Promise<OrganizationUnitRow> {
  return ctx.dataSource.transaction(async (m) => {
    const unit = await m.findOne(OrganizationUnitRow, { where: { id: isUuid(unitId) ? unitId : '00000000-0000-0000-0000-000000000000' }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw new NotFound('OrganizationUnit', unitId);
    const employee = isUuid(employeeId) ? await m.findOneBy(EmployeeRow, { id: employeeId }) : null;
    if (!employee) throw new BadInput('employeeId', `no employee has id ${employeeId}`);
    if (employee.unitId !== unit.id) throw new BadInput('employeeId', 'the head must be an employee of the unit; transfer them first');
    if (employee.status !== EmployeeStatus.ACTIVE) throw new BadInput('employeeId', 'the head must be an active employee');
    const before = { ...unit };
    unit.headId = employee.id;
    const saved = await m.save(unit);
    await recordAudit(m, ctx, { entityType: 'OrganizationUnit', entityId: saved.id, action: 'setUnitHead', before, after: saved });
    return saved;
  });
}

/** The contract in force (or the latest one) of a PPPK, locked for a change. */
async function currentContract(m: EntityManager, employeeId: string): Promise<WorkContractRow | null> {
  return m.findOne(WorkContractRow, { where: { employeeId }, order: { sequence: 'DESC' }, lock: { mode: 'pessimistic_write' } });
}

async function findPppk(m: EntityManager, employeeId: string): Promise<EmployeeRow> {
  const employee = await findEmployee(m, employeeId, true);
  if (employee.employmentType !== EmploymentType.PPPK) {
    throw new BadInput('employeeId', 'is a PNS: work contracts are for PPPK (PP 49/2018 art. 37)', 'PNS tidak memiliki perjanjian kerja');
  }
  return employee;
}

/** PP 49/2018 art. 37: the next contract starts the day after the current one ends; the current one is RENEWED. */
export async function renewContract(ctx: KitContext, employeeId: string, input: { endsOn: string; number: string; reason: string }): Promise<EmployeeRow> {
  return ctx.dataSource.transaction(async (m) => {
    const employee = await findPppk(m, employeeId);
    const current = await currentContract(m, employee.id);
    const next = renewal(current, input);
    if (!next.ok) contractProblem(next.problem);
    const old = current as WorkContractRow;
    const before = { ...old };
    old.status = ContractStatus.RENEWED;
    await m.save(old);
    const reason = input.reason.trim();
    const created = await m.save(m.create(WorkContractRow, {
      employeeId: employee.id, sequence: next.sequence, number: input.number.trim(), startsOn: next.startsOn, endsOn: input.endsOn,
      status: ContractStatus.ACTIVE, renewalReason: reason, endReason: null,
    }));
    await contractChanged(m, employee, 'RENEWED', created, old, reason);
    await recordAudit(m, ctx, { entityType: 'WorkContract', entityId: old.id, action: 'renewContract', before, after: old, reason });
    await recordAudit(m, ctx, { entityType: 'WorkContract', entityId: created.id, action: 'renewContract', before: null, after: created, reason });
    return employee;
  }).catch(conflictOnDuplicate);
}

/**
 * The contract in force is not renewed (or ends early) on `endsOn`. The employee's status is left
 * to BKPSDM (updateEmployee), since the end date may still be ahead.
 */
export async function endContract(ctx: KitContext, employeeId: string, input: { endsOn: string; reason: string }): Promise<EmployeeRow> {
  return ctx.dataSource.transaction(async (m) => {
    const employee = await findPppk(m, employeeId);
    const current = await currentContract(m, employee.id);
    const problem = ending(current, input);
    if (problem) contractProblem(problem);
    const contract = current as WorkContractRow;
    const before = { ...contract };
    const reason = input.reason.trim();
    contract.status = ContractStatus.ENDED;
    contract.endsOn = input.endsOn;
    contract.endReason = reason;
    const saved = await m.save(contract);
    await contractChanged(m, employee, 'ENDED', saved, before, reason);
    await recordAudit(m, ctx, { entityType: 'WorkContract', entityId: saved.id, action: 'endContract', before, after: saved, reason });
    return employee;
  });
}
