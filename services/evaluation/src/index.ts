import type { RunningService } from '@kinerja/subgraph-kit';
import { evaluation } from './service';

/** The declaration (src/service.ts); createServer for tests, evaluationService for packages/testing's startGraph. */
export const { createServer, graphService: evaluationService } = evaluation;
export { evaluation as subgraph };
export type RunningEvaluation = RunningService;
export { seedEvaluation } from './seed';
export { computePredicate, predicateOf } from './domain/predicate';
export { evaluationAccess, feedbackSourceRefusal, feedbackView, type EvaluationAccess, type ViewerFacts } from './domain/access';
export { DEFAULT_PUBLIC_FEEDBACK_LIMITS, type PublicFeedbackLimits } from './settings';
export * from './domain/enums';
export { suggestResultRating, ratingFromAchievement, cyclePeriod } from './domain/grounding';
