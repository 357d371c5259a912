import type { RunningService, SubgraphOptions } from '@kinerja/subgraph-kit';
import type { RecognitionConsumer } from './events/consumer';
import { recognition } from './service';

export { recognition as subgraph };
export type RecognitionOptions = SubgraphOptions;
export type RunningRecognition = RunningService<{ consumer: RecognitionConsumer | null }>;
export const createServer = recognition.createServer;
export const recognitionService = recognition.graphService;
export const entities = recognition.entities;
export const migrations = recognition.migrations;
export { RewardPolicy, DEFAULT_REWARD_RULES, parseRewardRules, rewardRulesSchema, type RewardRules, type RewardOutcome, type DecisionInput } from './domain/reward-policy';
export { decideBatch, decideFromEvaluation, WITHDRAWN_REASON, type BatchDecision, type DecideDependencies, type EmployeeFacts } from './events/evaluation-completed';
export { startRecognitionConsumer, CONSUMER_GROUP, employeeFactsFrom, employeeFactsOf, positionKindsFrom, positionKindsOf } from './events/consumer';
export * from './domain/enums';
