import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import './enums';
import { BadInput, Conflict, Forbidden, Guard, isUniqueViolation, isUuid, NotFound, recordAudit, requireUser, signedIn, type KitContext } from '@kinerja/subgraph-kit';
import {
  correctionAccess, CorrectionDecision, CorrectionStatus, NOTE_MAX, requestProblem, resolveProblem, type Caller, type Problem,
} from '../domain/supervisor-correction';
import { EmployeeRow } from '../entities/employee';
import { SupervisorCorrectionRow } from '../entities/supervisor-correction-request';
import { transferIn } from '../personnel';
import { Employee } from './employee';
import { correctionDesk } from './guards';
import { employeeById } from './loaders';


@ObjectType({ description: '"My supervisor is wrong": an employee\'s request to BKPSDM to correct their recorded direct supervisor' })
export class SupervisorCorrectionRequest {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'What the employee says is wrong' }) note: string;
  @Field(() => CorrectionStatus) status: CorrectionStatus;
  @Field(() => String, { nullable: true, description: 'BKPSDM\'s note when resolving (the reason of a rejection)' }) resolutionNote: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
}

@InputType()
export class SupervisorCorrectionInput {
  @Field(() => ID, { nullable: true, description: 'The employee who really is the direct supervisor, where the requester knows' })
  @IsOptional()
  @IsUUID('all', { message: 'proposedSupervisorId must be an employee id' })
  proposedSupervisorId?: string | null;

  @Field(() => String, { description: `What is wrong with the recorded supervisor, 1-${NOTE_MAX} characters` })
  @MaxLength(NOTE_MAX, { message: `note must be at most ${NOTE_MAX} characters` })
  note: string;
}

function caller(ctx: KitContext): Caller {
  return { employeeId: ctx.identity.employeeId ?? null, roles: [...ctx.identity.roles] };
}

function refuse(p: Problem): never {
  throw new BadInput(p.field, p.message, p.messageId);
}

async function activeEmployee(m: { findOneBy: (e: typeof EmployeeRow, w: { id: string }) => Promise<EmployeeRow | null> }, id: string, field: string): Promise<EmployeeRow> {
  const row = isUuid(id) ? await m.findOneBy(EmployeeRow, { id }) : null;
  if (!row) throw new BadInput(field, `no employee has id ${id}`, 'Pegawai yang diusulkan tidak ditemukan');
  if (row.status !== 'ACTIVE') throw new BadInput(field, 'the proposed supervisor must be an active employee', 'Atasan yang diusulkan harus pegawai aktif');
  return row;
}

@Resolver(() => SupervisorCorrectionRequest)
export class SupervisorCorrectionResolver {
  @Mutation(() => SupervisorCorrectionRequest, {
    description: 'The signed-in employee, about themself: asks BKPSDM to correct their direct supervisor; one OPEN request at a time (CONFLICT); audited',
  })
  @Guard(signedIn)
  async requestSupervisorCorrection(@Ctx() ctx: KitContext, @Arg('input', () => SupervisorCorrectionInput) input: SupervisorCorrectionInput) {
    const me = requireUser(ctx);
    return ctx.dataSource.transaction(async (m) => {
      const employee = await m.findOne(EmployeeRow, { where: { id: me }, lock: { mode: 'pessimistic_write' } });
      if (!employee) throw new NotFound('Employee', me);
      const problem = requestProblem(input, me, employee.supervisorId);
      if (problem) refuse(problem);
      if (input.proposedSupervisorId) await activeEmployee(m, input.proposedSupervisorId, 'proposedSupervisorId');
      const open = await m.findOneBy(SupervisorCorrectionRow, { employeeId: me, status: CorrectionStatus.OPEN });
      if (open) throw new Conflict('you already have an OPEN supervisor correction request', { field: 'input', messageId: 'Anda sudah memiliki permintaan koreksi atasan yang sedang diproses BKPSDM' });
      const saved = await m.save(m.create(SupervisorCorrectionRow, {
        employeeId: me, currentSupervisorId: employee.supervisorId, proposedSupervisorId: input.proposedSupervisorId ?? null,
        note: input.note.trim(), status: CorrectionStatus.OPEN, resolutionNote: null, resolvedBy: null, resolvedAt: null,
      }));
      await recordAudit(m, ctx, { entityType: 'SupervisorCorrectionRequest', entityId: saved.id, action: 'requestSupervisorCorrection', before: null, after: saved });
      return saved;
    }).catch((error: unknown) => {
      if (isUniqueViolation(error, 'supervisor_correction_one_open')) {
        throw new Conflict('you already have an OPEN supervisor correction request', { field: 'input', messageId: 'Anda sudah memiliki permintaan koreksi atasan yang sedang diproses BKPSDM' });
      }
      throw error;
    });
  }

