import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Granted roles (ADMIN, ANALYST) held in personnel, not in tokens (ARCHITECTURE.md, "Trust and identity"). */
export class PersonnelRoles1765300000000 implements MigrationInterface {
  name = 'PersonnelRoles1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employee_role (
        employee_id uuid NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('ADMIN', 'ANALYST')),
        granted_by uuid NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employee_id, role)
      )`);
    await q.query('CREATE INDEX employee_role_role_idx ON employee_role (role)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS employee_role');
  }
}
