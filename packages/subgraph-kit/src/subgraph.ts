import { outboxMetrics, startOutboxRelay, type EventType, type OutboxRelay, type OutboxRelayOptions } from '@kinerja/events';
import type { EntitySchema } from 'typeorm';
import type { z } from 'zod';
import { auditTrailContribution } from './audit';
import { subgraphEntry, localSubgraphUrl } from './catalog';
import { baseConfigShape, loadConfig, loadSubgraphConfig, subgraphDevDefaults, type SubgraphConfig } from './config';
import { createDataSource, migrate, type CountedDataSource } from './database';
import { DirectoryClient } from './directory';
import { buildFederatedSchema, type FederatedSchema, type FederatedSchemaOptions } from './federation';
import { createLogger, type Logger } from './logger';
import { runMain } from './run';
import { createSubgraphServer, type RunningSubgraph, type SubgraphRoute } from './server';

/**
 * A subgraph declared once (STYLE.md: a service is a declaration plus its domain). The kit derives
 * from it the server factory tests start, main.ts, the seed command and the adapter packages/testing's
 * startGraph uses; ports and databases come from the catalog.
 */

/** What every subgraph's createServer takes; a declaration adds its own options. */
export interface SubgraphOptions {
  databaseUrl: string;
  sharedSecret: string;
  port?: number;
  host?: string;
  log?: Logger;
  /** Personnel's subgraph URL: relationship checks (every subgraph but personnel). Default: the catalog's local URL. */
  personnelUrl?: string;
  /** Without it the outbox fills and nothing is published (tests of the database alone). */
  kafka?: { brokers: string; topicPrefix?: string };
  /** Overrides for the outbox relay (tests: faster backoff). */
  relay?: Partial<Pick<OutboxRelayOptions, 'pollIntervalMs' | 'batchSize' | 'initialBackoffMs' | 'maxBackoffMs' | 'lockRetryMs'>>;
}

/** What packages/testing's startGraph hands each subgraph it starts. */
export interface GraphStartOptions {
  databaseUrl: string;
  sharedSecret: string;
  log?: Logger;
  kafka?: { brokers: string; topicPrefix: string };
  personnelUrl?: string;
  /** Every subgraph in this graph. */
  subgraphs?: string[];
  /** URLs of the subgraphs started before this one, by name. */
  serviceUrls?: Record<string, string>;
}

/** Something a service starts beside its server (a consumer): stopped on shutdown and on a failed start. */
export interface Background {
  stop(): Promise<void>;
}

export interface StartContext<O> {
  options: O;
  dataSource: CountedDataSource;
  log: Logger;
  /** Personnel's directory, when the declaration says it checks relationships. */
  directory: DirectoryClient | undefined;
  /** Kafka with the topic prefix resolved, when configured. */
  kafka: { brokers: string; topicPrefix: string } | undefined;
  /** Registers what the service started: stopped in reverse order, on shutdown or a failed start. */
  started<T extends Background>(thing: T): T;
  /** More Prometheus text for /metrics. */
  metrics(source: () => Promise<string>): void;
  /** HTTP routes beside /graphql. */
  routes(routes: SubgraphRoute[]): void;
}

type ConfigOf<Shape extends z.ZodRawShape> = Omit<SubgraphConfig, keyof Shape> & { [K in keyof Shape]: z.infer<Shape[K]> };

export interface SubgraphDeclaration<Extra extends object, Started extends object, Shape extends z.ZodRawShape> {
  /** Its row in the catalog (catalog.json): port and database. */
  name: string;
  entities: Array<Function | EntitySchema>;
  /** Its own migrations and the shared ones (audit, outbox failures: sharedMigrations(name)). */
  migrations: Function[];
  /**
   * Its resolvers: the kit adds the audit-trail contribution (auditTrail, default true) and builds
   * the schema once per process (type-graphql's metadata is global). A function builds it itself.
   */
  schema: FederatedSchemaOptions | ((options?: Partial<SubgraphOptions & Extra>) => Promise<FederatedSchema>);
  /** Adds this subgraph's audit rows to personnel's AuditTrail.entries (default true). */
  auditTrail?: boolean;
  /** Checks relationships through personnel's directory. */
  directory?: boolean;
  /** Event types its outbox publishes: the relay runs when Kafka is configured (EVENTS.md). */
  publishes: readonly EventType[];
  /** Event types it consumes (its start hook starts the consumers). */
  consumes?: readonly EventType[];
  /** Variables beyond the kit's (config.ts) and how they become createServer options. */
  config?: {
    shape: Shape;
    devDefaults?: Partial<Record<keyof Shape & string, string>>;
    options(config: ConfigOf<Shape>): Partial<Extra>;
  };
  /** Service-specific start-up after migrations and the relay: settings, consumers, routes. */
  start?(context: StartContext<SubgraphOptions & Extra>): Started | Promise<Started>;
  /** Options from packages/testing's startGraph beyond the common ones. */
  fromGraph?(options: GraphStartOptions & Partial<SubgraphOptions & Extra>): Partial<Extra>;
  /** The demo data `npm start` loads (seed-cli.js), after migrations. */
  seed?: {
    /** When given and false, the database has data and is left alone. */
    isEmpty?(dataSource: CountedDataSource): Promise<boolean>;
    run(dataSource: CountedDataSource, say: (line: string) => void): Promise<void>;
  };
}

