import { createOutboxTable, dropOutboxTable } from '@kinerja/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox that carries kinerja.employee.changed.v1 (EVENTS.md). */
export class PersonnelOutbox1764201700000 implements MigrationInterface {
  name = 'PersonnelOutbox1764201700000';

  async up(q: QueryRunner): Promise<void> {
    await createOutboxTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxTable(q);
  }
}
