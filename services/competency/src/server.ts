import { outboxMetrics, startOutboxRelay, type OutboxRelay } from '@kinerja/events';
import {
  createDataSource, createLogger, createSubgraphServer, DirectoryClient, migrate, type CountedDataSource, type Logger, type RunningSubgraph,
} from '@kinerja/subgraph-kit';
import { CompetencyRow } from './entities/competency';
import { EnrollmentRow } from './entities/enrollment';
import { ActivityCompetencyRow, ActivityUnitRow, LearningActivityRow } from './entities/learning-activity';
import { CompetencyInitial1764460800000 } from './migrations/1764460800000-competency-initial';
import { CompetencyAudit1764900000000 } from './migrations/1764900000000-competency-audit';
import { CompetencyOutboxFailures1765100000000 } from './migrations/1765100000000-competency-outbox-failures';
import { buildCompetencySchema, SUBGRAPH_NAME } from './schema';
import { registerSettings, type CompetencySettings } from './settings';

export const entities = [CompetencyRow, LearningActivityRow, ActivityUnitRow, ActivityCompetencyRow, EnrollmentRow];
export const migrations = [CompetencyInitial1764460800000, CompetencyAudit1764900000000, CompetencyOutboxFailures1765100000000];

export interface CompetencyOptions {
  databaseUrl: string;
  sharedSecret: string;
  /** Personnel's subgraph URL: relationship checks and unit members come from there. */
  personnelUrl: string;
  port?: number;
  host?: string;
  log?: Logger;
  /** Publishes kinerja.learning.completed.v1 from the outbox when given. */
  kafka?: { brokers: string; topicPrefix?: string };
  /** JP a PPPK employee is owed a year (default 20). */
  pppkRequiredHours?: number;
  /** Today as YYYY-MM-DD (WIB by default); tests pin it. */
  today?: () => string;
}

export interface RunningCompetency extends RunningSubgraph {
  dataSource: CountedDataSource;
  sdl: string;
  relay?: OutboxRelay | undefined;
}

export function createCompetencyDataSource(databaseUrl: string, log: Logger): CountedDataSource {
  return createDataSource({ url: databaseUrl, entities, migrations, log, applicationName: 'kinerja-competency' });
}

/** Builds and starts the competency subgraph against a migrated database. */
export async function createServer(options: CompetencyOptions): Promise<RunningCompetency> {
  const log = options.log ?? createLogger(SUBGRAPH_NAME);
  const dataSource = createCompetencyDataSource(options.databaseUrl, log);
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    const settings: Partial<CompetencySettings> = {
      ...(options.pppkRequiredHours !== undefined ? { pppkRequiredHours: options.pppkRequiredHours } : {}),
      ...(options.today ? { today: options.today } : {}),
    };
    registerSettings(dataSource, settings);
    const { schema, sdl } = await buildCompetencySchema();
    const relay: OutboxRelay | undefined = options.kafka
      ? startOutboxRelay({ dataSource, brokers: options.kafka.brokers, topicPrefix: options.kafka.topicPrefix ?? '', clientId: 'competency-relay', log })
      : undefined;
    const running = await createSubgraphServer({
      name: SUBGRAPH_NAME, schema, dataSource, log, sharedSecret: options.sharedSecret,
      port: options.port ?? 0, host: options.host ?? '127.0.0.1',
      directory: new DirectoryClient(options.personnelUrl, options.sharedSecret, SUBGRAPH_NAME),
      onClose: relay ? [() => relay.stop()] : [],
      metrics: [outboxMetrics(SUBGRAPH_NAME, dataSource, relay)],
    });
    return { ...running, dataSource, sdl, relay };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