export type RunningService<Started extends object = object> = RunningSubgraph & {
  dataSource: CountedDataSource;
  sdl: string;
  /** The outbox relay, when Kafka was configured. */
  relay: OutboxRelay | null;
} & Started;

export interface Subgraph<Extra extends object, Started extends object> {
  name: string;
  port: number;
  database: string;
  entities: Array<Function | EntitySchema>;
  migrations: Function[];
  createDataSource(databaseUrl: string, log: Logger): CountedDataSource;
  buildSchema(options?: Partial<SubgraphOptions & Extra>): Promise<FederatedSchema>;
  /** Builds and starts the subgraph against a migrated database (tests: a fresh database, a random port). */
  createServer(options: SubgraphOptions & Extra): Promise<RunningService<Started>>;
  /** main.ts: reads the configuration and runs until SIGTERM. */
  main(): void;
  /** seed-cli.ts: migrates, then seeds the demo data. */
  seedMain(): void;
  /** How tests and tooling start this subgraph (packages/testing's startGraph). */
  graphService: { name: string; start(options: GraphStartOptions & Partial<SubgraphOptions & Extra>): Promise<RunningService<Started>> };
}

/** The one Kafka client id scheme: `kinerja-<service>-<role>` (relay, consumer). */
export function kafkaClientId(service: string, role: 'relay' | 'consumer'): string {
  return `kinerja-${service}-${role}`;
}

/** The demo regency's size for seeding (SEED_EMPLOYEES, default 2400). */
export function seedEmployees(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.SEED_EMPLOYEES ?? 2400);
}

