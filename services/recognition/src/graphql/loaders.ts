import { byKey, groupByKey, isUuid, rowsById, type KitContext } from '@kinerja/subgraph-kit';
import { In, Not } from 'typeorm';
import { AwardRow } from '../entities/award';
import { RewardDecisionRow } from '../entities/reward-decision';
import { CoachingSessionRow, ImprovementPlanRow, ImprovementStepRow } from '../entities/improvement';
import { SanctionExaminationRow, SanctionHistoryRow, SanctionRow } from '../entities/sanction';
import { DecisionStatus } from '../domain/enums';
import './enums';

/** Per-request batch loaders: every list field and reference costs one statement per request. */

/** Keys that can be ids at all (a malformed one would make PostgreSQL refuse the whole batch). */
const ids = (keys: readonly string[]) => keys.filter((k) => isUuid(k));

/** Decisions as resolvers answer with them (the kit's rowsById, apart from the guards' cache). */
export function decisionById(ctx: KitContext) {
  return rowsById(ctx, RewardDecisionRow, { cache: 'answers' });
}

export function decisionByEvaluation(ctx: KitContext) {
  return ctx.loaders.get<string, RewardDecisionRow | null>('decisionByEvaluation', async (keys) => {
    // The evaluation's newest revision (a revised decision is reachable through `revises`).
    const rows = await ctx.dataSource.getRepository(RewardDecisionRow).find({ where: { evaluationId: In(ids(keys)) }, order: { revision: 'ASC' } });
    return byKey(keys, rows, (r) => r.evaluationId);
  });
}

export function decisionsByEmployee(ctx: KitContext, year: number | null) {
  return ctx.loaders.get<string, RewardDecisionRow[]>(`decisionsByEmployee.${year ?? 'all'}`, async (keys) => {
    const rows = await ctx.dataSource.getRepository(RewardDecisionRow).find({
      where: { employeeId: In(ids(keys)), status: Not(DecisionStatus.REVISED), ...(year === null ? {} : { year }) },
      order: { completedAt: 'ASC', id: 'ASC' },
    });
    return groupByKey(keys, rows, (r) => r.employeeId);
  });
}

export function awardsByEmployee(ctx: KitContext) {
  return ctx.loaders.get<string, AwardRow[]>('awardsByEmployee', async (keys) => {
    const rows = await ctx.dataSource.getRepository(AwardRow).find({ where: { employeeId: In(ids(keys)) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return groupByKey(keys, rows, (r) => r.employeeId);
  });
}

export function awardsByDecision(ctx: KitContext) {
  return ctx.loaders.get<string, AwardRow[]>('awardsByDecision', async (keys) => {
    const rows = await ctx.dataSource.getRepository(AwardRow).find({ where: { decisionId: In(ids(keys)) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return groupByKey(keys, rows, (r) => r.decisionId as string);
  });
}

export function sanctionsByEmployee(ctx: KitContext) {
  return ctx.loaders.get<string, SanctionRow[]>('sanctionsByEmployee', async (keys) => {
    const rows = await ctx.dataSource.getRepository(SanctionRow).find({ where: { employeeId: In(ids(keys)) }, order: { proposedAt: 'ASC', id: 'ASC' } });
    return groupByKey(keys, rows, (r) => r.employeeId);
  });
}

export function sanctionHistory(ctx: KitContext) {
  return ctx.loaders.get<string, SanctionHistoryRow[]>('sanctionHistory', async (keys) => {
    const rows = await ctx.dataSource.getRepository(SanctionHistoryRow).find({ where: { sanctionId: In(ids(keys)) }, order: { id: 'ASC' } });
    return groupByKey(keys, rows, (r) => r.sanctionId);
  });
}

export function plansByEmployee(ctx: KitContext) {
  return ctx.loaders.get<string, ImprovementPlanRow[]>('plansByEmployee', async (keys) => {
    const rows = await ctx.dataSource.getRepository(ImprovementPlanRow).find({ where: { employeeId: In(ids(keys)) }, order: { opensOn: 'ASC', id: 'ASC' } });
    return groupByKey(keys, rows, (r) => r.employeeId);
  });
}

export function planSessions(ctx: KitContext) {
  return ctx.loaders.get<string, CoachingSessionRow[]>('planSessions', async (keys) => {
    const rows = await ctx.dataSource.getRepository(CoachingSessionRow).find({ where: { planId: In(ids(keys)) }, order: { heldOn: 'ASC', id: 'ASC' } });
    return groupByKey(keys, rows, (r) => r.planId);
  });
}

export function planSteps(ctx: KitContext) {
  return ctx.loaders.get<string, ImprovementStepRow[]>('planSteps', async (keys) => {
    const rows = await ctx.dataSource.getRepository(ImprovementStepRow).find({ where: { planId: In(ids(keys)) }, order: { id: 'ASC' } });
    return groupByKey(keys, rows, (r) => r.planId);
  });
}

export function sanctionExaminations(ctx: KitContext) {
  return ctx.loaders.get<string, SanctionExaminationRow[]>('sanctionExaminations', async (keys) => {
    const rows = await ctx.dataSource.getRepository(SanctionExaminationRow).find({ where: { sanctionId: In(ids(keys)) }, order: { heldOn: 'ASC', id: 'ASC' } });
    return groupByKey(keys, rows, (r) => r.sanctionId);
  });
}
