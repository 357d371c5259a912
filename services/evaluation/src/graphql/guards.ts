import { defineGuard, hasRole, loadById, roleFacts, roleGuard, SUBJECT_NOT_FOUND, type KitContext } from '@kinerja/subgraph-kit';
import {
  correctsEvaluations, decidesObjection, evaluatorOf, filesObjection, givesFeedback, keepsCycles, ratesEvaluation, speaksOnObjection,
  startsEvaluation, submitsPublicFeedback, type ObjectionFacts,
} from '../domain/access';
import { FeedbackSource } from '../domain/enums';
import './enums';
import { EvaluationRow } from '../entities/evaluation';
import { ObjectionRow } from '../entities/objection';
import { personnelEmployee } from '../personnel-lookup';
import { viewerFacts } from './access';

/**
 * The guards evaluation's resolvers declare (rules in domain/access.ts). Where the subject is not
 * found, the resolver answers NOT_FOUND: any employee may be someone's evaluator or colleague.
 */
const anyone = () => true;

export const cycleKeeper = roleGuard('keepsCycles', keepsCycles);
export const corrector = roleGuard('correctsEvaluations', correctsEvaluations);
export const publicFeedback = defineGuard({ name: 'submitsPublicFeedback', rule: submitsPublicFeedback, facts: () => ({}), anonymous: true });

export const evaluationStarter = defineGuard({
  name: 'startsEvaluation',
  rule: startsEvaluation,
  facts: async (ctx, args) => {
    const employee = typeof args.employeeId === 'string' ? await personnelEmployee(ctx, args.employeeId) : null;
    if (!employee) return SUBJECT_NOT_FOUND;
    return { admin: hasRole(ctx, 'ADMIN'), evaluator: ctx.identity.employeeId === evaluatorOf(employee) };
  },
  mayUnderSomeSubject: anyone,
});

function evaluationRater(argument: string) {
  return defineGuard({
    name: 'ratesEvaluation',
    rule: ratesEvaluation,
    facts: async (ctx, args) => {
      const evaluation = await loadById(ctx, EvaluationRow, args[argument]);
      if (!evaluation) return SUBJECT_NOT_FOUND;
      return { admin: hasRole(ctx, 'ADMIN'), evaluator: ctx.identity.employeeId === evaluation.evaluatorId };
    },
    mayUnderSomeSubject: anyone,
  });
}
export const raterById = evaluationRater('id');
export const raterByEvaluationId = evaluationRater('evaluationId');

export const feedbackGiver = defineGuard({
  name: 'givesFeedback',
  rule: givesFeedback,
  facts: async (ctx, args) => {
    const evaluation = await loadById(ctx, EvaluationRow, args.evaluationId);
    const source = (args.input as { source?: unknown } | undefined)?.source;
    if (!evaluation || !Object.values(FeedbackSource).includes(source as FeedbackSource)) return SUBJECT_NOT_FOUND;
    return { ...(await viewerFacts(ctx, evaluation)), source: source as FeedbackSource };
  },
  mayUnderSomeSubject: anyone,
});

export const objector = defineGuard({
  name: 'filesObjection',
  rule: filesObjection,
  facts: async (ctx, args) => {
    const evaluation = await loadById(ctx, EvaluationRow, args.evaluationId);
    return evaluation ? { self: evaluation.employeeId === ctx.identity.employeeId } : SUBJECT_NOT_FOUND;
  },
  mayUnderSomeSubject: anyone,
});

async function objectionFacts(ctx: KitContext, objectionId: unknown): Promise<ObjectionFacts | typeof SUBJECT_NOT_FOUND> {
  const o = await loadById(ctx, ObjectionRow, objectionId);
  if (!o) return SUBJECT_NOT_FOUND;
  return {
    parties: { employeeId: o.employeeId, evaluatorId: o.evaluatorId, reviewerId: o.reviewerId, reviewerKind: o.reviewerKind },
    caller: { id: ctx.identity.employeeId ?? '', admin: roleFacts(ctx).admin },
  };
}

export const objectionParty = defineGuard({ name: 'speaksOnObjection', rule: speaksOnObjection, facts: (ctx, a) => objectionFacts(ctx, a.objectionId), mayUnderSomeSubject: anyone });
export const objectionReviewer = defineGuard({ name: 'decidesObjection', rule: decidesObjection, facts: (ctx, a) => objectionFacts(ctx, a.objectionId), mayUnderSomeSubject: anyone });
