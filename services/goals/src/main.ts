import { createLogger, loadSubgraphConfig, runMain } from '@kinerja/subgraph-kit';
import { createServer } from './server';

const log = createLogger('goals');

runMain('goals', async () => {
  const config = loadSubgraphConfig({ port: 4002, database: 'kinerja_goals' });
  return createServer({
    databaseUrl: config.DATABASE_URL, sharedSecret: config.GATEWAY_SHARED_SECRET, personnelUrl: config.PERSONNEL_URL,
    ...(config.KAFKA_BROKERS ? { kafka: { brokers: config.KAFKA_BROKERS, topicPrefix: config.KAFKA_TOPIC_PREFIX } } : {}),
    port: config.PORT, host: config.HOST, log,
  });
}, log);
