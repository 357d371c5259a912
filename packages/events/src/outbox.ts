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

/**
 * Validates the payload against the catalog and inserts the envelope into the outbox, inside the
 * caller's transaction (pass the transaction's EntityManager). A payload that breaks the schema
 * throws, so the change it belongs to rolls back rather than publishing garbage.
 */
export async function enqueue<T extends EventType>(m: EntityManager, type: T, data: EventData<T>, options: EnqueueOptions): Promise<Envelope<EventData<T>>> {
  const spec = EVENTS[type];
  const parsed = spec.data.parse(data) as EventData<T>;
  const envelope: Envelope<EventData<T>> = {
    eventId: randomUUID(),
    type,
    version: spec.version,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    producer: spec.producer,
    data: parsed,
  };
  const headers: Record<string, string> = { eventId: envelope.eventId, type };
  if (options.traceId) headers.traceId = options.traceId;
  // Per-key commit order = id order: a second writer for the same key waits here until the first
  // commits, so the relay (reading in id order) can never publish a key's later event first. One
  // statement: the lock and the NOTIFY (delivered at commit, dropped on rollback, one per transaction)
  // are CTEs the insert reads, so both happen before the row is written.
  await m.query(
    `WITH locked AS (SELECT pg_advisory_xact_lock($7::int, hashtext($3::text))), notified AS (SELECT pg_notify('${OUTBOX_CHANNEL}', ''))
     INSERT INTO ${OUTBOX_TABLE} (event_id, topic, aggregate_id, type, envelope, headers)
     SELECT $1::uuid, $2::text, $3::text, $4::text, $5::jsonb, $6::jsonb FROM locked, notified`,
    [envelope.eventId, spec.topic, options.key, type, JSON.stringify(envelope), JSON.stringify(headers), OUTBOX_LOCK_CLASS],
  );
  return envelope;
}
