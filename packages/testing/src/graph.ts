import { composeSupergraph, createGateway, type RunningGateway } from '@kinerja/gateway';
import { localSubgraphUrl, type CountedDataSource } from '@kinerja/subgraph-kit';
import { createTestDatabase, type TestDatabase } from './database';
import { KAFKA_BROKERS, uniqueTopicPrefix } from './kafka';
import { testLogger } from './silent-logger';
import { makeToken, TEST_JWT_SECRET, TEST_SHARED_SECRET, type TokenOptions } from './tokens';

export interface ServiceStartOptions {
  databaseUrl: string;
  sharedSecret: string;
  log: ReturnType<typeof testLogger>;
  kafka: { brokers: string; topicPrefix: string };
  /** The personnel subgraph's URL, once personnel (always first) has started. */
  personnelUrl: string;
  /** Every subgraph in this graph (personnel merges the audit trails of those present). */
  subgraphs: string[];
  /** URLs of the subgraphs started before this one, by name (evaluation asks goals). */
  serviceUrls: Record<string, string>;
}

export interface StartedService {
  url: string;
  sdl: string;
  dataSource: CountedDataSource;
  stop(): Promise<void>;
}

export interface GraphService {
  name: string;
  start(options: ServiceStartOptions): Promise<StartedService>;
}

export interface TestGraph {
  /** The gateway's /graphql URL. */
  url: string;
  gateway: RunningGateway;
  services: Record<string, StartedService>;
  databases: Record<string, TestDatabase>;
  topicPrefix: string;
  token(sub: string, roles?: TokenOptions['roles'], extra?: Partial<TokenOptions>): Promise<string>;
  /** SQL statements each subgraph ran while `fn` ran. */
  countSql(fn: () => Promise<unknown>): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/**
 * Starts the given subgraphs in-process, each on a fresh database and a random port, composes
 * their supergraph and puts a real gateway in front: tests go through the graph as clients do.
 */
export async function startGraph(services: GraphService[], label?: string): Promise<TestGraph> {
  const topicPrefix = uniqueTopicPrefix(label ?? services.map((s) => s.name).join('-'));
  const databases: Record<string, TestDatabase> = {};
  const started: Record<string, StartedService> = {};
  let gateway: RunningGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    for (const s of Object.values(started).reverse()) await s.stop().catch(() => undefined);
    for (const d of Object.values(databases)) await d.drop().catch(() => undefined);
  };
  try {
    for (const service of services) {
      const db = await createTestDatabase(`${label ?? 'graph'}_${service.name}`);
      databases[service.name] = db;
      started[service.name] = await service.start({
        databaseUrl: db.url,
        sharedSecret: TEST_SHARED_SECRET,
        log: testLogger(service.name),
        kafka: { brokers: KAFKA_BROKERS, topicPrefix },
        personnelUrl: started.personnel?.url ?? localSubgraphUrl('personnel'),
        subgraphs: services.map((s) => s.name),
        serviceUrls: Object.fromEntries(Object.entries(started).map(([n, s]) => [n, s.url])),
      });
    }
    const supergraphSdl = composeSupergraph(services.map((s) => ({ name: s.name, url: (started[s.name] as StartedService).url, sdl: (started[s.name] as StartedService).sdl })));
    gateway = await createGateway({
      supergraphSdl,
      sharedSecret: TEST_SHARED_SECRET,
      jwt: { secret: TEST_JWT_SECRET, issuer: 'kinerja', audience: 'kinerja' },
      log: testLogger('gateway'),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const gw = gateway;
  return {
    url: gw.url,
    gateway: gw,
    services: started,
    databases,
    topicPrefix,
    token: (sub, roles = ['EMPLOYEE'], extra = {}) => makeToken({ sub, roles, ...extra }),
    async countSql(fn) {
      const before = Object.fromEntries(Object.entries(started).map(([n, s]) => [n, s.dataSource.queryCounter.count]));
      await fn();
      return Object.fromEntries(Object.entries(started).map(([n, s]) => [n, s.dataSource.queryCounter.count - (before[n] ?? 0)]));
    },
    stop,
  };
}
