import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "My supervisor is wrong" requests to BKPSDM (WEB.md, My SKP); one OPEN request per employee. */
export class PersonnelSupervisorCorrection1765400000000 implements MigrationInterface {
  name = 'PersonnelSupervisorCorrection1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervisor_correction_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employee(id) ON DELETE CASCADE,
        current_supervisor_id uuid NULL REFERENCES employee(id) ON DELETE SET NULL,
        proposed_supervisor_id uuid NULL REFERENCES employee(id) ON DELETE SET NULL,
        note text NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('OPEN', 'APPLIED', 'REJECTED')),
        resolution_note text NULL,
        resolved_by uuid NULL,
        resolved_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX supervisor_correction_status_idx ON supervisor_correction_request (status, created_at)');
    await q.query(`CREATE UNIQUE INDEX supervisor_correction_one_open ON supervisor_correction_request (employee_id) WHERE status = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS supervisor_correction_request');
  }
}
