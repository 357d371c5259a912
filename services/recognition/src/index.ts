export { createServer, createRecognitionDataSource, entities, migrations, type RecognitionOptions, type RunningRecognition } from './server';
export { buildRecognitionSchema, SUBGRAPH_NAME } from './schema';
export { RewardPolicy, DEFAULT_REWARD_RULES, parseRewardRules, rewardRulesSchema, type RewardRules, type RewardOutcome, type DecisionInput } from './domain/reward-policy';
export { decideBatch, decideFromEvaluation, WITHDRAWN_REASON, type BatchDecision, type DecideDependencies, type EmployeeFacts } from './events/evaluation-completed';
export { startRecognitionConsumer, CONSUMER_GROUP, employeeFactsFrom, employeeFactsOf, positionKindsFrom, positionKindsOf } from './events/consumer';
export * from './domain/enums';

/** How tests and tooling start this subgraph (packages/testing's startGraph). */
export const recognitionService = {
  name: 'recognition',
  start: (o: { databaseUrl: string; sharedSecret: string; personnelUrl: string; log?: import('@kinerja/subgraph-kit').Logger; kafka?: { brokers: string; topicPrefix: string } }) =>
    createServerFn({
      databaseUrl: o.databaseUrl, sharedSecret: o.sharedSecret, personnelUrl: o.personnelUrl,
      ...(o.log ? { log: o.log } : {}), ...(o.kafka ? { kafka: o.kafka } : {}),
    }),
};
import { createServer as createServerFn } from './server';
