import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInput, Guard, isUuid, type KitContext } from '@kinerja/subgraph-kit';
import { SanctionLevel, SanctionStatus, SanctionType } from '../domain/enums';
import './enums';
import type { RewardDecisionRow } from '../entities/reward-decision';
import { SanctionRow, type SanctionExaminationRow, type SanctionHistoryRow } from '../entities/sanction';
import { decideSanction, proposeSanction, recordExamination } from '../recognition';
import { visibleUnits } from './access';
import { decisionById, sanctionExaminations, sanctionHistory } from './loaders';
import { EmployeeRef, employeeStub } from './refs';
import { DateScalar } from '@kinerja/subgraph-kit';
import { Examination, RewardDecision, Sanction, SanctionHistoryEntry } from './types';
import { disciplineCaseOpener, examinationRecorder, rewardDecider } from './guards';

const MAX_PAGE = 5000;

@Resolver(() => Sanction)
export class SanctionResolver {
  @Query(() => [Sanction], { description: 'Newest proposal first: unit heads for their units and sub-units, ADMIN and ANALYST everywhere' })
  async sanctions(
    @Ctx() ctx: KitContext,
    @Arg('status', () => SanctionStatus, { nullable: true }) status?: SanctionStatus,
    @Arg('unitId', () => ID, { nullable: true, description: 'This unit and its sub-units' }) unitId?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 500, description: `At most ${MAX_PAGE}` }) first?: number,
  ): Promise<SanctionRow[]> {
    if (unitId && !isUuid(unitId)) throw new BadInput('unitId', 'must be an organization unit id');
    const limit = first ?? 500;
    if (limit < 1 || limit > MAX_PAGE) throw new BadInput('first', `must be between 1 and ${MAX_PAGE}`);
    const units = await visibleUnits(ctx, unitId, 'Sanctions');
    const q = ctx.dataSource.getRepository(SanctionRow).createQueryBuilder('s');
    if (units !== null) q.andWhere('s.unit_id = ANY(:units)', { units });
    if (status) q.andWhere('s.status = :status', { status });
    return q.orderBy('s.proposed_at', 'DESC').addOrderBy('s.id', 'ASC').limit(limit).getMany();
  }

  @Mutation(() => Sanction, { description: 'A discipline case (PP 94/2021) for a violation of duties: ADMIN or the employee\'s direct superior; never from a predicate. Emits kinerja.sanction.decided.v1 (PROPOSED).' })
  @Guard(disciplineCaseOpener)
  proposeSanction(
    @Ctx() ctx: KitContext,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('level', () => SanctionLevel) level: SanctionLevel,
    @Arg('violation', () => String, { description: 'The violation of duties' }) violation: string,
    @Arg('reason', () => String) reason: string,
    @Arg('decisionId', () => ID, { nullable: true, deprecationReason: 'A discipline case is never opened from a reward decision; any value is refused' }) decisionId?: string,
  ): Promise<SanctionRow> {
    return proposeSanction(ctx, employeeId, level, violation, reason, decisionId ?? null);
  }

  @Mutation(() => Sanction, { description: 'ADMIN or the direct superior records an examination (PP 94/2021 art. 27-28): the direct superior must examine; a panel of at least two for MODERATE and SEVERE. The case becomes EXAMINED.' })
  @Guard(examinationRecorder)
  recordExamination(
    @Ctx() ctx: KitContext,
    @Arg('sanctionId', () => ID) sanctionId: string,
    @Arg('heldOn', () => DateScalar) heldOn: string,
    @Arg('examinerIds', () => [ID]) examinerIds: string[],
    @Arg('record', () => String) record: string,
  ): Promise<SanctionRow> {
    return recordExamination(ctx, sanctionId, heldOn, examinerIds, record);
  }

  @Mutation(() => Sanction, {
    description: 'ADMIN only. impose: true imposes an EXAMINED case with a type fitting its level and startsOn (endsOn from the type); false dismisses a case (DISMISSED, reason required) or revokes an imposed sanction (REVOKED, reason required). Emits kinerja.sanction.decided.v1.',
  })
  @Guard(rewardDecider)
  decideSanction(
    @Ctx() ctx: KitContext,
    @Arg('id', () => ID) id: string,
    @Arg('impose', () => Boolean) impose: boolean,
    @Arg('reason', () => String, { nullable: true, description: 'Why; kept in the sanction\'s history' }) reason?: string,
    @Arg('type', () => SanctionType, { nullable: true, description: 'Imposing: the sanction, fitting the level (PP 94/2021 art. 8)' }) type?: SanctionType,
    @Arg('startsOn', () => DateScalar, { nullable: true, description: 'Imposing: the first day in effect (a TPP cut starts on the 1st of a month)' }) startsOn?: string,
  ): Promise<SanctionRow> {
    return decideSanction(ctx, id, impose, reason, type ?? null, startsOn ?? null);
  }

  @FieldResolver(() => EmployeeRef)
  employee(@Root() s: SanctionRow): EmployeeRef {
    return employeeStub(s.employeeId);
  }

  @FieldResolver(() => [Examination], { description: 'Examination records, oldest first' })
  examinations(@Root() s: SanctionRow, @Ctx() ctx: KitContext): Promise<SanctionExaminationRow[]> {
    return sanctionExaminations(ctx).load(s.id);
  }

  @FieldResolver(() => RewardDecision, { nullable: true, deprecationReason: 'A discipline case is never opened from a reward decision', description: 'Only on cases the old system proposed from a predicate (all withdrawn)' })
  async decision(@Root() s: SanctionRow, @Ctx() ctx: KitContext): Promise<RewardDecisionRow | null> {
    return s.decisionId ? decisionById(ctx).load(s.decisionId) : null;
  }

  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'Null when the system proposed it from a reward decision' })
  proposedBy(@Root() s: SanctionRow): EmployeeRef | null {
    return s.proposedBy ? employeeStub(s.proposedBy) : null;
  }

  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'The ADMIN who last imposed, dismissed or revoked it' })
  decidedBy(@Root() s: SanctionRow): EmployeeRef | null {
    return s.decidedBy ? employeeStub(s.decidedBy) : null;
  }

  @FieldResolver(() => [SanctionHistoryEntry], { description: 'Every status it took, oldest first, with who and why' })
  history(@Root() s: SanctionRow, @Ctx() ctx: KitContext): Promise<SanctionHistoryRow[]> {
    return sanctionHistory(ctx).load(s.id);
  }
}

@Resolver(() => Examination)
export class ExaminationResolver {
  @FieldResolver(() => [EmployeeRef])
  examiners(@Root() e: SanctionExaminationRow): EmployeeRef[] {
    return e.examinerIds.map(employeeStub);
  }
}

@Resolver(() => SanctionHistoryEntry)
export class SanctionHistoryResolver {
  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'Null for the system' })
  by(@Root() h: SanctionHistoryRow): EmployeeRef | null {
    return h.actorId ? employeeStub(h.actorId) : null;
  }
}
