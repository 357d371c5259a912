import { defineGuard, loadById, relationFacts, relationGuard, roleFacts, roleGuard, SUBJECT_NOT_FOUND, type KitContext } from '@kinerja/subgraph-kit';
import { coachesPlan, decidesRewards, opensDisciplineCase, recordsExamination, reviewsPlan, type PlanFacts } from '../domain/access';
import { ImprovementPlanRow } from '../entities/improvement';
import { SanctionRow } from '../entities/sanction';

/** The guards recognition's resolvers declare (rules in domain/access.ts). */

export const rewardDecider = roleGuard('decidesRewards', decidesRewards);

export const disciplineCaseOpener = relationGuard('opensDisciplineCase', opensDisciplineCase, (a) => a.employeeId);

/** Of an unknown case only ADMIN learns that it does not exist. */
export const examinationRecorder = defineGuard({
  name: 'recordsExamination',
  rule: recordsExamination,
  facts: async (ctx, args) => {
    const sanction = await loadById(ctx, SanctionRow, args.sanctionId);
    return sanction ? relationFacts(ctx, sanction.employeeId) : SUBJECT_NOT_FOUND;
  },
  mayUnderSomeSubject: (roles) => roles.admin,
});

async function planFacts(ctx: KitContext, planId: unknown): Promise<PlanFacts | typeof SUBJECT_NOT_FOUND> {
  const plan = await loadById(ctx, ImprovementPlanRow, planId);
  return plan ? { ...roleFacts(ctx), owner: plan.ownerId === ctx.identity.employeeId } : SUBJECT_NOT_FOUND;
}

export const planCoach = defineGuard({ name: 'coachesPlan', rule: coachesPlan, facts: (ctx, a) => planFacts(ctx, a.planId), mayUnderSomeSubject: (r) => r.admin });
export const planReviewer = defineGuard({ name: 'reviewsPlan', rule: reviewsPlan, facts: (ctx, a) => planFacts(ctx, a.planId), mayUnderSomeSubject: (r) => r.admin });
