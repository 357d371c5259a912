import { addOutboxFailures, createOutboxTable, dropOutboxFailures, dropOutboxTable } from '@kinerja/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTable, dropAuditTable } from './audit';

type MigrationClass = new () => MigrationInterface;

/**
 * A migration class named `name` (e.g. GoalsAudit1764900000000). TypeORM records the name and reads
 * the timestamp from its last 13 digits, so a database that ran the service's own copy of the
 * migration under that name never runs it again.
 */
export function namedMigration(name: string, up: (q: QueryRunner) => Promise<void>, down: (q: QueryRunner) => Promise<void>): MigrationClass {
  const migration = class implements MigrationInterface {
    name = name;
    up(q: QueryRunner): Promise<void> {
      return up(q);
    }
    down(q: QueryRunner): Promise<void> {
      return down(q);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/** `goals` → `Goals`: the prefix the services' migration names have always had. */
function classPrefix(service: string): string {
  return service.charAt(0).toUpperCase() + service.slice(1);
}

/** The outbox table (EVENTS.md), for a service whose first migration did not create it (personnel). */
export function outboxMigration(service: string, timestamp: number): MigrationClass {
  return namedMigration(`${classPrefix(service)}Outbox${timestamp}`, createOutboxTable, dropOutboxTable);
}

/**
 * The migrations every subgraph shares, under the names and timestamps each service ran them with:
 * the audit trail (written in the transaction of every mutation) and the outbox's failed_at (rows
 * Kafka refuses for good are set aside instead of holding every later row).
 */
export function sharedMigrations(service: string): MigrationClass[] {
  const prefix = classPrefix(service);
  return [
    namedMigration(`${prefix}Audit1764900000000`, createAuditTable, dropAuditTable),
    namedMigration(`${prefix}OutboxFailures1765100000000`, addOutboxFailures, dropOutboxFailures),
  ];
}
