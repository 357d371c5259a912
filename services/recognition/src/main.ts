import { createLogger, loadSubgraphConfig, runMain } from '@kinerja/subgraph-kit';
import { createServer } from './server';

const log = createLogger('recognition');

runMain('recognition', async () => {
  const config = loadSubgraphConfig({ port: 4005, database: 'kinerja_recognition' });
  return createServer({
    databaseUrl: config.DATABASE_URL, sharedSecret: config.GATEWAY_SHARED_SECRET, personnelUrl: config.PERSONNEL_URL,
    port: config.PORT, host: config.HOST, log,
    ...(config.KAFKA_BROKERS ? { kafka: { brokers: config.KAFKA_BROKERS, topicPrefix: config.KAFKA_TOPIC_PREFIX } } : {}),
  });
}, log);
