import {
  createDataSource, createLogger, createSubgraphServer, migrate, type CountedDataSource, type Logger, type RunningSubgraph,
} from '@kinerja/subgraph-kit';
import { EmployeeRow } from './entities/employee';
import { OrganizationUnitRow } from './entities/organization-unit';
import { PersonnelInitial1764201600000 } from './migrations/1764201600000-personnel-initial';
import { buildPersonnelSchema, SUBGRAPH_NAME } from './schema';

export const entities = [EmployeeRow, OrganizationUnitRow];
export const migrations = [PersonnelInitial1764201600000];

export interface PersonnelOptions {
  databaseUrl: string;
  sharedSecret: string;
  port?: number;
  host?: string;
  log?: Logger;
}

export interface RunningPersonnel extends RunningSubgraph {
  dataSource: CountedDataSource;
  sdl: string;
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
    const { schema, sdl } = await buildPersonnelSchema();
    const running = await createSubgraphServer({
      name: SUBGRAPH_NAME, schema, dataSource, log, sharedSecret: options.sharedSecret,
      port: options.port ?? 0, host: options.host ?? '127.0.0.1',
    });
    return { ...running, dataSource, sdl };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
