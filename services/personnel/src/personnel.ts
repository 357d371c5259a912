import { BadInput, Conflict, isUniqueViolation, NotFound, recordAudit, type KitContext } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { EmployeeStatus, EmploymentType, type Gender, type Grade } from './domain/enums';
import { nipDisagreements, parseNip } from './domain/nip';
import { EmployeeRow } from './entities/employee';
import { OrganizationUnitRow } from './entities/organization-unit';
import { employeeChanged } from './events/employee-changed';
import type { CreateOrganizationUnitInput, RegisterEmployeeInput, UpdateEmployeeInput } from './graphql/inputs';

/** Personnel's writes: validation against DOMAIN.md, then one transaction each. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function validNip(raw: string, record: { birthDate: string; gender: Gender }): string {
  const parsed = parseNip(raw);
  if (!parsed.ok) throw new BadInput('nip', parsed.message, `NIP tidak valid (${parsed.part})`);
  const problems = nipDisagreements(parsed.nip, record);
  if (problems.length > 0) throw new BadInput('nip', problems.join('; '), 'NIP tidak sesuai dengan data pegawai');
  return parsed.nip.value;
}

function checkGrade(employmentType: EmploymentType, grade: Grade | null | undefined): Grade | null {
  if (employmentType === EmploymentType.PNS && !grade) throw new BadInput('grade', 'is required for PNS (golongan/ruang)');
  if (employmentType === EmploymentType.PPPK && grade) throw new BadInput('grade', 'must be empty for PPPK, who have no golongan/ruang');
  return grade ?? null;
}

async function findUnit(m: EntityManager, id: string, field = 'unitId'): Promise<OrganizationUnitRow> {
  const unit = UUID.test(id) ? await m.findOneBy(OrganizationUnitRow, { id }) : null;
  if (!unit) throw new BadInput(field, `no organization unit has id ${id}`);
  return unit;
}

async function findEmployee(m: EntityManager, id: string, lock = false): Promise<EmployeeRow> {
  const row = UUID.test(id)
    ? await m.findOne(EmployeeRow, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
    : null;
  if (!row) throw new NotFound('Employee', id);
  return row;
}

/** A supervisor must exist, be active, and not sit below the employee (no cycles). */
async function checkSupervisor(m: EntityManager, employeeId: string | null, supervisorId: string): Promise<void> {
  if (employeeId && supervisorId === employeeId) throw new BadInput('supervisorId', 'an employee cannot supervise themself');
  const supervisor = UUID.test(supervisorId) ? await m.findOneBy(EmployeeRow, { id: supervisorId }) : null;
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
  const grade = checkGrade(input.employmentType, input.grade);
  return ctx.dataSource.transaction(async (m) => {
    await findUnit(m, input.unitId);
    if (input.supervisorId) await checkSupervisor(m, null, input.supervisorId);
    const row = m.create(EmployeeRow, {
      nip, name: input.name.trim(), gender: input.gender, birthDate: input.birthDate, employmentType: input.employmentType,
      grade, positionTitle: input.positionTitle.trim(), positionKind: input.positionKind, unitId: input.unitId,
      supervisorId: input.supervisorId ?? null, status: EmployeeStatus.ACTIVE,
    });
    const saved = await m.save(row);
    await employeeChanged(m, saved, 'REGISTERED');
    await recordAudit(m, ctx, { entityType: 'Employee', entityId: saved.id, action: 'registerEmployee', before: null, after: saved });
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
      positionTitle: input.positionTitle?.trim() ?? row.positionTitle,
      positionKind: input.positionKind ?? row.positionKind,
      status: input.status ?? row.status,
    };
    if (input.employmentType === EmploymentType.PPPK && input.grade === undefined) next.grade = null;
    const nip = validNip(input.nip ?? row.nip, next);
    next.grade = checkGrade(next.employmentType, next.grade);
    if (next.status !== EmployeeStatus.ACTIVE) {
      // Someone who leaves active service no longer heads a unit.
      for (const unit of await m.findBy(OrganizationUnitRow, { headId: row.id })) {
        await recordAudit(m, ctx, { entityType: 'OrganizationUnit', entityId: unit.id, action: 'updateEmployee', before: unit, after: { ...unit, headId: null } });
      }
      await m.update(OrganizationUnitRow, { headId: row.id }, { headId: null });
    }
    const statusChanged = next.status !== row.status;
    Object.assign(row, next, { nip });
    const saved = await m.save(row);
    await employeeChanged(m, saved, statusChanged ? 'STATUS_CHANGED' : 'UPDATED');
    await recordAudit(m, ctx, { entityType: 'Employee', entityId: saved.id, action: 'updateEmployee', before, after: saved });
    return saved;
  }).catch(conflictOnDuplicate);
}

export async function transferEmployee(ctx: KitContext, id: string, unitId: string, supervisorId: string | null): Promise<EmployeeRow> {
  return ctx.dataSource.transaction(async (m) => {
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
    await recordAudit(m, ctx, { entityType: 'Employee', entityId: saved.id, action: 'transferEmployee', before, after: saved });
    return saved;
  });
}

export async function setUnitHead(ctx: KitContext, unitId: string, employeeId: string): Promise<OrganizationUnitRow> {
  return ctx.dataSource.transaction(async (m) => {
    const unit = await m.findOne(OrganizationUnitRow, { where: { id: UUID.test(unitId) ? unitId : '00000000-0000-0000-0000-000000000000' }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw new NotFound('OrganizationUnit', unitId);
    const employee = UUID.test(employeeId) ? await m.findOneBy(EmployeeRow, { id: employeeId }) : null;
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
