import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';
import { EVENTS, type EventType } from './catalog';
import { createKafka, logLevel, type Producer } from './kafka';
import { backgroundQuery, backgroundRunner, backgroundTransaction } from './background';
import { OUTBOX_CHANNEL, OUTBOX_LOCK_CLASS, OUTBOX_TABLE } from './outbox';

/**
 * The outbox relay (EVENTS.md, "The reward path", step 2): publishes pending outbox rows to Kafka in
 * id order and marks them sent in the transaction that claimed them. At-least-once: a crash between
 * the broker's ack and the commit republishes a batch, which consumers dedupe by eventId.
 *
 * One active relay per database: the relay that holds a session advisory lock on a dedicated
 * connection publishes; other replicas retry the lock and take over within `lockRetryMs` when the
 * holder's connection goes away. The claim also takes row locks (FOR UPDATE, not SKIP LOCKED), so
 * even a relay that lost its lock mid-batch can only delay, never reorder or double-send, the next one.
 */
export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** "host:port,host:port" or a list. */
  brokers: string | string[];
  /** Prepended to every topic (tests use a unique prefix). */
  topicPrefix?: string;
  clientId: string;
  log: Logger;
  /** Fallback poll when no NOTIFY arrives (rows written without `enqueue`). Default 1000 ms. */
  pollIntervalMs?: number;
  /** Rows per claim and per Kafka request. Default 500 (a burst of 10,000 completions: 20 claims, not 100). */
  batchSize?: number;
  /** First retry delay while Kafka (or the database) fails; doubles up to maxBackoffMs. Default 250 ms. */
  initialBackoffMs?: number;
  /** Cap of the retry delay. Default 10 000 ms. */
  maxBackoffMs?: number;
  /** How often a standby replica tries to become the active relay. Default 1000 ms. */
  lockRetryMs?: number;
  /** kafkajs's own log level; default NOTHING: the relay logs each failure once itself. */
  kafkaLogLevel?: logLevel;
}

export interface OutboxRelayStatus {
  /** This relay holds the lock and publishes. */
  active: boolean;
  /** Rows this relay published since it started. */
  published: number;
  /** Failed publish attempts in a row (0 when the last one succeeded). */
  consecutiveFailures: number;
  lastError: string | null;
  stopped: boolean;
}

export interface OutboxRelay {
  /** Stops the loop, disconnects from Kafka, releases the lock (another replica takes over). */
  stop(): Promise<void>;
  /**
   * Publishes everything pending now, without backoff, and resolves with the number of rows this
   * call published; 0 when another replica is the active relay. Throws when Kafka refuses.
   */
  drain(): Promise<number>;
  /** False once stopped, or while the last publish attempt failed (Kafka or database down). */
  healthy(): boolean;
  status(): OutboxRelayStatus;
}

interface OutboxRow {
  id: string;
  topic: string;
  aggregate_id: string;
  type: string;
  envelope: Record<string, unknown>;
  headers: Record<string, string>;
}

const RELAY_LOCK_ID = 1; // (OUTBOX_LOCK_CLASS, 1): the relay's leadership lock in this database

/** The envelope in its documented field order (jsonb reorders keys), data in schema order when it parses. */
function messageValue(row: OutboxRow): string {
  const env = row.envelope;
  let data = env.data;
  const spec = EVENTS[row.type as EventType];
  if (spec) {
    const parsed = spec.data.safeParse(data);
    if (parsed.success) data = parsed.data;
  }
  return JSON.stringify({ eventId: env.eventId, type: env.type, version: env.version, occurredAt: env.occurredAt, producer: env.producer, data });
}

function messageHeaders(row: OutboxRow): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.headers ?? {})) if (typeof v === 'string') headers[k] = v;
  headers.eventId = String(row.envelope.eventId);
  headers.type = row.type;
  return headers;
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message !== error.message ? `${error.message}: ${cause.message}` : error.message;
}

/** Broker errors that refuse a record itself: sending it again can never succeed. */
const REFUSED_RECORD = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE']);

/** Whether an error (or one it wraps, as kafkajs's retrier does) is the broker refusing a record. */
function refusedRecord(error: unknown): boolean {
  for (let e = error as { type?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.type === 'string' && REFUSED_RECORD.has(e.type)) return true;
  }
  return false;
}

