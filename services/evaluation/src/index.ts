import type { RunningService, SubgraphOptions } from '@kinerja/subgraph-kit';
import { evaluation, type EvaluationExtraOptions } from './service';

export { evaluation as subgraph };
export type EvaluationOptions = SubgraphOptions & EvaluationExtraOptions;
export type RunningEvaluation = RunningService;
export const createServer = evaluation.createServer;
export const evaluationService = evaluation.graphService;
export { seedEvaluation } from './seed';
export { computePredicate, predicateOf } from './domain/predicate';
export { evaluationAccess, feedbackSourceRefusal, feedbackView, type EvaluationAccess, type ViewerFacts } from './domain/access';
export { DEFAULT_PUBLIC_FEEDBACK_LIMITS, type PublicFeedbackLimits } from './settings';
export * from './domain/enums';
export { suggestResultRating, ratingFromAchievement, cyclePeriod } from './domain/grounding';
