export { createServer, createEvaluationDataSource, entities, migrations, type EvaluationOptions, type RunningEvaluation } from './server';
export { buildEvaluationSchema, SUBGRAPH_NAME } from './schema';
export { computePredicate, predicateOf } from './domain/predicate';
export { evaluationAccess, feedbackSourceRefusal, feedbackView, type EvaluationAccess, type ViewerFacts } from './domain/access';
export { DEFAULT_PUBLIC_FEEDBACK_LIMITS, type PublicFeedbackLimits } from './settings';
export * from './domain/enums';
export { suggestResultRating, ratingFromAchievement, cyclePeriod } from './domain/grounding';
import { createServer as createServerFn, type EvaluationOptions } from './server';

/** How tests and tooling start this subgraph (packages/testing's startGraph). */
export const evaluationService = {
  name: 'evaluation',
  start: (o: { databaseUrl: string; sharedSecret: string; log?: import('@kinerja/subgraph-kit').Logger; kafka?: { brokers: string; topicPrefix: string }; personnelUrl?: string;
    /** Subgraphs started before this one (packages/testing): goals' URL grounds evaluations when goals is in the graph. */
    serviceUrls?: Record<string, string> } & Partial<EvaluationOptions>) => {
    const { serviceUrls, ...rest } = o;
    return createServerFn({ ...rest, goalsUrl: o.goalsUrl ?? serviceUrls?.goals ?? null });
  },
};
