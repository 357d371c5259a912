import { createOutboxTable, dropOutboxTable } from '@kinerja/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans, goals, realizations with their history, and the outbox. Employee ids belong to personnel
 * (another database), so they carry no foreign key here.
 */
export class GoalsInitial1764288000000 implements MigrationInterface {
  name = 'GoalsInitial1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE performance_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        status varchar(10) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','APPROVED')),
        version integer NOT NULL DEFAULT 1,
        submitted_at timestamptz,
        submitted_by uuid,
        approved_at timestamptz,
        approved_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT performance_plan_employee_year_key UNIQUE (employee_id, year)
      )`);
    await q.query(`
      CREATE TABLE goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES performance_plan(id) ON DELETE CASCADE,
        position integer NOT NULL,
        title varchar(300) NOT NULL CHECK (btrim(title) <> ''),
        indicator varchar(500) NOT NULL CHECK (btrim(indicator) <> ''),
        unit_of_measure varchar(50) NOT NULL CHECK (btrim(unit_of_measure) <> ''),
        target double precision NOT NULL CHECK (target >= 0),
        direction varchar(16) NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER','LOWER_IS_BETTER')),
        parent_goal_id uuid REFERENCES goal(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (direction = 'LOWER_IS_BETTER' OR target > 0),
        CHECK (parent_goal_id IS DISTINCT FROM id)
      )`);
    await q.query(`CREATE INDEX goal_plan_idx ON goal (plan_id, position)`);
    await q.query(`CREATE INDEX goal_parent_idx ON goal (parent_goal_id) WHERE parent_goal_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE realization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goal_id uuid NOT NULL REFERENCES goal(id),
        period varchar(7) NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
        period_end_month smallint NOT NULL CHECK (period_end_month BETWEEN 1 AND 12),
        value double precision NOT NULL CHECK (value >= 0),
        note varchar(1000),
        evidence_url varchar(2000),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid NOT NULL,
        CONSTRAINT realization_goal_period_key UNIQUE (goal_id, period)
      )`);
    // Recording a period again replaces the realization; the replaced values are kept here.
    await q.query(`
      CREATE TABLE realization_history (
        id bigserial PRIMARY KEY,
        realization_id uuid NOT NULL REFERENCES realization(id),
        goal_id uuid NOT NULL,
        period varchar(7) NOT NULL,
        value double precision NOT NULL,
        note varchar(1000),
        evidence_url varchar(2000),
        recorded_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now(),
        replaced_by uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX realization_history_realization_idx ON realization_history (realization_id, id)`);
    await createOutboxTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxTable(q);
    await q.query('DROP TABLE realization_history');
    await q.query('DROP TABLE realization');
    await q.query('DROP TABLE goal');
    await q.query('DROP TABLE performance_plan');
  }
}
