import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PPPK as first-class employees (DOMAIN.md, "Ranks and positions" and "PPPK contract renewal"):
 * their golongan I..XVII, and their work contracts with history (PP 49/2018 art. 37: 1-5 years).
 * PPPK registered before this keep a null pppk_grade and no contract until BKPSDM records them.
 */
export class PersonnelPppkContracts1765214000000 implements MigrationInterface {
  name = 'PersonnelPppkContracts1765214000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE employee ADD COLUMN pppk_grade varchar(5)
        CONSTRAINT employee_pppk_grade_check CHECK (pppk_grade IN ('I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII','XIII','XIV','XV','XVI','XVII')),
        ADD CONSTRAINT employee_pppk_grade_only_pppk CHECK (employment_type = 'PPPK' OR pppk_grade IS NULL)`);
    await q.query(`
      CREATE TABLE work_contract (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL REFERENCES employee(id),
        sequence integer NOT NULL CHECK (sequence >= 1),
        number varchar(100) NOT NULL CONSTRAINT work_contract_number_key UNIQUE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        status varchar(7) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','RENEWED','ENDED')),
        renewal_reason text,
        end_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CONSTRAINT work_contract_sequence_key UNIQUE (employee_id, sequence)
      )`);
    // At most one contract in force per employee.
    await q.query(`CREATE UNIQUE INDEX work_contract_one_active ON work_contract (employee_id) WHERE status = 'ACTIVE'`);
    // contractsEnding: active contracts by end date.
    await q.query(`CREATE INDEX work_contract_active_ends_idx ON work_contract (ends_on) WHERE status = 'ACTIVE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE work_contract');
    await q.query('ALTER TABLE employee DROP CONSTRAINT employee_pppk_grade_only_pppk, DROP COLUMN pppk_grade');
  }
}
