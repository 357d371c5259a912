import { createAuditTable, dropAuditTable } from '@kinerja/subgraph-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 7: the audit trail, written in the same transaction as every mutation. */
export class PersonnelAudit1764900000000 implements MigrationInterface {
  name = 'PersonnelAudit1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await createAuditTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditTable(q);
  }
}
