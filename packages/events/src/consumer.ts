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
  /** Runs inside the transaction that records the eventId; throw to retry (PermanentEventError: DLQ). */
  handle: (envelope: Envelope<EventData<T>>, manager: EntityManager, meta: ConsumedEvent) => Promise<void>;
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
  const { dataSource, groupId, type, handle } = options;
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
      await handle(envelope as Envelope<EventData<T>>, m, meta);
      return true;
    });
  }

  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message, heartbeat }) => {
      const commit = () => consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      let value: unknown;
      try {
        value = JSON.parse(message.value?.toString('utf8') ?? '');
      } catch (error) {
        await deadLetter(message, partition, `parse: ${(error as Error).message}`);
        return commit();
      }
      const checked = validateEnvelope(type, value);
      if (!checked.ok) {
        await deadLetter(message, partition, checked.reason);
        return commit();
      }
      const meta: ConsumedEvent = { topic, partition, offset: message.offset, key: message.key?.toString() ?? null, headers: headerText(message.headers) };
      let backoff = 200;
      for (let attempt = 1; ; attempt++) {
        try {
          const fresh = await processEvent(checked.envelope, meta);
          if (fresh) counts.processed += 1;
          else counts.duplicates += 1;
          log.debug({ eventId: checked.envelope.eventId, partition, offset: message.offset, duplicate: !fresh }, 'event consumed');
          return commit();
        } catch (error) {
          if (error instanceof PermanentEventError) {
            await deadLetter(message, partition, `handler: ${error.message}`);
            return commit();
          }
          counts.failures += 1;
          // Not committed: the message is retried here, and after a restart or rebalance redelivered.
          if (stopped) throw error;
          log.warn({ err: error, eventId: checked.envelope.eventId, attempt }, 'event handler failed; retrying');
          await new Promise((r) => setTimeout(r, backoff));
          backoff = Math.min(maxBackoffMs, backoff * 2);
          await heartbeat().catch(() => undefined);
          if (stopped) throw error;
        }
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
