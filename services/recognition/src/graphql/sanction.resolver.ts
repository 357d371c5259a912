import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInput, type KitContext } from '@kinerja/subgraph-kit';
import { SanctionLevel, SanctionStatus } from '../domain/enums';
import type { RewardDecisionRow } from '../entities/reward-decision';
import { SanctionRow, type SanctionHistoryRow } from '../entities/sanction';
import { decideSanction, proposeSanction, UUID } from '../recognition';
import { visibleUnits } from './access';
import { decisionById, sanctionHistory } from './loaders';
import { EmployeeRef, employeeStub } from './refs';
import { RewardDecision, Sanction, SanctionHistoryEntry } from './types';

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
    if (unitId && !UUID.test(unitId)) throw new BadInput('unitId', 'must be an organization unit id');
    const limit = first ?? 500;
    if (limit < 1 || limit > MAX_PAGE) throw new BadInput('first', `must be between 1 and ${MAX_PAGE}`);
    const units = await visibleUnits(ctx, unitId, 'Sanctions');
    const q = ctx.dataSource.getRepository(SanctionRow).createQueryBuilder('s');
    if (units !== null) q.andWhere('s.unit_id = ANY(:units)', { units });
    if (status) q.andWhere('s.status = :status', { status });
    return q.orderBy('s.proposed_at', 'DESC').addOrderBy('s.id', 'ASC').limit(limit).getMany();
  }

  @Mutation(() => Sanction, { description: 'ADMIN, or a head of the employee\'s unit or a unit above it. Emits kinerja.sanction.decided.v1 (PROPOSED).' })
  proposeSanction(
    @Ctx() ctx: KitContext,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('level', () => SanctionLevel) level: SanctionLevel,
    @Arg('reason', () => String) reason: string,
    @Arg('decisionId', () => ID, { nullable: true }) decisionId?: string,
  ): Promise<SanctionRow> {
    return proposeSanction(ctx, employeeId, level, reason, decisionId ?? null);
  }

  @Mutation(() => Sanction, {
    description: 'ADMIN only. impose: true imposes a proposal; false dismisses a proposal or revokes an imposed sanction. Recorded with who and why; emits kinerja.sanction.decided.v1.',
  })
  decideSanction(
    @Ctx() ctx: KitContext,
    @Arg('id', () => ID) id: string,
    @Arg('impose', () => Boolean) impose: boolean,
    @Arg('reason', () => String, { nullable: true, description: 'Why; kept in the sanction\'s history' }) reason?: string,
  ): Promise<SanctionRow> {
    return decideSanction(ctx, id, impose, reason);
  }

  @FieldResolver(() => EmployeeRef)
  employee(@Root() s: SanctionRow): EmployeeRef {
    return employeeStub(s.employeeId);
  }

  @FieldResolver(() => RewardDecision, { nullable: true, description: 'The reward decision that led to it, if any' })
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

@Resolver(() => SanctionHistoryEntry)
export class SanctionHistoryResolver {
  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'Null for the system' })
  by(@Root() h: SanctionHistoryRow): EmployeeRef | null {
    return h.actorId ? employeeStub(h.actorId) : null;
  }
}
