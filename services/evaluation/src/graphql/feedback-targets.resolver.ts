import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { accessProfile, Guard, requireUser, signedIn, type KitContext } from '@kinerja/subgraph-kit';
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

@Resolver()
export class FeedbackTargetsResolver {
  @Query(() => [FeedbackTarget], {
    description: 'The DRAFT evaluations of open cycles the caller may give feedback on, as giveFeedback decides (domain/access.ts): their own (SELF), their direct supervisor\'s (SUBORDINATE), those they evaluate (SUPERVISOR; higher in the chain, giveFeedback allows it but this list does not offer it) and their unit\'s (PEER)',
  })
  @Guard(signedIn)
  async feedbackTargets(@Ctx() ctx: KitContext): Promise<FeedbackTarget[]> {
    const me = requireUser(ctx);
    const profile = await accessProfile(ctx, me);
    const near = [me, ...(profile?.supervisorChain.slice(0, 1) ?? [])];
    // Candidates by what the evaluation row knows; the rule over personnel's facts decides each.
    const candidates = await ctx.dataSource.getRepository(EvaluationRow).createQueryBuilder('e')
      .innerJoin('evaluation_cycle', 'c', 'c.id = e.cycle_id AND c.status = :open', { open: CycleStatus.OPEN })
      .where('e.status = :draft', { draft: EvaluationStatus.DRAFT })
      .andWhere('(e.employee_id = ANY(:near) OR e.evaluator_id = :me OR e.unit_id = :unit)', { near, me, unit: profile?.unitId ?? null })
      .orderBy('c.opens_on', 'DESC').addOrderBy('e.id').getMany();
    const out: FeedbackTarget[] = [];
    const seen = new Set<string>();
    for (const evaluation of candidates) {
      if (seen.has(evaluation.employeeId)) continue; // the newest open cycle's evaluation of each employee
      const source = feedbackSourceFor(await viewerFacts(ctx, evaluation));
      if (!source) continue;
      seen.add(evaluation.employeeId);
      out.push({ evaluation, source });
    }
    return out.sort((a, b) => FEEDBACK_SOURCES_IN_ORDER.indexOf(a.source) - FEEDBACK_SOURCES_IN_ORDER.indexOf(b.source));
  }
}
