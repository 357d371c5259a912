import { consumerMetrics, type RunningConsumer } from '@kinerja/events';
import { defineSubgraph, sharedMigrations } from '@kinerja/subgraph-kit';
import { AwardRow } from './entities/award';
import { RewardDecisionRow } from './entities/reward-decision';
import { RewardPolicyRow } from './entities/reward-policy';
import { CoachingSessionRow, ImprovementPlanRow, ImprovementStepRow } from './entities/improvement';
import { SanctionExaminationRow, SanctionHistoryRow, SanctionRow } from './entities/sanction';
import { CONSUMER_GROUP, startRecognitionConsumer, type RecognitionConsumer } from './events/consumer';
import { AwardResolver } from './graphql/award.resolver';
import { EmployeeRecognitionResolver, EvaluationRecognitionResolver } from './graphql/recognition-fields.resolver';
import { resolveEmployeeRef, resolveEvaluationRef } from './graphql/refs';
import { resolveRewardDecisionReference, RewardDecisionResolver } from './graphql/reward-decision.resolver';
import { RewardPolicyResolver } from './graphql/reward-policy.resolver';
import { CoachingSessionResolver, ImprovementPlanResolver, ImprovementStepResolver } from './graphql/improvement.resolver';
import { ExaminationResolver, SanctionHistoryResolver, SanctionResolver } from './graphql/sanction.resolver';
import { RecognitionInitial1764300000000 } from './migrations/1764300000000-recognition-initial';
import { RecognitionFollowUps1765300000000 } from './migrations/1765300000000-recognition-follow-ups';
import { RecognitionReasonCodes1766800000000 } from './migrations/1766800000000-recognition-reason-codes';

/** The recognition subgraph: reward decisions from evaluation.completed, awards, sanctions, improvement plans. */
export const recognition = defineSubgraph<object, { consumer: RecognitionConsumer | null }>({
  name: 'recognition',
  entities: [RewardPolicyRow, RewardDecisionRow, AwardRow, SanctionRow, SanctionHistoryRow, SanctionExaminationRow, ImprovementPlanRow, CoachingSessionRow, ImprovementStepRow],
  migrations: [RecognitionInitial1764300000000, ...sharedMigrations('recognition'), RecognitionFollowUps1765300000000, RecognitionReasonCodes1766800000000],
  schema: {
    resolvers: [
      RewardDecisionResolver, AwardResolver, SanctionResolver, SanctionHistoryResolver, RewardPolicyResolver,
      EmployeeRecognitionResolver, EvaluationRecognitionResolver,
      ImprovementPlanResolver, CoachingSessionResolver, ImprovementStepResolver, ExaminationResolver,
    ],
    referenceResolvers: { Employee: resolveEmployeeRef, Evaluation: resolveEvaluationRef, RewardDecision: resolveRewardDecisionReference },
  },
  directory: true,
  publishes: ['reward.decided', 'award.granted', 'sanction.decided', 'improvement.changed'],
  consumes: ['evaluation.completed'],
  start({ dataSource, kafka, directory, log, started, metrics }) {
    let joined: RunningConsumer | null = null;
    metrics(consumerMetrics('recognition', () => joined, `${kafka?.topicPrefix ?? ''}${CONSUMER_GROUP}`));
    if (!kafka || !directory) return { consumer: null };
    const consumer = started(startRecognitionConsumer({ dataSource, ...kafka, directory, log }));
    void consumer.started.then((c) => { joined = c; }, () => undefined);
    return { consumer };
  },
  seed: {
    // Migrations install the default reward policy (version 1, effective 2020-01-01); decisions are not
    // seeded: they come from consuming the seeded evaluation events.
    async run(ds, say) {
      const [row] = (await ds.query('SELECT count(*)::int AS policies, (SELECT count(*)::int FROM reward_decision) AS decisions FROM reward_policy')) as Array<{ policies: number; decisions: number }>;
      say(`${row?.policies ?? 0} reward polic${row?.policies === 1 ? 'y' : 'ies'}, ${row?.decisions ?? 0} decisions; decisions come from evaluation.completed events`);
    },
  },
});