  @Query(() => [SupervisorCorrectionRequest], { description: 'The signed-in employee\'s own supervisor correction requests, newest first' })
  @Guard(signedIn)
  async mySupervisorCorrectionRequests(@Ctx() ctx: KitContext) {
    const me = requireUser(ctx);
    return ctx.dataSource.getRepository(SupervisorCorrectionRow).find({ where: { employeeId: me }, order: { createdAt: 'DESC' }, take: 20 });
  }

  @Query(() => [SupervisorCorrectionRequest], { description: 'ADMIN (BKPSDM). Supervisor correction requests, oldest first; all statuses when status is not given' })
  @Guard(correctionDesk)
  async supervisorCorrectionRequests(@Ctx() ctx: KitContext, @Arg('status', () => CorrectionStatus, { nullable: true }) status?: CorrectionStatus) {
    return ctx.dataSource.getRepository(SupervisorCorrectionRow).find({ where: status ? { status } : {}, order: { createdAt: 'ASC' }, take: 500 });
  }

  @Mutation(() => SupervisorCorrectionRequest, {
    description: 'ADMIN (BKPSDM). APPLIED changes the direct supervisor to the proposed one through the transfer path (same unit); REJECTED needs a note; only an OPEN request; audited',
  })
  @Guard(correctionDesk)
  async resolveSupervisorCorrection(
    @Ctx() ctx: KitContext,
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => CorrectionDecision) decision: CorrectionDecision,
    @Arg('note', () => String, { nullable: true }) note?: string,
  ) {
    return ctx.dataSource.transaction(async (m) => {
      const row = isUuid(id) ? await m.findOne(SupervisorCorrectionRow, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!row) throw new NotFound('SupervisorCorrectionRequest', id);
      const problem = resolveProblem(row.status, decision, row.proposedSupervisorId, note);
      if (problem) {
        if (problem.field === 'id') throw new Conflict(`id: ${problem.message}`, { field: 'id', messageId: problem.messageId });
        refuse(problem);
      }
      const before = { ...row };
      const text = (note ?? '').trim() || null;
      if (decision === CorrectionDecision.APPLIED) {
        const employee = await m.findOneBy(EmployeeRow, { id: row.employeeId });
        if (!employee) throw new NotFound('Employee', row.employeeId);
        await transferIn(m, ctx, employee.id, employee.unitId, row.proposedSupervisorId, `supervisor correction ${row.id}${text ? `: ${text}` : ''}`);
      }
      row.status = decision === CorrectionDecision.APPLIED ? CorrectionStatus.APPLIED : CorrectionStatus.REJECTED;
      row.resolutionNote = text;
      row.resolvedBy = ctx.identity.employeeId ?? null;
      row.resolvedAt = new Date();
      const saved = await m.save(row);
      await recordAudit(m, ctx, { entityType: 'SupervisorCorrectionRequest', entityId: saved.id, action: 'resolveSupervisorCorrection', before, after: saved, ...(text ? { reason: text } : {}) });
      return saved;
    });
  }

  @FieldResolver(() => Employee, { description: 'Who asked (ADMIN or the requester)' })
  async employee(@Root() row: SupervisorCorrectionRow, @Ctx() ctx: KitContext) {
    return this.readable(row, ctx, row.employeeId);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'The supervisor on record when the request was made' })
  async currentSupervisor(@Root() row: SupervisorCorrectionRow, @Ctx() ctx: KitContext) {
    return row.currentSupervisorId ? this.readable(row, ctx, row.currentSupervisorId) : null;
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'The supervisor the employee proposed, if any' })
  async proposedSupervisor(@Root() row: SupervisorCorrectionRow, @Ctx() ctx: KitContext) {
    return row.proposedSupervisorId ? this.readable(row, ctx, row.proposedSupervisorId) : null;
  }

  private async readable(row: SupervisorCorrectionRow, ctx: KitContext, id: string) {
    if (!correctionAccess.read(caller(ctx), row.employeeId)) throw new Forbidden();
    return employeeById(ctx).load(id);
  }
}
