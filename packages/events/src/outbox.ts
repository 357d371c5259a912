import { randomUUID } from 'node:crypto';
import type { EntityManager, QueryRunner } from 'typeorm';
import { EVENTS, type Envelope, type EventData, type EventType } from './catalog';

/**
 * The transactional outbox (EVENTS.md, "The reward path"): a service writes its event in the same
 * transaction as the change; the relay publishes it later. Debezium's outbox names: the aggregate
 * id is the Kafka key, the event id travels in a header.
 */
export const OUTBOX_TABLE = 'outbox';
/** NOTIFY channel: `enqueue` signals it on commit so the relay publishes within milliseconds. */
export const OUTBOX_CHANNEL = 'kinerja_outbox';
/** Advisory-lock class (first int4 key) for the outbox: per-key write order and the relay's leadership. */
export const OUTBOX_LOCK_CLASS = 0x4b4e4a4f;

/** Creates the outbox table; call from the service's migration. */
export async function createOutboxTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE ${OUTBOX_TABLE} (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      topic varchar(200) NOT NULL,
      aggregate_id varchar(100) NOT NULL,
      type varchar(100) NOT NULL,
      envelope jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
  await q.query(`CREATE INDEX ${OUTBOX_TABLE}_pending_idx ON ${OUTBOX_TABLE} (id) WHERE sent_at IS NULL`);
}

/**
 * Rows Kafka refuses for good (a record over the broker's size limit, one it finds invalid) are set
 * aside with `failed_at` instead of holding every later row of the database: the relay skips them,
 * /metrics counts them, and an operator republishes one by clearing its failed_at after the fix.
 * Call from a service migration after createOutboxTable.
 */
export async function addOutboxFailures(q: QueryRunner): Promise<void> {
  await q.query(`ALTER TABLE ${OUTBOX_TABLE} ADD COLUMN failed_at timestamptz`);
  await q.query(`DROP INDEX ${OUTBOX_TABLE}_pending_idx`);
  await q.query(`CREATE INDEX ${OUTBOX_TABLE}_pending_idx ON ${OUTBOX_TABLE} (id) WHERE sent_at IS NULL AND failed_at IS NULL`);
  await q.query(`CREATE INDEX ${OUTBOX_TABLE}_failed_idx ON ${OUTBOX_TABLE} (id) WHERE failed_at IS NOT NULL`);
}

export async function dropOutboxFailures(q: QueryRunner): Promise<void> {
  await q.query(`DROP INDEX ${OUTBOX_TABLE}_failed_idx`);
  await q.query(`DROP INDEX ${OUTBOX_TABLE}_pending_idx`);
  await q.query(`CREATE INDEX ${OUTBOX_TABLE}_pending_idx ON ${OUTBOX_TABLE} (id) WHERE sent_at IS NULL`);
  await q.query(`ALTER TABLE ${OUTBOX_TABLE} DROP COLUMN failed_at`);
}

export async function dropOutboxTable(q: QueryRunner): Promise<void> {
  await q.query(`DROP TABLE ${OUTBOX_TABLE}`);
}

export interface EnqueueOptions {
  /** The Kafka key: the employee id, or the unit id where no employee is involved. */
  key: string;
  /** Trace id to carry in headers, when there is one. */
  traceId?: string;
  occurredAt?: Date;
}

/** One event to enqueue: its type, its payload and its key (see `enqueue`). */
export interface OutboxItem<T extends EventType = EventType> {
  type: T;
  data: EventData<T>;
  options: EnqueueOptions;
}

/**
 * Validates the payload against the catalog and inserts the envelope into the outbox, inside the
 * caller's transaction (pass the transaction's EntityManager). A payload that breaks the schema
 * throws, so the change it belongs to rolls back rather than publishing garbage.
 */
export async function enqueue<T extends EventType>(m: EntityManager, type: T, data: EventData<T>, options: EnqueueOptions): Promise<Envelope<EventData<T>>> {
  const [envelope] = await enqueueMany(m, [{ type, data, options }]);
  return envelope as Envelope<EventData<T>>;
}

/**
 * Several events in ONE statement, in the order given (the relay publishes in that order): what a
 * consumer deciding a batch writes (bench/results/summary.md: each statement bounds its rate). Every payload is
 * validated before anything is written.
 *
 * Per-key commit order = id order: a second writer for the same key waits on the key's advisory
 * lock until the first commits, so the relay (reading in id order) can never publish a key's later
 * event first. The keys are locked in one fixed order (by hash), so two transactions enqueueing
 * overlapping keys wait for each other instead of deadlocking. The lock and the NOTIFY (delivered
 * at commit, dropped on rollback, one per transaction) are CTEs the insert reads, so both happen
 * before a row is written.
 */
export async function enqueueMany(m: EntityManager, items: OutboxItem[]): Promise<Envelope[]> {
  if (items.length === 0) return [];
  const envelopes = items.map(({ type, data, options }) => {
    const spec = EVENTS[type];
    const envelope: Envelope = {
      eventId: randomUUID(),
      type,
      version: spec.version,
      occurredAt: (options.occurredAt ?? new Date()).toISOString(),
      producer: spec.producer,
      data: spec.data.parse(data) as EventData<EventType>,
    };
    return envelope;
  });
  // One JSON document for the whole batch: serialized natively, parsed by PostgreSQL in C (bench/results).
  const rows = envelopes.map((envelope, i) => {
    const { key, traceId } = items[i]!.options;
    const headers: Record<string, string> = { eventId: envelope.eventId, type: envelope.type };
    if (traceId) headers.traceId = traceId;
    return { event_id: envelope.eventId, topic: EVENTS[envelope.type as EventType].topic, key, type: envelope.type, envelope, headers };
  });
  await m.query(
    `WITH batch AS (
       SELECT * FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (event_id uuid, topic text, key text, type text, envelope jsonb, headers jsonb)) WITH ORDINALITY
         AS r(event_id, topic, key, type, envelope, headers, n)),
     locked AS (SELECT count(pg_advisory_xact_lock($1::int, h)) FROM (SELECT DISTINCT hashtext(key) AS h FROM batch ORDER BY h) AS keys),
     notified AS (SELECT pg_notify('${OUTBOX_CHANNEL}', ''))
     INSERT INTO ${OUTBOX_TABLE} (event_id, topic, aggregate_id, type, envelope, headers)
     SELECT b.event_id, b.topic, b.key, b.type, b.envelope, b.headers FROM batch b, locked, notified ORDER BY b.n`,
    [OUTBOX_LOCK_CLASS, JSON.stringify(rows)],
  );
  return envelopes;
}
