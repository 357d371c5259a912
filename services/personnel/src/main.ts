import { createLogger, loadSubgraphConfig, runMain } from '@kinerja/subgraph-kit';
import { createServer } from './server';

const log = createLogger('personnel');

runMain('personnel', async () => {
  const config = loadSubgraphConfig({ port: 4001, database: 'kinerja_personnel' });
  return createServer({
    databaseUrl: config.DATABASE_URL, sharedSecret: config.GATEWAY_SHARED_SECRET, port: config.PORT, host: config.HOST, log,
    ...(config.KAFKA_BROKERS ? { kafka: { brokers: config.KAFKA_BROKERS, topicPrefix: config.KAFKA_TOPIC_PREFIX } } : {}),
  });
}, log);
