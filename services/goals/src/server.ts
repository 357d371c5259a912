import { outboxMetrics, startOutboxRelay, type OutboxRelay } from '@kinerja/events';
import {
  createDataSource, createLogger, createSubgraphServer, DirectoryClient, migrate, type CountedDataSource, type Logger, type RunningSubgraph,
} from '@kinerja/subgraph-kit';
import { GoalRow } from './entities/goal';
import { IndicatorRow } from './entities/indicator';
import { PerformancePlanRow } from './entities/performance-plan';
import { RealizationRow } from './entities/realization';
import { GoalsInitial1764288000000 } from './migrations/1764288000000-goals-initial';
import { GoalsAudit1764900000000 } from './migrations/1764900000000-goals-audit';
import { GoalsOutboxFailures1765100000000 } from './migrations/1765100000000-goals-outbox-failures';
import { GoalsFullSkp1765600000000 } from './migrations/1765600000000-goals-full-skp';
import { startTransferConsumerInBackground } from './events/transfers';
import { evidenceRoutes, DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from './files';
import { buildGoalsSchema, SUBGRAPH_NAME } from './schema';

export const entities = [PerformancePlanRow, GoalRow, IndicatorRow, RealizationRow];
export const migrations = [GoalsInitial1764288000000, GoalsAudit1764900000000, GoalsOutboxFailures1765100000000, GoalsFullSkp1765600000000];

export interface GoalsOptions {
  databaseUrl: string;
  sharedSecret: string;
  /** Personnel's subgraph URL: supervisor and unit-head rights come from it. */
  personnelUrl: string;
  /** Without it the outbox fills and nothing is published (tests of the database alone). */
  kafka?: { brokers: string; topicPrefix?: string };
  port?: number;
  host?: string;
  log?: Logger;
  /** Consume kinerja.employee.changed.v1 (transfers split plans) when Kafka is configured; default true. */
  consumeTransfers?: boolean;
  /** Uploaded evidence: size limit and accepted types (defaults: 5 MB; pdf, png, jpeg). */
  evidence?: Partial<EvidenceLimits>;
}

export interface RunningGoals extends RunningSubgraph {
  dataSource: CountedDataSource;
  sdl: string;
  relay: OutboxRelay | null;
}

export function createGoalsDataSource(databaseUrl: string, log: Logger): CountedDataSource {
  return createDataSource({ url: databaseUrl, entities, migrations, log, applicationName: 'kinerja-goals' });
}

/** Builds and starts the goals subgraph against a migrated database, with its outbox relay. */
export async function createServer(options: GoalsOptions): Promise<RunningGoals> {
  const log = options.log ?? createLogger(SUBGRAPH_NAME);
  const dataSource = createGoalsDataSource(options.databaseUrl, log);
  await dataSource.initialize();
  let relay: OutboxRelay | null = null;
  let transfers: ReturnType<typeof startTransferConsumerInBackground> | null = null;
  try {
    await migrate(dataSource);
    const { schema, sdl } = await buildGoalsSchema();
    if (options.kafka) {
      relay = startOutboxRelay({
        dataSource, brokers: options.kafka.brokers, topicPrefix: options.kafka.topicPrefix ?? '', clientId: 'kinerja-goals', log,
      });
    }
    transfers = options.kafka && options.consumeTransfers !== false
      ? startTransferConsumerInBackground({ dataSource, brokers: options.kafka.brokers, topicPrefix: options.kafka.topicPrefix ?? '', log })
      : null;
    const running = await createSubgraphServer({
      name: SUBGRAPH_NAME, schema, dataSource, log, sharedSecret: options.sharedSecret,
      port: options.port ?? 0, host: options.host ?? '127.0.0.1',
      directory: new DirectoryClient(options.personnelUrl, options.sharedSecret, SUBGRAPH_NAME),
      onClose: [...(relay ? [relay.stop] : []), ...(transfers ? [transfers.stop] : [])],
      routes: evidenceRoutes({ ...DEFAULT_EVIDENCE_LIMITS, ...options.evidence }),
      metrics: [outboxMetrics(SUBGRAPH_NAME, dataSource, relay)],
    });
    return { ...running, dataSource, sdl, relay };
  } catch (error) {
    await transfers?.stop();
    await relay?.stop();
    await dataSource.destroy();
    throw error;
  }
}