/** Releases a query runner's connection with an error, so the pool closes it instead of reusing it. */
function destroyConnection(runner: QueryRunner, reason: Error): Promise<void> {
  return (runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> }).releasePostgresConnection(reason).catch(() => undefined);
}

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { dataSource, log: parentLog, clientId } = options;
  const log = parentLog.child({ component: 'outbox-relay' });
  const topicPrefix = options.topicPrefix ?? '';
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 500;
  const initialBackoffMs = options.initialBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const lockRetryMs = options.lockRetryMs ?? 1000;
  const kafka = createKafka({
    brokers: options.brokers,
    clientId,
    logLevel: options.kafkaLogLevel ?? logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    // Bounded: the relay retries outside the transaction with its own backoff and a fresh producer.
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1000 },
  });

  let stopped = false;
  let producer: Producer | null = null;
  let lockRunner: QueryRunner | null = null;
  let active = false;
  let published = 0;
  let consecutiveFailures = 0;
  let lastError: string | null = null;
  let pendingWake = false;
  let sleeper: { finish: () => void; wakeable: boolean } | null = null;

  /** A NOTIFY arrived (or the lock connection went away): publish without waiting for the poll. */
  const signal = () => {
    pendingWake = true;
    if (sleeper?.wakeable) sleeper.finish();
  };

  /** Sleeps up to ms; when `wakeable`, a NOTIFY ends it early. stop() always ends it. */
  const sleep = (ms: number, wakeable: boolean) => new Promise<void>((resolve) => {
    if (stopped || (wakeable && pendingWake)) return resolve();
    const finish = () => {
      clearTimeout(timer);
      sleeper = null;
      resolve();
    };
    const timer = setTimeout(finish, ms);
    sleeper = { finish, wakeable };
  });

  async function releaseLock(): Promise<void> {
    const runner = lockRunner;
    lockRunner = null;
    active = false;
    if (!runner || runner.isReleased) return;
    // Destroy rather than return to the pool: the session lock and LISTEN go with the connection.
    await destroyConnection(runner, new Error('outbox relay released its lock'));
  }

  /** Becomes the active relay if no other connection holds the lock. */
  async function tryLead(): Promise<boolean> {
    if (lockRunner && !lockRunner.isReleased && active) return true;
    await releaseLock();
    const runner = backgroundRunner(dataSource);
    try {
      const client = (await runner.connect()) as {
        on(event: 'notification', fn: (msg: { channel: string }) => void): void;
        on(event: 'end' | 'error', fn: () => void): void;
      };
      const [row] = (await runner.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [OUTBOX_LOCK_CLASS, RELAY_LOCK_ID])) as Array<{ locked: boolean }>;
      if (!row?.locked) {
        await runner.release();
        return false;
      }
      client.on('notification', (msg) => { if (msg.channel === OUTBOX_CHANNEL) signal(); });
      const lost = () => {
        if (active) log.warn('outbox relay lost its database connection; will retry the lock');
        active = false;
        signal();
      };
      client.on('end', lost);
      client.on('error', lost);
      await runner.query(`LISTEN ${OUTBOX_CHANNEL}`);
      lockRunner = runner;
      active = true;
      log.info('outbox relay is the active relay for this database');
      return true;
    } catch (error) {
      await destroyConnection(runner, error as Error);
      throw error;
    }
  }

  async function ensureProducer(): Promise<Producer> {
    if (producer) return producer;
    const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true, retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1000 } });
    try {
      await p.connect();
    } catch (error) {
      await p.disconnect().catch(() => undefined);
      throw error;
    }
    producer = p;
    return p;
  }

  async function dropProducer(): Promise<void> {
    const p = producer;
    producer = null;
    // A fresh producer after a failure gets a fresh producer id, so no stale sequence numbers.
    if (p) await p.disconnect().catch(() => undefined);
  }

  /** Claims, publishes and marks one batch in one transaction: how many rows it claimed and how many it published. */
  async function publishBatch(): Promise<{ claimed: number; sent: number }> {
    let claimed: string[] = [];
    try {
      return await backgroundTransaction(dataSource, async (m: EntityManager) => {
        const rows = (await m.query(
          // ORDER BY the bigint column, not the text alias (which would sort "100" before "45").
          `SELECT o.id::text AS id, o.topic, o.aggregate_id, o.type, o.envelope, o.headers FROM ${OUTBOX_TABLE} o
            WHERE o.sent_at IS NULL AND o.failed_at IS NULL ORDER BY o.id LIMIT $1 FOR UPDATE`,
          [batchSize],
        )) as OutboxRow[];
        if (rows.length === 0) return { claimed: 0, sent: 0 };
        claimed = rows.map((r) => r.id);
        const message = (row: OutboxRow) => ({ key: row.aggregate_id, value: messageValue(row), headers: messageHeaders(row) });
        // One request per topic, in id order: kafkajs keeps array order within a partition.
        const byTopic = new Map<string, Array<ReturnType<typeof message>>>();
        for (const row of rows) {
          const topic = `${topicPrefix}${row.topic}`;
          const list = byTopic.get(topic) ?? [];
          list.push(message(row));
          byTopic.set(topic, list);
        }
        let sent = claimed;
        try {
          await (await ensureProducer()).sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
        } catch (error) {
          if (!refusedRecord(error)) throw error;
          sent = await publishOneByOne(m, rows, message);
        }
        await m.query(
          `UPDATE ${OUTBOX_TABLE} SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])`,
          [sent],
        );
        return { claimed: rows.length, sent: sent.length };
      });
    } catch (error) {
      await dropProducer();
      if (claimed.length > 0) {
        // Outside the rolled-back claim: the rows stay pending and show why.
        await backgroundQuery(dataSource,
          `UPDATE ${OUTBOX_TABLE} SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[]) AND sent_at IS NULL`,
          [claimed, errorText(error).slice(0, 2000)],
        ).catch(() => undefined);
      }
      throw error;
    }
  }

  /**
   * The broker refused a record of the batch for good (too large, invalid): the rows go one by one, in
   * id order, on a fresh producer; each the broker refuses on its own is set aside (failed_at, why in
   * last_error), so it cannot hold every later row of this database. Its key's later events go out
   * without it (republished later, it arrives after them); the error log and /metrics
   * (kinerja_outbox_failed) say so. Any other error
   * ends the pass: the transaction rolls back and everything is retried (some rows twice; consumers
   * dedupe by eventId). Returns the ids published.
   */
  async function publishOneByOne(m: EntityManager, rows: OutboxRow[], message: (row: OutboxRow) => { key: string; value: string; headers: Record<string, string> }): Promise<string[]> {
    await dropProducer();
    const p = await ensureProducer();
    const sent: string[] = [];
    for (const row of rows) {
      try {
        await p.send({ topic: `${topicPrefix}${row.topic}`, acks: -1, messages: [message(row)] });
        sent.push(row.id);
      } catch (error) {
        if (!refusedRecord(error)) throw error;
        const why = errorText(error).slice(0, 2000);
        log.error({ outboxId: row.id, type: row.type, topic: row.topic, eventId: row.envelope.eventId, err: why },
          'Kafka refused this outbox row for good; it is set aside (failed_at) and later rows go on');
        await m.query(`UPDATE ${OUTBOX_TABLE} SET failed_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1::bigint`, [row.id, why]);
      }
    }
    return sent;
  }

  // Publishing is serialized: the loop and drain() never claim at the same time in one process.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };

  async function publishAll(): Promise<number> {
    let total = 0;
    for (;;) {
      if (stopped) return total;
      if (!(await tryLead())) return total;
      pendingWake = false;
      const { claimed, sent } = await publishBatch();
      total += sent;
      published += sent;
      if (sent > 0) log.debug({ rows: sent }, 'outbox rows published');
      if (claimed < batchSize) return total;
    }
  }

  const loop = (async () => {
    let backoff = initialBackoffMs;
    while (!stopped) {
      try {
        await serial(publishAll);
        if (consecutiveFailures > 0) log.info({ after: consecutiveFailures }, 'outbox relay publishing again');
        consecutiveFailures = 0;
        lastError = null;
        backoff = initialBackoffMs;
        await (active ? sleep(pollIntervalMs, true) : sleep(lockRetryMs, false));
      } catch (error) {
        if (stopped) break;
        consecutiveFailures += 1;
        lastError = errorText(error);
        const delay = Math.min(maxBackoffMs, backoff) * (0.8 + Math.random() * 0.4);
        log.warn({ err: lastError, attempt: consecutiveFailures, retryInMs: Math.round(delay) }, 'outbox relay could not publish; rows stay pending');
        backoff = Math.min(maxBackoffMs, backoff * 2);
        await sleep(delay, false);
      }
    }
  })();

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      sleeper?.finish();
      await loop.catch(() => undefined);
      await chain.catch(() => undefined);
      await dropProducer();
      await releaseLock();
    },
    drain() {
      if (stopped) return Promise.resolve(0);
      return serial(publishAll);
    },
    healthy() {
      return !stopped && consecutiveFailures === 0;
    },
    status() {
      return { active, published, consecutiveFailures, lastError, stopped };
    },
  };
}
