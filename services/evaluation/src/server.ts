import {
  createDataSource, createLogger, createSubgraphServer, DirectoryClient, migrate, type CountedDataSource, type Logger, type RunningSubgraph,
} from '@kinerja/subgraph-kit';
import { outboxMetrics, startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from '@kinerja/events';
import { EvaluationCycleRow } from './entities/evaluation-cycle';
import { EvaluationRow } from './entities/evaluation';
import { FeedbackRow } from './entities/feedback';
import { ObjectionRow, ObjectionStatementRow } from './entities/objection';
import { OrganizationPredicateRow } from './entities/organization-predicate';
import { EvaluationInitial1764400000000 } from './migrations/1764400000000-evaluation-initial';
import { EvaluationAudit1764900000000 } from './migrations/1764900000000-evaluation-audit';
import { EvaluationOutboxFailures1765100000000 } from './migrations/1765100000000-evaluation-outbox-failures';
import { GoalRatingRow } from './entities/goal-rating';
import { GoalsLookup } from './goals-lookup';
import { EvaluationGoalRatings1765610000000 } from './migrations/1765610000000-evaluation-goal-ratings';
import { EvaluationReview1765315000000 } from './migrations/1765315000000-evaluation-review';
import { PersonnelLookup } from './personnel-lookup';
import { buildEvaluationSchema, SUBGRAPH_NAME } from './schema';
import { bindSettings, DEFAULT_BKPSDM_UNIT_CODE, DEFAULT_PUBLIC_FEEDBACK_LIMITS, type PublicFeedbackLimits } from './settings';

export const entities = [EvaluationCycleRow, EvaluationRow, FeedbackRow, GoalRatingRow, ObjectionRow, ObjectionStatementRow, OrganizationPredicateRow];
export const migrations = [EvaluationInitial1764400000000, EvaluationAudit1764900000000, EvaluationOutboxFailures1765100000000, EvaluationReview1765315000000, EvaluationGoalRatings1765610000000];

export interface EvaluationOptions {
  databaseUrl: string;
  sharedSecret: string;
  port?: number;
  host?: string;
  log?: Logger;
  /** The personnel subgraph (relationship checks, NIP and unit lookups). */
  personnelUrl?: string;
  /**
   * The goals subgraph: startEvaluation needs an approved SKP covering the period, and RHK ratings and
   * the suggested result rating come from it. main.ts always sets it (GOALS_URL); without it (tests of
   * evaluation alone) evaluations are not grounded, and the server says so at start.
   */
  goalsUrl?: string | null;
  /** When given, the outbox relay publishes this database's events to Kafka. */
  kafka?: { brokers: string; topicPrefix?: string };
  /** Overrides for the relay (tests: faster backoff). */
  relay?: Partial<Pick<OutboxRelayOptions, 'pollIntervalMs' | 'batchSize' | 'initialBackoffMs' | 'maxBackoffMs' | 'lockRetryMs'>>;
  publicFeedback?: Partial<PublicFeedbackLimits>;
  /** BKPSDM's unit code (objections where the evaluator has no supervisor); default BKPSDMD. */
  bkpsdmUnitCode?: string;
}

export interface RunningEvaluation extends RunningSubgraph {
  dataSource: CountedDataSource;
  sdl: string;
  /** The outbox relay, when Kafka was configured. */
  relay: OutboxRelay | null;
}

export function createEvaluationDataSource(databaseUrl: string, log: Logger): CountedDataSource {
  return createDataSource({ url: databaseUrl, entities, migrations, log, applicationName: 'kinerja-evaluation' });
}

/** Builds and starts the evaluation subgraph (and its outbox relay) against a migrated database. */
export async function createServer(options: EvaluationOptions): Promise<RunningEvaluation> {
  const log = options.log ?? createLogger(SUBGRAPH_NAME);
  const personnelUrl = options.personnelUrl ?? 'http://127.0.0.1:4001/graphql';
  const dataSource = createEvaluationDataSource(options.databaseUrl, log);
  await dataSource.initialize();
  let relay: OutboxRelay | null = null;
  try {
    await migrate(dataSource);
    bindSettings(dataSource, {
      personnel: new PersonnelLookup(personnelUrl, options.sharedSecret, SUBGRAPH_NAME),
      goals: options.goalsUrl ? new GoalsLookup(options.goalsUrl, options.sharedSecret, SUBGRAPH_NAME) : null,
      publicFeedback: { ...DEFAULT_PUBLIC_FEEDBACK_LIMITS, ...options.publicFeedback },
      bkpsdmUnitCode: options.bkpsdmUnitCode ?? DEFAULT_BKPSDM_UNIT_CODE,
    });
    if (!options.goalsUrl) log.warn('started without the goals subgraph (goalsUrl): evaluations start without an approved SKP and have no RHK grounding');
    const { schema, sdl } = await buildEvaluationSchema();
    if (options.kafka) {
      relay = startOutboxRelay({
        dataSource, brokers: options.kafka.brokers, topicPrefix: options.kafka.topicPrefix ?? '', clientId: `kinerja-${SUBGRAPH_NAME}-relay`, log, ...options.relay,
      });
    }
    const running = await createSubgraphServer({
      name: SUBGRAPH_NAME, schema, dataSource, log, sharedSecret: options.sharedSecret,
      port: options.port ?? 0, host: options.host ?? '127.0.0.1',
      directory: new DirectoryClient(personnelUrl, options.sharedSecret, SUBGRAPH_NAME),
      // Kafka being down is not a reason to stop serving: completions keep writing to the outbox.
      onClose: relay ? [() => (relay as OutboxRelay).stop()] : [],
      metrics: [outboxMetrics(SUBGRAPH_NAME, dataSource, relay)],
    });
    return { ...running, dataSource, sdl, relay };
  } catch (error) {
    await relay?.stop();
    await dataSource.destroy();
    throw error;
  }
}
