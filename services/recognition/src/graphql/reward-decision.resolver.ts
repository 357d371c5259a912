import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { BadInput, isUuid, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import { DecisionStatus, PeriodType, Predicate, SanctionLevel } from '../domain/enums';
import './enums';
import { AwardRow } from '../entities/award';
import { RewardDecisionRow } from '../entities/reward-decision';
import { reasonText } from '../domain/reward-reasons';
import { requireRecordsOf, visibleUnits } from './access';
import { awardsByDecision, decisionById } from './loaders';
import { EmployeeRef, employeeStub, EvaluationRef } from './refs';
import { Award, RewardDecision, RewardReason } from './types';

const MAX_PAGE = 5000;

@Resolver(() => RewardDecision)
export class RewardDecisionResolver {
  @Query(() => [RewardDecision], {
    description: 'Decisions of a year, oldest completion first: unit heads for their units and sub-units, ADMIN and ANALYST everywhere',
  })
  async rewardDecisions(
    @Ctx() ctx: KitContext,
    @Arg('year', () => Int) year: number,
    @Arg('unitId', () => ID, { nullable: true, description: 'This unit and its sub-units' }) unitId?: string,
    @Arg('predicate', () => Predicate, { nullable: true }) predicate?: Predicate,
    @Arg('periodType', () => PeriodType, { nullable: true }) periodType?: PeriodType,
    @Arg('first', () => Int, { nullable: true, defaultValue: 1000, description: `At most ${MAX_PAGE}` }) first?: number,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset?: number,
  ): Promise<RewardDecisionRow[]> {
    requireUser(ctx);
    if (year < 2000 || year > 2100) throw new BadInput('year', 'must be between 2000 and 2100');
    const limit = first ?? 1000;
    if (limit < 1 || limit > MAX_PAGE) throw new BadInput('first', `must be between 1 and ${MAX_PAGE}`);
    if ((offset ?? 0) < 0) throw new BadInput('offset', 'must not be negative');
    if (unitId && !isUuid(unitId)) throw new BadInput('unitId', 'must be an organization unit id');
    const units = await visibleUnits(ctx, unitId, 'Reward decisions');
    const q = ctx.dataSource.getRepository(RewardDecisionRow).createQueryBuilder('d').where('d.year = :year', { year })
      .andWhere('d.status <> :revised', { revised: DecisionStatus.REVISED }); // a revised decision is reachable through `revises`
    if (units !== null) q.andWhere('d.unit_id = ANY(:units)', { units });
    if (predicate) q.andWhere('d.predicate = :predicate', { predicate });
    if (periodType) q.andWhere('d.period_type = :periodType', { periodType });
    return q.orderBy('d.completed_at', 'ASC').addOrderBy('d.id', 'ASC').limit(limit).offset(offset ?? 0).getMany();
  }

  @Query(() => RewardDecision, { nullable: true })
  async rewardDecision(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string): Promise<RewardDecisionRow | null> {
    requireUser(ctx);
    const decision = isUuid(id) ? await decisionById(ctx).load(id) : null;
    if (decision) await requireRecordsOf(ctx, decision.employeeId, 'Reward decisions');
    return decision;
  }

  @FieldResolver(() => EmployeeRef)
  employee(@Root() d: RewardDecisionRow): EmployeeRef {
    return employeeStub(d.employeeId);
  }

  @FieldResolver(() => EvaluationRef)
  evaluation(@Root() d: RewardDecisionRow): EvaluationRef {
    return { id: d.evaluationId };
  }

  @FieldResolver(() => RewardDecision, { nullable: true, description: 'The earlier revision this one decided again' })
  async revises(@Root() d: RewardDecisionRow, @Ctx() ctx: KitContext): Promise<RewardDecisionRow | null> {
    return d.revisesId ? decisionById(ctx).load(d.revisesId) : null;
  }

  @FieldResolver(() => [RewardReason], { description: 'The same rules as reasons, in the same order, as codes with their values: a screen says them in its own language' })
  reasonCodes(@Root() d: RewardDecisionRow): RewardReason[] {
    return d.reasonCodes.map((r) => ({ ...r, text: reasonText(r) }));
  }

  @FieldResolver(() => SanctionLevel, { nullable: true, deprecationReason: 'Always null: a predicate is not a disciplinary offence (PP 94/2021); see followUp' })
  sanctionRecommended(): SanctionLevel | null {
    return null; // a predicate is not a disciplinary offence (PP 94/2021)
  }

  @FieldResolver(() => [Award], { description: 'Awards granted on this decision' })
  awards(@Root() d: RewardDecisionRow, @Ctx() ctx: KitContext): Promise<AwardRow[]> {
    return awardsByDecision(ctx).load(d.id);
  }
}

/** `_entities` for RewardDecision: the same visibility as everywhere else. */
export async function resolveRewardDecisionReference(ref: Record<string, unknown>, ctx: KitContext): Promise<RewardDecisionRow | null> {
  requireUser(ctx);
  const id = String(ref.id);
  const decision = isUuid(id) ? await decisionById(ctx).load(id) : null;
  if (decision) await requireRecordsOf(ctx, decision.employeeId, 'Reward decisions');
  return decision;
}
