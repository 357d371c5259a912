import { outboxMetrics, startOutboxRelay, type OutboxRelay } from '@kinerja/events';
import {
  createDataSource, createLogger, createSubgraphServer, migrate, type CountedDataSource, type Logger, type RunningSubgraph,
} from '@kinerja/subgraph-kit';
import { EmployeeRow } from './entities/employee';
import { OrganizationUnitRow } from './entities/organization-unit';
import { WorkContractRow } from './entities/work-contract';
import { EmployeeRoleRow } from './entities/employee-role';
import { SupervisorCorrectionRow } from './entities/supervisor-correction-request';
import { PersonnelInitial1764201600000 } from './migrations/1764201600000-personnel-initial';
import { PersonnelOutbox1764201700000 } from './migrations/1764201700000-personnel-outbox';
import { PersonnelAudit1764900000000 } from './migrations/1764900000000-personnel-audit';
import { PersonnelNameSearch1765000000000 } from './migrations/1765000000000-personnel-name-search';
import { PersonnelOutboxFailures1765100000000 } from './migrations/1765100000000-personnel-outbox-failures';
import { PersonnelPppkContracts1765214000000 } from './migrations/1765214000000-personnel-pppk-contracts';
import { PersonnelRoles1765300000000 } from './migrations/1765300000000-personnel-roles';
import { PersonnelSupervisorCorrection1765400000000 } from './migrations/1765400000000-personnel-supervisor-correction';
import { buildPersonnelSchema, SUBGRAPH_NAME } from './schema';

export const entities = [EmployeeRow, OrganizationUnitRow, WorkContractRow, EmployeeRoleRow, SupervisorCorrectionRow];
export const migrations = [PersonnelInitial1764201600000, PersonnelOutbox1764201700000, PersonnelAudit1764900000000, PersonnelNameSearch1765000000000, PersonnelOutboxFailures1765100000000, PersonnelPppkContracts1765214000000, PersonnelRoles1765300000000, PersonnelSupervisorCorrection1765400000000];

export interface PersonnelOptions {
  databaseUrl: string;
  sharedSecret: string;
  port?: number;
  host?: string;
  log?: Logger;
  /** Publishes kinerja.employee.changed.v1 from the outbox when given. */
  kafka?: { brokers: string; topicPrefix?: string };
  /** Subgraphs in this supergraph whose audit rows AuditTrail.entries merges (default: all four). */
  auditSources?: readonly string[];
}

export interface RunningPersonnel extends RunningSubgraph {
  dataSource: CountedDataSource;
  sdl: string;
  relay?: OutboxRelay | undefined;
}

export function createPersonnelDataSource(databaseUrl: string, log: Logger): CountedDataSource {
  return createDataSource({ url: databaseUrl, entities, migrations, log, applicationName: 'kinerja-personnel' });
}

/** Builds and starts the personnel subgraph against a migrated database. */
export async function createServer(options: PersonnelOptions): Promise<RunningPersonnel> {
  const log = options.log ?? createLogger(SUBGRAPH_NAME);
  const dataSource = createPersonnelDataSource(options.databaseUrl, log);
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    const { schema, sdl } = await buildPersonnelSchema(options.auditSources);
    const relay: OutboxRelay | undefined = options.kafka
      ? startOutboxRelay({ dataSource, brokers: options.kafka.brokers, topicPrefix: options.kafka.topicPrefix ?? '', clientId: 'personnel-relay', log })
      : undefined;
    const running = await createSubgraphServer({
      name: SUBGRAPH_NAME, schema, dataSource, log, sharedSecret: options.sharedSecret,
      port: options.port ?? 0, host: options.host ?? '127.0.0.1',
      onClose: relay ? [() => relay.stop()] : [],
      metrics: [outboxMetrics(SUBGRAPH_NAME, dataSource, relay)],
    });
    return { ...running, dataSource, sdl, relay };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
