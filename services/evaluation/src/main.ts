import { createLogger, loadConfig, baseConfigShape, DEV_SHARED_SECRET, runMain } from '@kinerja/subgraph-kit';
import { z } from 'zod';
import { createServer } from './server';

const log = createLogger('evaluation');

runMain('evaluation', async () => {
  const config = loadConfig({
    ...baseConfigShape,
    // Required: this service produces evaluation.completed, which recognition's rewards depend on.
    KAFKA_BROKERS: z.string().min(1, 'is required: the outbox relay publishes kinerja.evaluation.completed.v1'),
    // DOMAIN.md: an evaluation starts only with an approved SKP, which goals holds.
    GOALS_URL: z.string().url('must be a URL').default('http://127.0.0.1:4002/graphql'),
    PUBLIC_FEEDBACK_PER_MINUTE: z.coerce.number().int().min(1).default(5),
    PUBLIC_FEEDBACK_PER_DAY: z.coerce.number().int().min(1).default(50),
    // BKPSDM's unit: its head reviews objections where the evaluator has no supervisor (PP 30/2019 art. 59).
    BKPSDM_UNIT_CODE: z.string().min(1).default('BKPSDMD'),
  }, { PORT: '4004', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kinerja_evaluation', GATEWAY_SHARED_SECRET: DEV_SHARED_SECRET, KAFKA_BROKERS: '127.0.0.1:9092' });
  return createServer({
    databaseUrl: config.DATABASE_URL, sharedSecret: config.GATEWAY_SHARED_SECRET, port: config.PORT, host: config.HOST, log,
    personnelUrl: config.PERSONNEL_URL,
    goalsUrl: config.GOALS_URL,
    kafka: { brokers: config.KAFKA_BROKERS, topicPrefix: config.KAFKA_TOPIC_PREFIX },
    publicFeedback: { perMinute: config.PUBLIC_FEEDBACK_PER_MINUTE, perDay: config.PUBLIC_FEEDBACK_PER_DAY },
    bkpsdmUnitCode: config.BKPSDM_UNIT_CODE,
  });
}, log);