export function defineSubgraph<Extra extends object = object, Started extends object = object, Shape extends z.ZodRawShape = Record<never, never>>(
  declaration: SubgraphDeclaration<Extra, Started, Shape>,
): Subgraph<Extra, Started> {
  const { name } = declaration;
  const entry = subgraphEntry(name);
  type Options = SubgraphOptions & Extra;

  let built: Promise<FederatedSchema> | undefined;
  const buildSchema = (options?: Partial<Options>): Promise<FederatedSchema> => {
    const schema = declaration.schema;
    if (typeof schema === 'function') return schema(options);
    built ??= (() => {
      if (declaration.auditTrail === false) return buildFederatedSchema(schema);
      const audit = auditTrailContribution(name);
      return buildFederatedSchema({
        ...schema,
        resolvers: [audit.resolver, ...(schema.resolvers as Function[])] as FederatedSchemaOptions['resolvers'],
        orphanedTypes: [audit.type, ...(schema.orphanedTypes ?? [])],
        referenceResolvers: { ...audit.referenceResolvers, ...schema.referenceResolvers },
      });
    })();
    return built;
  };

  const createDs = (databaseUrl: string, log: Logger) => createDataSource({
    url: databaseUrl, entities: declaration.entities, migrations: declaration.migrations, log, applicationName: `kinerja-${name}`,
  });

  const createServer = async (options: Options): Promise<RunningService<Started>> => {
    const log = options.log ?? createLogger(name);
    const dataSource = createDs(options.databaseUrl, log);
    const stops: Array<() => Promise<void>> = [];
    const metrics: Array<() => Promise<string>> = [];
    const routes: SubgraphRoute[] = [];
    // Everything started so far, newest first: a failed start-up and a shutdown stop the same things.
    const stopAll = async () => {
      for (const stop of [...stops].reverse()) await stop().catch((err: unknown) => log.warn({ err }, 'stop failed'));
    };
    await dataSource.initialize();
    try {
      await migrate(dataSource);
      const { schema, sdl } = await buildSchema(options);
      const kafka = options.kafka ? { brokers: options.kafka.brokers, topicPrefix: options.kafka.topicPrefix ?? '' } : undefined;
      let relay: OutboxRelay | null = null;
      if (kafka && declaration.publishes.length > 0) {
        const started = startOutboxRelay({ dataSource, ...kafka, clientId: kafkaClientId(name, 'relay'), log, ...options.relay });
        stops.push(() => started.stop());
        relay = started;
      }
      metrics.push(outboxMetrics(name, dataSource, relay));
      const directory = declaration.directory
        ? new DirectoryClient(options.personnelUrl ?? localSubgraphUrl('personnel'), options.sharedSecret, name)
        : undefined;
      const extra = declaration.start
        ? await declaration.start({
          options, dataSource, log, directory, kafka,
          started: (thing) => {
            stops.push(() => thing.stop());
            return thing;
          },
          metrics: (source) => metrics.push(source),
          routes: (more) => routes.push(...more),
        })
        : ({} as Started);
      const running = await createSubgraphServer({
        name, schema, dataSource, log, sharedSecret: options.sharedSecret,
        port: options.port ?? 0, host: options.host ?? '127.0.0.1',
        ...(directory ? { directory } : {}),
        // Consumers stop first (no new work), then the relay publishes what is left and stops.
        onClose: [stopAll],
        metrics,
        routes,
      });
      return { ...running, dataSource, sdl, relay, ...extra };
    } catch (error) {
      await stopAll();
      if (dataSource.isInitialized) await dataSource.destroy();
      throw error;
    }
  };

  const main = () => {
    const log = createLogger(name);
    runMain(name, async () => {
      const config = loadConfig(
        { ...baseConfigShape, ...declaration.config?.shape } as typeof baseConfigShape & Shape,
        { ...subgraphDevDefaults(entry), ...declaration.config?.devDefaults } as never,
      ) as unknown as ConfigOf<Shape>;
      return createServer({
        databaseUrl: config.DATABASE_URL, sharedSecret: config.GATEWAY_SHARED_SECRET, port: config.PORT, host: config.HOST, log,
        personnelUrl: config.PERSONNEL_URL,
        ...(config.KAFKA_BROKERS ? { kafka: { brokers: config.KAFKA_BROKERS, topicPrefix: config.KAFKA_TOPIC_PREFIX } } : {}),
        ...declaration.config?.options(config),
      } as Options);
    }, log);
  };

  const seedMain = () => {
    const say = (line: string) => process.stdout.write(`${name}: ${line}\n`);
    (async () => {
      const config = loadSubgraphConfig(entry);
      const log = createLogger(`${name}-seed`, config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
      const ds = createDs(config.DATABASE_URL, log);
      await ds.initialize();
      try {
        await migrate(ds);
        const seed = declaration.seed;
        if (!seed) return;
        if (seed.isEmpty && !(await seed.isEmpty(ds))) {
          say('data present, not seeding');
          return;
        }
        await seed.run(ds, say);
      } finally {
        await ds.destroy();
      }
    })().catch((error: unknown) => {
      process.stderr.write(`${name} seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  };

  const graphService = {
    name,
    start: (o: GraphStartOptions & Partial<SubgraphOptions & Extra>) => {
      const { subgraphs: _subgraphs, serviceUrls: _serviceUrls, ...common } = o;
      return createServer({ ...common, ...declaration.fromGraph?.(o) } as Options);
    },
  };

  return {
    name, port: entry.port, database: entry.database, entities: declaration.entities, migrations: declaration.migrations,
    createDataSource: createDs, buildSchema, createServer, main, seedMain, graphService,
  };
}

/**
 * Settings of one running instance that resolvers read (the schema is global, so they cannot be
 * closed over): kept per DataSource, so two instances in one process (tests, replicas) never share.
 */
export function instanceSettings<T>(service: string, fallback?: T): {
  bind(dataSource: object, settings: T): T;
  of(ctx: { dataSource: object }): T;
} {
  const byDataSource = new WeakMap<object, T>();
  return {
    bind(dataSource, settings) {
      byDataSource.set(dataSource, settings);
      return settings;
    },
    of(ctx) {
      const settings = byDataSource.get(ctx.dataSource) ?? fallback;
      if (settings === undefined) throw new Error(`${service} settings are not bound to this DataSource (its start-up binds them)`);
      return settings;
    },
  };
}
