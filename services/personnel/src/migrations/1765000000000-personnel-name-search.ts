import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `employees(search:)` matches a part of a name anywhere (`lower(name) LIKE '%…%'`), which no B-tree
 * serves: at 100,000 employees it read the whole table (bench/results/summary.md: 5.9× slower than at 2,400).
 * A trigram index serves it for search terms of three letters or more. pg_trgm ships with PostgreSQL
 * (contrib) and is a trusted extension; where it cannot be created, search still works unindexed.
 */
export class PersonnelNameSearch1765000000000 implements MigrationInterface {
  name = 'PersonnelNameSearch1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('SAVEPOINT name_search');
    try {
      await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await q.query('CREATE INDEX employee_name_trgm_idx ON employee USING gin (lower(name) gin_trgm_ops)');
      await q.query('RELEASE SAVEPOINT name_search');
    } catch (error) {
      await q.query('ROLLBACK TO SAVEPOINT name_search');
      // Not fatal: a missing contrib package or extension right only costs search speed.
      process.emitWarning(`personnel: name search stays unindexed (pg_trgm unavailable: ${(error as Error).message})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS employee_name_trgm_idx');
  }
}
