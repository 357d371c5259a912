// A consumer that dies mid-event, against real PostgreSQL and Kafka: killed after its database
// commit but before its offset commit, or before its database commit. The next consumer of the
// group gets the event again; either way there is exactly one decision.
import { createKafka, logLevel, startConsumer, type RunningConsumer } from '@kinerja/events';
import { personnelService } from '@kinerja/personnel';
import { DirectoryClient } from '@kinerja/subgraph-kit';
import { KAFKA_BROKERS, startGraph, TEST_SHARED_SECRET, testLogger, waitFor, type GraphService, type TestGraph } from '@kinerja/testing';
import type { DataSource } from 'typeorm';
import { CONSUMER_GROUP, decideFromEvaluation, positionKindsFrom, recognitionService, startRecognitionConsumer, type RunningRecognition } from '../src';
import { cast, completedEvent, completedTopic, cleanKafka, decisionsFor, eventProducer, seedRegency } from './helpers';

/** Recognition without its own consumer: this file runs and kills consumers itself. */
const recognitionWithoutConsumer: GraphService = {
  name: 'recognition',
  start: (o) => recognitionService.start({ databaseUrl: o.databaseUrl, sharedSecret: o.sharedSecret, personnelUrl: o.personnelUrl, log: o.log }),
};

describe('a consumer killed mid-event never yields two decisions, nor none', () => {
  let graph: TestGraph;
  let ds: DataSource;
  let people: ReturnType<typeof cast>;
  const log = testLogger('recognition-crash');

  beforeAll(async () => {
    graph = await startGraph([personnelService, recognitionWithoutConsumer], 'recognition-crash');
    people = cast(await seedRegency(graph));
    ds = (graph.services.recognition as unknown as RunningRecognition).dataSource;
  });

  afterAll(async () => {
    await graph?.stop();
    if (graph) await cleanKafka(graph.topicPrefix);
  });

  const directory = () => new DirectoryClient(graph.services.personnel!.url, TEST_SHARED_SECRET, 'recognition');
  const count = async (sql: string, params: unknown[]) => ((await ds.query(sql, params)) as Array<{ n: number }>)[0]!.n;
  const committedOffset = async (groupId: string, topic: string) => {
    const admin = createKafka({ brokers: KAFKA_BROKERS, clientId: 'recognition-crash-admin' }).admin();
    await admin.connect();
    try {
      const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return Math.max(...(t?.partitions ?? []).map((p) => Number(p.offset)));
    } finally {
      await admin.disconnect();
    }
  };

  /**
   * Starts a consumer of the production group that runs the production handler and "dies" at the
   * given point: it leaves the group without committing the offset, as a killed process would.
   */
  async function dyingConsumer(prefix: string, when: 'after-db-commit' | 'before-db-commit'): Promise<{ died: Promise<void> }> {
    let consumer: RunningConsumer | undefined;
    let die: () => void = () => undefined;
    const died = new Promise<void>((resolve) => { die = resolve; });
    let stopping: Promise<void> = Promise.resolve();
    const kill = (message: string): never => {
      stopping = consumer!.stop();
      die();
      throw new Error(message);
    };
    // The consumer helper commits the offset only after its database transaction commits: failing
    // right after the real COMMIT is the window between the database and the offset commit.
    const dataSource = Object.assign(Object.create(ds) as DataSource, {
      createQueryRunner: (...args: Parameters<DataSource['createQueryRunner']>) => {
        const runner = ds.createQueryRunner(...args);
        const commit = runner.commitTransaction.bind(runner);
        runner.commitTransaction = async () => {
          await commit();
          if (when === 'after-db-commit') kill('killed after the database commit, before the offset commit');
        };
        return runner;
      },
    });
    const deps = { positionKindsOf: positionKindsFrom(directory()), log };
    consumer = await startConsumer({
      dataSource, brokers: KAFKA_BROKERS, topicPrefix: prefix, groupId: `${prefix}${CONSUMER_GROUP}`, type: 'evaluation.completed',
      clientId: 'recognition-dying', log, maxBackoffMs: 100, kafkaLogLevel: logLevel.NOTHING, // its death is the point
      handle: async (envelope, m) => {
        await decideFromEvaluation(envelope, m, deps);
        if (when === 'before-db-commit') kill('killed before the database commit');
      },
    });
    await consumer.ready;
    return { died: died.then(() => stopping) };
  }

  async function nextConsumer(prefix: string): Promise<{ consumer: RunningConsumer; stop(): Promise<void> }> {
    const next = startRecognitionConsumer({ dataSource: ds, brokers: KAFKA_BROKERS, topicPrefix: prefix, directory: directory(), log });
    const consumer = (await next.started)!;
    await consumer.ready;
    return { consumer, stop: () => next.stop() };
  }

  it('killed between its database commit and its offset commit: the event comes again and changes nothing', async () => {
    const prefix = `${graph.topicPrefix}after.`;
    const topic = completedTopic(prefix);
    const { died } = await dyingConsumer(prefix, 'after-db-commit');
    const producer = await eventProducer(prefix);
    const event = completedEvent({ employee: people.teacher, predicate: 'KURANG', year: 2026 });
    await producer.send(event);
    await producer.stop();
    await died;

    // The decision, its event id, its outbox rows and its improvement plan were committed ...
    expect(await decisionsFor(ds, event.data.evaluationId)).toHaveLength(1);
    expect(await count('SELECT count(*)::int AS n FROM processed_event WHERE event_id = $1', [event.eventId])).toBe(1);
    // ... but the offset was not.
    expect(await committedOffset(`${prefix}${CONSUMER_GROUP}`, topic)).toBe(-1);

    const next = await nextConsumer(prefix);
    await waitFor(async () => next.consumer.stats().duplicates === 1);
    await waitFor(async () => (await committedOffset(`${prefix}${CONSUMER_GROUP}`, topic)) === 1);
    await next.stop();
    expect(next.consumer.stats().processed).toBe(0);
    expect(await decisionsFor(ds, event.data.evaluationId)).toHaveLength(1);
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE type = 'reward.decided' AND envelope->'data'->>'evaluationId' = $1`, [event.data.evaluationId])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM improvement_plan WHERE employee_id = $1', [people.teacher.id])).toBe(1);
  });

  it('killed before its database commit: nothing was written, and the next consumer decides it once', async () => {
    const prefix = `${graph.topicPrefix}before.`;
    const { died } = await dyingConsumer(prefix, 'before-db-commit');
    const producer = await eventProducer(prefix);
    const event = completedEvent({ employee: people.colleague, predicate: 'SANGAT_KURANG', year: 2026 });
    await producer.send(event);
    await producer.stop();
    await died;

    expect(await decisionsFor(ds, event.data.evaluationId)).toEqual([]);
    expect(await count('SELECT count(*)::int AS n FROM processed_event WHERE event_id = $1', [event.eventId])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM improvement_plan WHERE employee_id = $1', [people.colleague.id])).toBe(0);

    const next = await nextConsumer(prefix);
    await waitFor(async () => next.consumer.stats().processed === 1);
    await next.stop();
    const [decision] = await decisionsFor(ds, event.data.evaluationId);
    expect(decision).toMatchObject({ predicate: 'SANGAT_KURANG', allowance_percent: 25, sanction_recommended: null, follow_up: 'IMPROVEMENT_TRACK', source_event_id: event.eventId });
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE type = 'reward.decided' AND envelope->'data'->>'evaluationId' = $1`, [event.data.evaluationId])).toBe(1);
  });
});
