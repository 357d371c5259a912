import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { accessProfile, Guard, reportsOf, requireUser, signedIn, unitMembers, type KitContext } from '@kinerja/subgraph-kit';
import { FEEDBACK_SOURCES_IN_ORDER, feedbackSourceFor } from '../domain/access';
import { CycleStatus, EvaluationStatus, FeedbackSource } from '../domain/enums';
import './enums';
import { EvaluationRow } from '../entities/evaluation';
import { viewerFacts } from './access';
import { Evaluation } from './types';

@ObjectType('FeedbackTarget', { description: 'An open evaluation the caller may give feedback on, and the source that feedback has' })
export class FeedbackTarget {
  @Field(() => Evaluation) evaluation: EvaluationRow;
  @Field(() => FeedbackSource) source: FeedbackSource;
}

/**
 * Whom the caller may give feedback to, by personnel's facts as they are now (the facts giveFeedback's guard reads):
 * themself, their direct supervisor, everyone below them in the supervisor chain, and everyone in their unit today.
 * A superset: the rule decides each of their evaluations.
 */
async function candidatesOf(ctx: KitContext, me: string): Promise<string[]> {
  const profile = await accessProfile(ctx, me);
  const [reports, unit] = await Promise.all([reportsOf(ctx, me), profile ? unitMembers(ctx, profile.unitId, false) : null]);
  return [...new Set([me, ...(profile?.supervisorChain.slice(0, 1) ?? []), ...reports, ...(unit?.members.map((m) => m.id) ?? [])])];
}

@Resolver()
export class FeedbackTargetsResolver {
  @Query(() => [FeedbackTarget], {
    description: 'Every DRAFT evaluation of an open cycle the caller may give feedback on, with the source giveFeedback accepts from them (domain/access.ts, feedbackSourceFor, '
      + 'over the same facts as its guard): their own (SELF), their direct supervisor\'s (SUBORDINATE), those of everyone below them in the supervisor chain (SUPERVISOR) '
      + 'and those of the colleagues in their unit now, whatever unit the evaluation started in (PEER). Ordered by that source, then the newest cycle first',
  })
  @Guard(signedIn)
  async feedbackTargets(@Ctx() ctx: KitContext): Promise<FeedbackTarget[]> {
    const me = requireUser(ctx);
    const people = await candidatesOf(ctx, me);
    const candidates = await ctx.dataSource.getRepository(EvaluationRow).createQueryBuilder('e')
      .innerJoin('evaluation_cycle', 'c', 'c.id = e.cycle_id AND c.status = :open', { open: CycleStatus.OPEN })
      .where('e.status = :draft', { draft: EvaluationStatus.DRAFT })
      .andWhere('e.employee_id = ANY(:people)', { people })
      .orderBy('c.opens_on', 'DESC').addOrderBy('e.id').getMany();
    // All at once: one directory call for every candidate's facts.
    const sources = await Promise.all(candidates.map(async (evaluation) => feedbackSourceFor(await viewerFacts(ctx, evaluation))));
    const out = candidates.flatMap((evaluation, i): FeedbackTarget[] => {
      const source = sources[i];
      return source ? [{ evaluation, source }] : [];
    });
    return out.sort((a, b) => FEEDBACK_SOURCES_IN_ORDER.indexOf(a.source) - FEEDBACK_SOURCES_IN_ORDER.indexOf(b.source));
  }
}
