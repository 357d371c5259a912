// Helpers for this package's tests: a fresh PostgreSQL database with the outbox, and the broker
// helpers of src/testing (they default to KAFKA_BROKERS).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { addOutboxFailures, createOutboxTable, createProcessedEventTable } from '../src';
import { KAFKA_BROKERS } from '../src/testing';

export { closedPort, createTopics, deleteTopics, readTopic, startProxy, waitFor } from '../src/testing';
export const BROKERS = KAFKA_BROKERS;
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const log = pino({ name: 'events-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export const prefix = (label: string) => `t.events-${label}.${randomBytes(4).toString('hex')}.`;

export interface TestDb {
  dataSource: DataSource;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with the outbox and processed_event tables, dropped by drop(). */
export async function outboxDatabase(label: string): Promise<TestDb> {
  const name = `kt_events_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const dataSource = new DataSource({ type: 'postgres', url, synchronize: false, extra: { max: 10 } });
  await dataSource.initialize();
  const q = dataSource.createQueryRunner();
  await createOutboxTable(q);
  await addOutboxFailures(q);
  await createProcessedEventTable(q);
  await q.release();
  return {
    dataSource,
    url,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
