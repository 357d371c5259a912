import { backgroundTransaction } from './background';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';
import { EVENTS, validateEnvelope, type Envelope, type EventData, type EventType } from './catalog';
import { createKafka, logLevel, type Consumer, type KafkaMessage, type Producer } from './kafka';

/**
 * The idempotent consumer (EVENTS.md, "Rules for every topic"; ARCHITECTURE.md, the reward path):
 * validates each message against the catalog, records its eventId in `processed_event` inside the
 * handler's transaction (a redelivery ends there, committed, with no effect), and commits the Kafka
 * offset only after that transaction committed. What cannot be parsed or validated goes to
 * `<topic>.dlq` with the reason in headers; the consumer commits it and goes on.
 */
export const PROCESSED_EVENT_TABLE = 'processed_event';

/** Creates the dedupe table; call from the consuming service's migration. */
export async function createProcessedEventTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE ${PROCESSED_EVENT_TABLE} (
      consumer varchar(200) NOT NULL,
      event_id uuid NOT NULL,
      topic varchar(250) NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
}

export async function dropProcessedEventTable(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE ${PROCESSED_EVENT_TABLE}`);
}

/** Thrown by a handler for a valid event it can never process: the message goes to the DLQ. */
export class PermanentEventError extends Error {}

export interface ConsumedEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  /** What `prepare` returned for the batch this event came in (undefined without prepare, or when it failed). */
  prepared?: unknown;
}

/** A validated event and where it came from. */
export interface ConsumedItem<T extends EventType> {
  envelope: Envelope<EventData<T>>;
  meta: ConsumedEvent;
}

export interface ConsumerOptions<T extends EventType> {
  dataSource: DataSource;
  brokers: string | string[];
  topicPrefix?: string;
  /** The Kafka consumer group, also the dedupe scope in processed_event (e.g. "recognition"). */
  groupId: string;
  type: T;
  clientId: string;
  log: Logger;
  /**
   * Runs per event inside the transaction that records the eventId; throw to retry (PermanentEventError:
   * DLQ). Give this or `handleBatch`.
   */
  handle?: (envelope: Envelope<EventData<T>>, manager: EntityManager, meta: ConsumedEvent) => Promise<void>;
  /**
   * Runs once per transaction with its fresh events (never a duplicate) in offset order: a handler that
   * writes a batch in a few statements instead of a few per event (bench/results). Same rules as `handle`;
   * when the batch fails its events come again one per call.
   */
  handleBatch?: (events: Array<ConsumedItem<T>>, manager: EntityManager) => Promise<void>;
  /** A new group starts at the oldest retained message (default) so nothing published earlier is missed. */
  fromBeginning?: boolean;
  /** Creates the topic and its .dlq when missing (KRaft refuses subscriptions to missing topics). Default true. */
  createTopics?: boolean;
  /** Partitions for topics it creates. Default KAFKA_PARTITIONS or 6. */
  partitions?: number;
  /** kafkajs fetch long-poll; also how long stop() may wait. Default 500 ms. */
  maxWaitTimeInMs?: number;
  /** Retry delay cap for a failing handler (the message is retried, not skipped). Default 10 000 ms. */
  maxBackoffMs?: number;
  kafkaLogLevel?: logLevel;
  /** Partitions processed at the same time; one partition is always processed in order. Default: `partitions` (6). */
  partitionsConsumedConcurrently?: number;
  /**
   * Consecutive messages of one partition decided in ONE database transaction (one processed_event
   * insert, then the handler per event). When that transaction fails they are retried one by one.
   * 1 = a transaction per message. Default 250.
   */
  maxBatchSize?: number;
  /**
   * Runs once per batch, before its transaction and outside it, with the batch's valid events: look
   * up in one call what the handler would otherwise fetch per event (it gets the result as
   * `meta.prepared`). A failure is logged and the handler runs without it.
   */
  prepare?: (envelopes: Array<Envelope<EventData<T>>>) => Promise<unknown>;
}

export interface RunningConsumer {
  topic: string;
  dlqTopic: string;
  stop(): Promise<void>;
  /** Resolves once the consumer joined its group and was assigned partitions. */
  ready: Promise<void>;
  stats(): { processed: number; duplicates: number; deadLettered: number; failures: number };
}

function headerText(headers: KafkaMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map((x) => x.toString()).join(',') : v.toString();
  }
  return out;
}

export async function startConsumer<T extends EventType>(options: ConsumerOptions<T>): Promise<RunningConsumer> {
  const { dataSource, groupId, type, handle, handleBatch } = options;
  if (!handle === !handleBatch) throw new Error('startConsumer needs exactly one of handle and handleBatch');
  const handleFresh = handleBatch ?? (async (events: Array<ConsumedItem<T>>, m: EntityManager) => {
    for (const { envelope, meta } of events) await handle!(envelope, m, meta);
  });
  const log = options.log.child({ component: 'consumer', groupId, type });
  const topic = `${options.topicPrefix ?? ''}${EVENTS[type].topic}`;
  const dlqTopic = `${topic}.dlq`;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const kafka = createKafka({ brokers: options.brokers, clientId: options.clientId, logLevel: options.kafkaLogLevel ?? logLevel.WARN });
  const counts = { processed: 0, duplicates: 0, deadLettered: 0, failures: 0 };

  if (options.createTopics ?? true) {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const numPartitions = options.partitions ?? Number(process.env.KAFKA_PARTITIONS ?? 6);
      const missing = [topic, dlqTopic].filter((t) => !existing.has(t));
      if (missing.length > 0) {
        await admin.createTopics({ waitForLeaders: true, topics: missing.map((t) => ({ topic: t, numPartitions })) }).catch((e: { type?: string }) => {
          if (e?.type !== 'TOPIC_ALREADY_EXISTS') throw e;
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  const dlqProducer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
  await dlqProducer.connect();
  const consumer: Consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: options.maxWaitTimeInMs ?? 500 });
  let stopped = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  consumer.on(consumer.events.GROUP_JOIN, () => markReady());

  async function deadLetter(message: KafkaMessage, partition: number, reason: string): Promise<void> {
    counts.deadLettered += 1;
    log.warn({ topic, partition, offset: message.offset, reason }, 'message sent to the dead-letter topic');
    await dlqProducer.send({
      topic: dlqTopic,
      acks: -1,
      messages: [{
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          consumer: groupId,
          error: reason.slice(0, 2000),
          'original-topic': topic,
          'original-partition': String(partition),
          'original-offset': message.offset,
          'dead-lettered-at': new Date().toISOString(),
        },
      }],
    });
  }

  /** Records the eventId and runs the handler in one transaction; false when already processed. */
  async function processEvent(envelope: Envelope, meta: ConsumedEvent): Promise<boolean> {
    return backgroundTransaction(dataSource, async (m) => {
      const inserted = (await m.query(
        `INSERT INTO ${PROCESSED_EVENT_TABLE} (consumer, event_id, topic) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
        [groupId, envelope.eventId, meta.topic],
      )) as unknown[];
      if (inserted.length === 0) return false;
      await handleFresh([{ envelope: envelope as Envelope<EventData<T>>, meta }], m);
      return true;
    });
  }

  /**
   * Several events of one partition in ONE transaction: one processed_event insert for all, then the
   * handler for the fresh events in offset order (one call with handleBatch, one per event with
   * handle). Returns, per event, whether it was fresh (false: a
   * duplicate, also a repeat of an eventId earlier in the same batch).
   */
  async function processEvents(items: Array<{ envelope: Envelope; meta: ConsumedEvent }>): Promise<boolean[]> {
    return backgroundTransaction(dataSource, async (m) => {
      const inserted = (await m.query(
        `INSERT INTO ${PROCESSED_EVENT_TABLE} (consumer, event_id, topic) SELECT $1, id, $3 FROM unnest($2::uuid[]) AS id
           ON CONFLICT DO NOTHING RETURNING event_id`,
        [groupId, items.map((i) => i.envelope.eventId), topic],
      )) as Array<{ event_id: string }>;
      const fresh = new Set(inserted.map((r) => r.event_id.toLowerCase()));
      const result: boolean[] = [];
      const freshItems: Array<ConsumedItem<T>> = [];
      for (const { envelope, meta } of items) {
        const isFresh = fresh.delete(envelope.eventId.toLowerCase());
        if (isFresh) freshItems.push({ envelope: envelope as Envelope<EventData<T>>, meta });
        result.push(isFresh);
      }
      if (freshItems.length > 0) await handleFresh(freshItems, m);
      return result;
    });
  }

  /** One message on its own, as before batching: retried with backoff until it commits (or goes to the DLQ). */
  async function processOne(envelope: Envelope, meta: ConsumedEvent, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    let backoff = 200;
    for (let attempt = 1; ; attempt++) {
      try {
        const fresh = await processEvent(envelope, meta);
        if (fresh) counts.processed += 1;
        else counts.duplicates += 1;
        log.debug({ eventId: envelope.eventId, partition: meta.partition, offset: meta.offset, duplicate: !fresh }, 'event consumed');
        return;
      } catch (error) {
        if (error instanceof PermanentEventError) {
          await deadLetter(message, meta.partition, `handler: ${error.message}`);
          return;
        }
        counts.failures += 1;
        // Not resolved: the message is retried here, and after a restart or rebalance redelivered.
        if (stopped) throw error;
        log.warn({ err: error, eventId: envelope.eventId, attempt }, 'event handler failed; retrying');
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(maxBackoffMs, backoff * 2);
        await heartbeat().catch(() => undefined);
        if (stopped) throw error;
      }
    }
  }

  interface Item {
    message: KafkaMessage;
    envelope: Envelope;
    meta: ConsumedEvent;
  }

  /** Validates a message; what cannot be parsed or validated is dead-lettered here (null). */
  async function check(message: KafkaMessage, partition: number): Promise<Item | null> {
    let value: unknown;
    try {
      value = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch (error) {
      await deadLetter(message, partition, `parse: ${(error as Error).message}`);
      return null;
    }
    const checked = validateEnvelope(type, value);
    if (!checked.ok) {
      await deadLetter(message, partition, checked.reason);
      return null;
    }
    return { message, envelope: checked.envelope, meta: { topic, partition, offset: message.offset, key: message.key?.toString() ?? null, headers: headerText(message.headers) } };
  }

  const concurrency = Math.max(1, options.partitionsConsumedConcurrently ?? options.partitions ?? Number(process.env.KAFKA_PARTITIONS ?? 6));
  const maxBatchSize = Math.max(1, options.maxBatchSize ?? 250);

  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    // Offsets are resolved only once their transaction committed, and committed by us once per batch.
    autoCommit: false,
    eachBatchAutoResolve: false,
    // kafkajs never hands two batches of one partition out at once: per-key order holds.
    partitionsConsumedConcurrently: concurrency,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const { partition } = batch;
      let done: string | null = null; // the last offset whose effects are committed (or dead-lettered)
      const mark = (offset: string) => {
        resolveOffset(offset);
        done = offset;
      };
      const commit = async () => {
        if (done === null) return;
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(done) + 1n).toString() }]);
      };
      for (let start = 0; start < batch.messages.length; start += maxBatchSize) {
        if (stopped || !isRunning() || isStale()) break;
        const chunk = batch.messages.slice(start, start + maxBatchSize);
        const items: Item[] = [];
        for (const message of chunk) {
          const item = await check(message, partition);
          if (item) items.push(item);
        }
        if (options.prepare && items.length > 0) {
          try {
            const prepared = await options.prepare(items.map((i) => i.envelope as Envelope<EventData<T>>));
            for (const item of items) item.meta.prepared = prepared;
          } catch (error) {
            log.warn({ err: error, partition, events: items.length }, 'preparing the batch failed; its events are handled without it');
          }
        }
        let batched = false;
        if (items.length > 1) {
          try {
            const fresh = await processEvents(items);
            for (const f of fresh) {
              if (f) counts.processed += 1;
              else counts.duplicates += 1;
            }
            log.debug({ partition, from: chunk[0]!.offset, to: chunk[chunk.length - 1]!.offset, events: items.length }, 'events consumed');
            batched = true;
          } catch (error) {
            if (stopped) throw error;
            if (!(error instanceof PermanentEventError)) counts.failures += 1;
            log.warn({ err: error, partition, events: items.length }, 'batch transaction failed; processing its events one by one');
          }
        }
        if (batched) {
          mark(chunk[chunk.length - 1]!.offset);
        } else {
          // One at a time, each committed before the next, so a failure holds back only what follows it.
          let next = 0;
          for (const message of chunk) {
            const item = items[next]?.message === message ? items[next++] : undefined;
            if (item) await processOne(item.envelope, item.meta, message, heartbeat);
            mark(message.offset);
          }
        }
        await commit();
        await heartbeat();
      }
    },
  });

  return {
    topic,
    dlqTopic,
    ready,
    stats: () => ({ ...counts }),
    async stop() {
      if (stopped) return;
      stopped = true;
      await consumer.disconnect().catch(() => undefined);
      await dlqProducer.disconnect().catch(() => undefined);
    },
  };
}
