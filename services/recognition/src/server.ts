import { consumerMetrics, outboxMetrics, startOutboxRelay, type OutboxRelay, type RunningConsumer } from '@kinerja/events';
import {
  createDataSource, createLogger, createSubgraphServer, DirectoryClient, migrate, type CountedDataSource, type Logger, type RunningSubgraph,
} from '@kinerja/subgraph-kit';
import { AwardRow } from './entities/award';
import { RewardDecisionRow } from './entities/reward-decision';
import { RewardPolicyRow } from './entities/reward-policy';
import { CoachingSessionRow, ImprovementPlanRow, ImprovementStepRow } from './entities/improvement';
import { SanctionExaminationRow, SanctionHistoryRow, SanctionRow } from './entities/sanction';
import { CONSUMER_GROUP, startRecognitionConsumer, type RecognitionConsumer } from './events/consumer';
import { RecognitionInitial1764300000000 } from './migrations/1764300000000-recognition-initial';
import { RecognitionAudit1764900000000 } from './migrations/1764900000000-recognition-audit';
import { RecognitionOutboxFailures1765100000000 } from './migrations/1765100000000-recognition-outbox-failures';
import { RecognitionFollowUps1765300000000 } from './migrations/1765300000000-recognition-follow-ups';
import { buildRecognitionSchema, SUBGRAPH_NAME } from './schema';

export const entities = [RewardPolicyRow, RewardDecisionRow, AwardRow, SanctionRow, SanctionHistoryRow, SanctionExaminationRow, ImprovementPlanRow, CoachingSessionRow, ImprovementStepRow];
export const migrations = [RecognitionInitial1764300000000, RecognitionAudit1764900000000, RecognitionOutboxFailures1765100000000, RecognitionFollowUps1765300000000];

export interface RecognitionOptions {
  databaseUrl: string;
  sharedSecret: string;
  /** Personnel's subgraph URL: relationship checks and position kinds. */
  personnelUrl: string;
  port?: number;
  host?: string;
  log?: Logger;
  /** With Kafka: the outbox relay and the evaluation.completed consumer run inside the service. */
  kafka?: { brokers: string; topicPrefix?: string };
}

export interface RunningRecognition extends RunningSubgraph {
  dataSource: CountedDataSource;
  sdl: string;
  relay: OutboxRelay | null;
  consumer: RecognitionConsumer | null;
}

export function createRecognitionDataSource(databaseUrl: string, log: Logger): CountedDataSource {
  return createDataSource({ url: databaseUrl, entities, migrations, log, applicationName: 'kinerja-recognition' });
}

/** Builds and starts the recognition subgraph against a migrated database. */
export async function createServer(options: RecognitionOptions): Promise<RunningRecognition> {
  const log = options.log ?? createLogger(SUBGRAPH_NAME);
  const dataSource = createRecognitionDataSource(options.databaseUrl, log);
  await dataSource.initialize();
  let relay: OutboxRelay | null = null;
  let consumer: RecognitionConsumer | null = null;
  let joined: RunningConsumer | null = null;
  try {
    await migrate(dataSource);
    const { schema, sdl } = await buildRecognitionSchema();
    const directory = new DirectoryClient(options.personnelUrl, options.sharedSecret, SUBGRAPH_NAME);
    if (options.kafka) {
      const topicPrefix = options.kafka.topicPrefix ?? '';
      relay = startOutboxRelay({ dataSource, brokers: options.kafka.brokers, topicPrefix, clientId: 'recognition-relay', log });
      consumer = startRecognitionConsumer({ dataSource, brokers: options.kafka.brokers, topicPrefix, directory, log });
      void consumer.started.then((c) => { joined = c; }, () => undefined);
    }
    const running = await createSubgraphServer({
      name: SUBGRAPH_NAME, schema, dataSource, log, sharedSecret: options.sharedSecret, directory,
      port: options.port ?? 0, host: options.host ?? '127.0.0.1',
      // The consumer stops first (no new decisions), then the relay publishes what is left and stops.
      onClose: [async () => consumer?.stop(), async () => relay?.stop()],
      metrics: [outboxMetrics(SUBGRAPH_NAME, dataSource, relay), consumerMetrics(SUBGRAPH_NAME, () => joined, `${options.kafka?.topicPrefix ?? ''}${CONSUMER_GROUP}`)],
    });
    return { ...running, dataSource, sdl, relay, consumer };
  } catch (error) {
    await consumer?.stop().catch(() => undefined);
    await relay?.stop().catch(() => undefined);
    await dataSource.destroy();
    throw error;
  }
}
