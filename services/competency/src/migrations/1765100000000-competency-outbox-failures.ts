import { addOutboxFailures, dropOutboxFailures } from '@kinerja/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox rows Kafka refuses for good are set aside (failed_at) instead of holding every later row. */
export class CompetencyOutboxFailures1765100000000 implements MigrationInterface {
  name = 'CompetencyOutboxFailures1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await addOutboxFailures(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxFailures(q);
  }
}
