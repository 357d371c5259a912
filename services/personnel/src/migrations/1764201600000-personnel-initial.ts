import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Units and employees; a unit's head is a column, so a unit has at most one head. */
export class PersonnelInitial1764201600000 implements MigrationInterface {
  name = 'PersonnelInitial1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL CONSTRAINT organization_unit_code_key UNIQUE,
        name varchar(200) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('SEKRETARIAT','DINAS','BADAN','INSPEKTORAT','KECAMATAN','KELURAHAN','BAGIAN','BIDANG','UPTD')),
        parent_id uuid REFERENCES organization_unit(id),
        head_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS DISTINCT FROM id)
      )`);
    await q.query(`
      CREATE TABLE employee (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nip char(18) NOT NULL CONSTRAINT employee_nip_key UNIQUE CHECK (nip ~ '^[0-9]{18}$'),
        name varchar(200) NOT NULL,
        gender varchar(6) NOT NULL CHECK (gender IN ('MALE','FEMALE')),
        birth_date date NOT NULL,
        employment_type varchar(4) NOT NULL CHECK (employment_type IN ('PNS','PPPK')),
        grade varchar(5),
        position_title varchar(200) NOT NULL,
        position_kind varchar(16) NOT NULL CHECK (position_kind IN ('JPT','ADMINISTRATOR','PENGAWAS','FUNGSIONAL','PELAKSANA')),
        unit_id uuid NOT NULL REFERENCES organization_unit(id),
        supervisor_id uuid REFERENCES employee(id),
        status varchar(10) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','INACTIVE','RETIRED')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (supervisor_id IS DISTINCT FROM id),
        CHECK ((employment_type = 'PPPK') = (grade IS NULL))
      )`);
    await q.query(`ALTER TABLE organization_unit ADD CONSTRAINT organization_unit_head_fk FOREIGN KEY (head_id) REFERENCES employee(id)`);
    await q.query(`CREATE INDEX employee_unit_idx ON employee (unit_id, name, id)`);
    await q.query(`CREATE INDEX employee_supervisor_idx ON employee (supervisor_id)`);
    await q.query(`CREATE INDEX employee_name_idx ON employee (name, id)`);
    await q.query(`CREATE INDEX employee_lower_name_idx ON employee (lower(name) text_pattern_ops)`);
    await q.query(`CREATE INDEX organization_unit_parent_idx ON organization_unit (parent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE organization_unit DROP CONSTRAINT organization_unit_head_fk');
    await q.query('DROP TABLE employee');
    await q.query('DROP TABLE organization_unit');
  }
}
