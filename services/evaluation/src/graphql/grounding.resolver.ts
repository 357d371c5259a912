import { Arg, Ctx, Directive, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { accessProfile, groupByKey, Guard, type KitContext } from '@kinerja/subgraph-kit';
import { suggestResultRatingForUnitHead } from '../domain/curve';
import { ABOVE_FROM, explainResultSuggestion, MEETS_FROM, RhkRatingSource, SuggestionRule, type ResultSuggestion } from '../domain/grounding';
import { OrganizationPredicate, PeriodType, Rating } from '../domain/enums';
import './enums';
import { EvaluationCycleRow } from '../entities/evaluation-cycle';
import { EvaluationRow } from '../entities/evaluation';
import { GoalRatingRow } from '../entities/goal-rating';
import { plansForCycle, rateGoal } from '../grounding';
import { organizationPredicateOf } from '../organization';
import { accessTo } from './access';
import { cycleById } from './loaders';
import { Evaluation } from './types';
import { raterByEvaluationId } from './guards';

/** Goals' Goal, as this subgraph refers to it (the key only; goals resolves the rest). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Goal')
export class GoalRef {
  @Field(() => ID) id: string;
}

/** Goals' PerformancePlan, as this subgraph refers to it. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('PerformancePlan')
export class PlanRef {
  @Field(() => ID) id: string;
}

@ObjectType('GoalRating', { description: 'The evaluator\'s rating of one RHK of the SKP' })
export class GoalRating {
  @Field(() => GoalRef) goal: GoalRef;
  @Field(() => Rating) rating: Rating;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('SuggestionRhk', { description: 'One RHK as the suggested result rating counted it' })
export class SuggestionRhk {
  @Field(() => GoalRef) goal: GoalRef;
  @Field(() => String, { description: 'UTAMA or TAMBAHAN' }) kind: string;
  @Field(() => Rating, { nullable: true }) rating: Rating | null;
  @Field(() => RhkRatingSource) source: RhkRatingSource;
  @Field(() => Float, { nullable: true, description: 'Realized against target, 1.0 = met' }) achievement: number | null;
}

@ObjectType('ResultRatingSuggestion', { description: 'Why the result rating is suggested: the rule that fired and the RHK it counted' })
export class ResultRatingSuggestion {
  @Field(() => Rating, { nullable: true, description: 'The suggestion (suggestedResultRating)' }) rating: Rating | null;
  @Field(() => SuggestionRule) rule: SuggestionRule;
  @Field(() => Int, { description: 'UTAMA RHK with a rating (the evaluator\'s or from achievement)' }) utamaRated: number;
  @Field(() => Int) utamaAbove: number;
  @Field(() => Int) utamaBelow: number;
  @Field(() => Boolean, { description: 'Some TAMBAHAN RHK is above expectation (counts as one more above, never lowers)' }) tambahanAbove: boolean;
  @Field(() => Float, { description: 'Achievement from which an unrated RHK counts as above expectation' }) aboveFrom: number;
  @Field(() => Float, { description: 'Achievement from which an unrated RHK meets expectation' }) meetsFrom: number;
  @Field(() => OrganizationPredicate, { nullable: true, description: 'ORGANIZATION_PREDICATE: the unit\'s organisation predicate the suggestion follows' }) organizationPredicate: OrganizationPredicate | null;
  @Field(() => [SuggestionRhk]) rhk: SuggestionRhk[];
}

function goalRatingsOf(ctx: KitContext) {
  return ctx.loaders.get<string, GoalRatingRow[]>('goalRatingsOf', async (ids) => {
    const rows = await ctx.dataSource.getRepository(GoalRatingRow).createQueryBuilder('r')
      .where('r.evaluation_id = ANY(:ids)', { ids: [...ids] }).orderBy('r.rated_at').addOrderBy('r.goal_id').getMany();
    return groupByKey(ids, rows, (r) => r.evaluationId);
  });
}

/** The year's MONTHLY and QUARTERLY evaluations of each employee, keyed "employeeId|year". */
function periodicOf(ctx: KitContext) {
  return ctx.loaders.get<string, EvaluationRow[]>('periodicOf', async (keys) => {
    const pairs = keys.map((k) => k.split('|') as [string, string]);
    const rows = await ctx.dataSource.getRepository(EvaluationRow).createQueryBuilder('e')
      .innerJoinAndMapOne('e.cycle', EvaluationCycleRow, 'c', 'c.id = e.cycle_id')
      .where('(e.employee_id, c.year) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:years AS int[])))', {
        ids: pairs.map((p) => p[0]), years: pairs.map((p) => Number(p[1])),
      })
      .andWhere('c.period_type <> :annual', { annual: PeriodType.ANNUAL })
      .orderBy('c.opens_on').addOrderBy('c.period_type').addOrderBy('e.id').getMany();
    const cycles = cycleById(ctx);
    const keyed = (rows as Array<EvaluationRow & { cycle?: EvaluationCycleRow }>).map((r) => {
      const cycle = r.cycle as EvaluationCycleRow;
      cycles.prime(cycle.id, cycle);
      delete r.cycle;
      return { row: r, key: `${r.employeeId}|${cycle.year}` };
    });
    return groupByKey(keys, keyed, (x) => x.key).map((list) => list.map((x) => x.row));
  });
}

const noRhk = (rule: SuggestionRule, rating: Rating | null = null, organizationPredicate: OrganizationPredicate | null = null): ResultRatingSuggestion => ({
  rating, rule, utamaRated: 0, utamaAbove: 0, utamaBelow: 0, tambahanAbove: false, aboveFrom: ABOVE_FROM, meetsFrom: MEETS_FROM, organizationPredicate, rhk: [],
});

/** The suggested result rating with its reason, for those who see the evaluation's ratings (null otherwise). */
async function suggestionFor(ctx: KitContext, e: EvaluationRow): Promise<ResultRatingSuggestion | null> {
  const access = await accessTo(ctx, e);
  if (access === 'PARTICIPANT' || access === 'NONE') return null;
  const [cycle, profile] = await Promise.all([cycleById(ctx).load(e.cycleId), accessProfile(ctx, e.employeeId)]);
  if (!cycle) return null;
  // DOMAIN.md: a unit head's own annual result rating defaults to the unit's organisation predicate.
  if (cycle.periodType === PeriodType.ANNUAL && profile?.headOf.includes(e.unitId)) {
    const predicate = await organizationPredicateOf(ctx, e.unitId, cycle.year);
    const rating = suggestResultRatingForUnitHead(predicate);
    return rating ? noRhk(SuggestionRule.ORGANIZATION_PREDICATE, rating, predicate) : noRhk(SuggestionRule.NO_ORGANIZATION_PREDICATE);
  }
  const [plans, ratings] = await Promise.all([plansForCycle(ctx, e.employeeId, cycle), goalRatingsOf(ctx).load(e.id)]);
  const approved = (plans ?? []).filter((p) => p.status === 'APPROVED');
  if (approved.length === 0) return noRhk(SuggestionRule.NO_APPROVED_PLAN);
  const byGoal = new Map(ratings.map((r) => [r.goalId, r.rating]));
  const explained: ResultSuggestion = explainResultSuggestion(approved.flatMap((p) => p.goals)
    .map((g) => ({ goalId: g.id, kind: g.kind, rating: byGoal.get(g.id) ?? null, achievement: g.achievement })));
  return {
    ...explained, aboveFrom: ABOVE_FROM, meetsFrom: MEETS_FROM, organizationPredicate: null,
    rhk: explained.rhk.map((r) => ({ goal: { id: r.goalId }, kind: r.kind, rating: r.rating, source: r.source, achievement: r.achievement })),
  };
}

/** Evaluation fields grounded in the SKP (DOMAIN.md): RHK ratings, the suggested result rating, the year's periodic evaluations. */
@Resolver(() => Evaluation)
export class GroundingResolver {
  @FieldResolver(() => [GoalRating], { description: 'The evaluator\'s rating of each RHK rated so far' })
  async goalRatings(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<GoalRating[]> {
    const access = await accessTo(ctx, e);
    if (access === 'PARTICIPANT' || access === 'NONE') return [];
    return (await goalRatingsOf(ctx).load(e.id)).map((r) => ({ goal: { id: r.goalId }, rating: r.rating, note: r.note }));
  }

  @FieldResolver(() => [PlanRef], { description: 'The SKP plans covering the cycle\'s period (after a transfer, each plan of the year), oldest first: their RHK, indicators, realizations and evidence come from goals' })
  async performancePlans(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<PlanRef[]> {
    const access = await accessTo(ctx, e);
    if (access === 'PARTICIPANT' || access === 'NONE') return [];
    const cycle = await cycleById(ctx).load(e.cycleId);
    if (!cycle) return [];
    const plans = await plansForCycle(ctx, e.employeeId, cycle);
    return (plans ?? []).map((p) => ({ id: p.id }));
  }

  @FieldResolver(() => Rating, {
    nullable: true,
    description: 'Suggested rating hasil kerja: for a unit head\'s annual evaluation, from the unit\'s organisation predicate; otherwise from the RHK of the approved plans covering the period: the evaluator\'s RHK ratings, else achievement (≥ 1.10 above, ≥ 0.90 meets); never ABOVE while any UTAMA RHK is below (PermenPANRB 6/2022); null without a rated UTAMA RHK. suggestedResultRatingReason says why',
  })
  async suggestedResultRating(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<Rating | null> {
    return (await suggestionFor(ctx, e))?.rating ?? null;
  }

  @FieldResolver(() => ResultRatingSuggestion, {
    nullable: true,
    description: 'Why suggestedResultRating is what it is: the rule that fired, the counts, and each RHK with its rating and where that came from; null for a feedback participant',
  })
  async suggestedResultRatingReason(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<ResultRatingSuggestion | null> {
    return suggestionFor(ctx, e);
  }

  @FieldResolver(() => [Evaluation], { description: 'ANNUAL: the same employee\'s MONTHLY and QUARTERLY evaluations of that year, oldest first; empty for a periodic evaluation' })
  async periodicEvaluations(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<EvaluationRow[]> {
    const cycle = await cycleById(ctx).load(e.cycleId);
    if (!cycle || cycle.periodType !== PeriodType.ANNUAL) return [];
    if ((await accessTo(ctx, e)) === 'NONE') return [];
    return periodicOf(ctx).load(`${e.employeeId}|${cycle.year}`);
  }

  @Mutation(() => Evaluation, { description: 'The evaluator or ADMIN rates one RHK of the approved plan covering the period; a second rating replaces the first' })
  @Guard(raterByEvaluationId)
  rateGoal(
    @Ctx() ctx: KitContext,
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('goalId', () => ID) goalId: string,
    @Arg('rating', () => Rating) rating: Rating,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    return rateGoal(ctx, evaluationId, goalId, rating, note);
  }
}
