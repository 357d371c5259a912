import type { RecognitionConsumer } from './events/consumer';
import type { RunningService } from '@kinerja/subgraph-kit';
import { recognition } from './service';

/** The declaration (src/service.ts); createServer for tests, recognitionService for packages/testing's startGraph. */
export const { createServer, graphService: recognitionService, entities, migrations } = recognition;
export { recognition as subgraph };
export type RunningRecognition = RunningService<{ consumer: RecognitionConsumer | null }>;
export { RewardPolicy, DEFAULT_REWARD_RULES, parseRewardRules, rewardRulesSchema, type RewardRules, type RewardOutcome, type DecisionInput } from './domain/reward-policy';
export { decideBatch, decideFromEvaluation, WITHDRAWN_REASON, type BatchDecision, type DecideDependencies, type EmployeeFacts } from './events/evaluation-completed';
export { startRecognitionConsumer, CONSUMER_GROUP, employeeFactsFrom, employeeFactsOf, positionKindsFrom, positionKindsOf } from './events/consumer';
export * from './domain/enums';
