import { z } from 'zod';
import { baseConfigShape, createLogger, DEV_SHARED_SECRET, loadConfig, runMain } from '@kinerja/subgraph-kit';
import { DEFAULT_PPPK_REQUIRED_HOURS, PPPK_CEILING_HOURS } from './domain/learning-hours';
import { createServer } from './server';

const log = createLogger('competency');

runMain('competency', async () => {
  const config = loadConfig(
    { ...baseConfigShape, PPPK_REQUIRED_HOURS: z.coerce.number().int().min(0).max(PPPK_CEILING_HOURS).default(DEFAULT_PPPK_REQUIRED_HOURS) },
    { PORT: '4003', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kinerja_competency', GATEWAY_SHARED_SECRET: DEV_SHARED_SECRET },
  );
  return createServer({
    databaseUrl: config.DATABASE_URL, sharedSecret: config.GATEWAY_SHARED_SECRET, personnelUrl: config.PERSONNEL_URL,
    port: config.PORT, host: config.HOST, log, pppkRequiredHours: config.PPPK_REQUIRED_HOURS,
    ...(config.KAFKA_BROKERS ? { kafka: { brokers: config.KAFKA_BROKERS, topicPrefix: config.KAFKA_TOPIC_PREFIX } } : {}),
  });
}, log);
