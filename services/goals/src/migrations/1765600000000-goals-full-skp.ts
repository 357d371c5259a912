import { createProcessedEventTable, dropProcessedEventTable } from '@kinerja/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full SKP (DOMAIN.md, "The performance plan (SKP)"; PermenPANRB 6/2022): RHK kinds, several
 * indicators per RHK, behaviour expectations, attachments, plan periods (a transfer splits the year),
 * the RETURNED status, realization feedback and uploaded evidence. Existing data moves to one
 * KUANTITAS indicator per goal (the goal's old indicator, unit, target and direction), and every
 * realization moves to that indicator. Existing goals become UTAMA.
 */
export class GoalsFullSkp1765600000000 implements MigrationInterface {
  name = 'GoalsFullSkp1765600000000';

  async up(q: QueryRunner): Promise<void> {
    // Plans: a period inside the year (a transfer closes one plan and opens the next).
    await q.query(`ALTER TABLE performance_plan
      ADD COLUMN period_start date, ADD COLUMN period_end date,
      ADD COLUMN return_note varchar(2000), ADD COLUMN returned_at timestamptz, ADD COLUMN returned_by uuid,
      ADD COLUMN closed_by_transfer_on date,
      ADD COLUMN attachment_resources varchar(4000), ADD COLUMN attachment_accountability varchar(4000), ADD COLUMN attachment_consequences varchar(4000)`);
    await q.query(`UPDATE performance_plan SET period_start = make_date(year, 1, 1), period_end = make_date(year, 12, 31)`);
    await q.query(`ALTER TABLE performance_plan ALTER COLUMN period_start SET NOT NULL, ALTER COLUMN period_end SET NOT NULL`);
    await q.query(`ALTER TABLE performance_plan
      ADD CONSTRAINT performance_plan_period_check CHECK (period_start <= period_end
        AND extract(year FROM period_start) = year AND extract(year FROM period_end) = year)`);
    await q.query(`ALTER TABLE performance_plan DROP CONSTRAINT performance_plan_status_check`);
    await q.query(`ALTER TABLE performance_plan ADD CONSTRAINT performance_plan_status_check CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','RETURNED'))`);
    // One plan per employee per period, no longer per year: overlap is refused in code under the employee's lock.
    await q.query(`ALTER TABLE performance_plan DROP CONSTRAINT performance_plan_employee_year_key`);
    await q.query(`ALTER TABLE performance_plan ADD CONSTRAINT performance_plan_employee_start_key UNIQUE (employee_id, period_start)`);
    await q.query(`CREATE INDEX performance_plan_employee_year_idx ON performance_plan (employee_id, year)`);

    // Goals: UTAMA or TAMBAHAN.
    await q.query(`ALTER TABLE goal ADD COLUMN kind varchar(8) NOT NULL DEFAULT 'UTAMA' CHECK (kind IN ('UTAMA','TAMBAHAN'))`);

    await q.query(`
      CREATE TABLE indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goal_id uuid NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
        position integer NOT NULL,
        aspect varchar(9) NOT NULL CHECK (aspect IN ('KUANTITAS','KUALITAS','WAKTU','BIAYA')),
        description varchar(500) NOT NULL CHECK (btrim(description) <> ''),
        qualitative boolean NOT NULL DEFAULT false,
        unit_of_measure varchar(50),
        target double precision CHECK (target >= 0),
        direction varchar(16) CHECK (direction IN ('HIGHER_IS_BETTER','LOWER_IS_BETTER')),
        quarterly_targets double precision[] CHECK (quarterly_targets IS NULL OR array_length(quarterly_targets, 1) = 4),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (qualitative OR (unit_of_measure IS NOT NULL AND btrim(unit_of_measure) <> '' AND target IS NOT NULL AND direction IS NOT NULL)),
        CHECK (NOT qualitative OR (target IS NULL AND direction IS NULL AND quarterly_targets IS NULL)),
        CHECK (direction IS DISTINCT FROM 'HIGHER_IS_BETTER' OR target > 0)
      )`);
    await q.query(`CREATE INDEX indicator_goal_idx ON indicator (goal_id, position)`);
    await q.query(`
      INSERT INTO indicator (goal_id, position, aspect, description, qualitative, unit_of_measure, target, direction, created_at, updated_at)
      SELECT id, 1, 'KUANTITAS', indicator, false, unit_of_measure, target, direction, created_at, updated_at FROM goal`);
    await q.query(`ALTER TABLE goal DROP COLUMN indicator, DROP COLUMN unit_of_measure, DROP COLUMN target, DROP COLUMN direction`);

    // Realizations belong to an indicator; goal_id stays (the goal of that indicator) for the trail.
    await q.query(`ALTER TABLE realization ADD COLUMN indicator_id uuid REFERENCES indicator(id),
      ADD COLUMN feedback varchar(2000), ADD COLUMN feedback_by uuid, ADD COLUMN feedback_at timestamptz`);
    await q.query(`UPDATE realization r SET indicator_id = i.id FROM indicator i WHERE i.goal_id = r.goal_id AND i.position = 1`);
    await q.query(`ALTER TABLE realization ALTER COLUMN indicator_id SET NOT NULL`);
    await q.query(`ALTER TABLE realization DROP CONSTRAINT realization_goal_period_key`);
    await q.query(`ALTER TABLE realization ADD CONSTRAINT realization_indicator_period_key UNIQUE (indicator_id, period)`);
    await q.query(`CREATE INDEX realization_goal_idx ON realization (goal_id)`);
    await q.query(`ALTER TABLE realization_history ADD COLUMN indicator_id uuid`);
    await q.query(`UPDATE realization_history h SET indicator_id = r.indicator_id FROM realization r WHERE r.id = h.realization_id`);

    // Ekspektasi khusus pimpinan per BerAKHLAK value, set by the direct supervisor.
    await q.query(`
      CREATE TABLE behavior_expectation (
        plan_id uuid NOT NULL REFERENCES performance_plan(id) ON DELETE CASCADE,
        core_value varchar(22) NOT NULL CHECK (core_value IN ('BERORIENTASI_PELAYANAN','AKUNTABEL','KOMPETEN','HARMONIS','LOYAL','ADAPTIF','KOLABORATIF')),
        expectation varchar(1000) NOT NULL,
        set_by uuid NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, core_value)
      )`);

    // Bukti dukung uploaded to this service: kept in this database (bytea), so a backup holds them.
    await q.query(`
      CREATE TABLE evidence_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        realization_id uuid NOT NULL REFERENCES realization(id),
        employee_id uuid NOT NULL,
        file_name varchar(200) NOT NULL CHECK (btrim(file_name) <> ''),
        content_type varchar(50) NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
        size integer NOT NULL CHECK (size BETWEEN 1 AND 5242880),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX evidence_file_realization_idx ON evidence_file (realization_id, uploaded_at)`);

    // kinerja.employee.changed.v1 is consumed here (a transfer splits the plan): the dedupe table.
    await createProcessedEventTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropProcessedEventTable(q);
    await q.query('DROP TABLE evidence_file');
    await q.query('DROP TABLE behavior_expectation');
    await q.query(`ALTER TABLE goal ADD COLUMN indicator varchar(500), ADD COLUMN unit_of_measure varchar(50), ADD COLUMN target double precision, ADD COLUMN direction varchar(16)`);
    await q.query(`UPDATE goal g SET indicator = i.description, unit_of_measure = coalesce(i.unit_of_measure, '-'), target = coalesce(i.target, 1),
      direction = coalesce(i.direction, 'HIGHER_IS_BETTER') FROM indicator i WHERE i.goal_id = g.id AND i.position = (SELECT min(position) FROM indicator WHERE goal_id = g.id)`);
    await q.query(`DELETE FROM realization_history WHERE realization_id IN (SELECT r.id FROM realization r JOIN indicator i ON i.id = r.indicator_id
      WHERE i.position <> (SELECT min(position) FROM indicator WHERE goal_id = i.goal_id))`);
    await q.query(`DELETE FROM realization WHERE indicator_id IN (SELECT i.id FROM indicator i WHERE i.position <> (SELECT min(position) FROM indicator WHERE goal_id = i.goal_id))`);
    await q.query(`ALTER TABLE goal ALTER COLUMN indicator SET NOT NULL, ALTER COLUMN unit_of_measure SET NOT NULL, ALTER COLUMN target SET NOT NULL, ALTER COLUMN direction SET NOT NULL`);
    await q.query(`ALTER TABLE realization_history DROP COLUMN indicator_id`);
    await q.query(`DROP INDEX realization_goal_idx`);
    await q.query(`ALTER TABLE realization DROP CONSTRAINT realization_indicator_period_key`);
    await q.query(`ALTER TABLE realization ADD CONSTRAINT realization_goal_period_key UNIQUE (goal_id, period)`);
    await q.query(`ALTER TABLE realization DROP COLUMN indicator_id, DROP COLUMN feedback, DROP COLUMN feedback_by, DROP COLUMN feedback_at`);
    await q.query('DROP TABLE indicator');
    await q.query('ALTER TABLE goal DROP COLUMN kind');
    await q.query('DROP INDEX performance_plan_employee_year_idx');
    await q.query('ALTER TABLE performance_plan DROP CONSTRAINT performance_plan_employee_start_key');
    await q.query('ALTER TABLE performance_plan ADD CONSTRAINT performance_plan_employee_year_key UNIQUE (employee_id, year)');
    await q.query(`UPDATE performance_plan SET status = 'DRAFT' WHERE status = 'RETURNED'`);
    await q.query('ALTER TABLE performance_plan DROP CONSTRAINT performance_plan_status_check');
    await q.query(`ALTER TABLE performance_plan ADD CONSTRAINT performance_plan_status_check CHECK (status IN ('DRAFT','SUBMITTED','APPROVED'))`);
    await q.query('ALTER TABLE performance_plan DROP CONSTRAINT performance_plan_period_check');
    await q.query(`ALTER TABLE performance_plan DROP COLUMN period_start, DROP COLUMN period_end, DROP COLUMN return_note, DROP COLUMN returned_at,
      DROP COLUMN returned_by, DROP COLUMN closed_by_transfer_on, DROP COLUMN attachment_resources, DROP COLUMN attachment_accountability, DROP COLUMN attachment_consequences`);
  }
}
