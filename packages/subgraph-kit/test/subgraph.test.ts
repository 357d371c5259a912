// defineSubgraph (STYLE.md: a service is a declaration): the server it derives starts the relay and
// the service's own background work, and a start-up that fails part-way stops everything it had
// started. Against a real PostgreSQL database and the Kafka broker (never mocked).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import pino from 'pino';
import { Query, Resolver } from 'type-graphql';
import type { OutboxRelay } from '@kinerja/events';
import { defineSubgraph, kafkaClientId, outboxMigration, sharedMigrations, type CountedDataSource } from '../src';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

@Resolver()
class PingResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe('a subgraph declared once', () => {
  const dbName = `kit_subgraph_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  const log = pino({ level: 'silent' });
  let stopped: string[] = [];
  let dataSource: CountedDataSource | undefined;
  let relay: OutboxRelay | null = null;

  // 'goals' is a catalog row: its port and database are what main would use; tests pass their own.
  const subgraph = defineSubgraph<object, { background: string }>({
    name: 'goals',
    entities: [],
    // The outbox first (goals' own initial migration creates it), then the shared ones that alter it.
    migrations: [outboxMigration('goals', 1764000000000), ...sharedMigrations('goals')],
    schema: { resolvers: [PingResolver] },
    auditTrail: false,
    publishes: ['plan.approved'],
    start({ dataSource: ds, started }) {
      dataSource = ds;
      started({ stop: async () => { stopped.push('background'); } });
      return { background: 'running' };
    },
  });

  beforeAll(() => admin(`CREATE DATABASE ${dbName}`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  beforeEach(() => {
    stopped = [];
    dataSource = undefined;
    relay = null;
  });

  it('names its relay kinerja-<service>-relay', () => {
    expect(kafkaClientId('goals', 'relay')).toBe('kinerja-goals-relay');
  });

  it('starts the relay and the background work, and stops them with the server', async () => {
    const running = await subgraph.createServer({ databaseUrl, sharedSecret: 'a-test-secret-of-16+', log, kafka: { brokers: BROKERS, topicPrefix: 'kit-subgraph-' } });
    relay = running.relay;
    expect(running.background).toBe('running');
    expect(relay?.healthy()).toBe(true);
    const res = await fetch(running.url.replace('/graphql', '/health'));
    expect(await res.json()).toEqual({ status: 'ok', service: 'goals' });
    await running.stop();
    expect(stopped).toEqual(['background']);
    expect(relay?.healthy()).toBe(false);
    expect(dataSource?.isInitialized).toBe(false);
  });

  it('stops what it started when start-up fails part-way (the port is taken)', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      await expect(subgraph.createServer({ databaseUrl, sharedSecret: 'a-test-secret-of-16+', log, port, kafka: { brokers: BROKERS, topicPrefix: 'kit-subgraph-' } }))
        .rejects.toThrow(/EADDRINUSE/);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
    expect(stopped).toEqual(['background']);
    expect(dataSource?.isInitialized).toBe(false);
  });
});
