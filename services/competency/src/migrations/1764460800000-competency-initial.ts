import { createOutboxTable, dropOutboxTable } from '@kinerja/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competencies, learning activities with their participating units, enrollments, and the outbox
 * for kinerja.learning.completed.v1. Unit and employee ids belong to personnel: no foreign keys.
 */
export class CompetencyInitial1764460800000 implements MigrationInterface {
  name = 'CompetencyInitial1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE competency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL CONSTRAINT competency_code_key UNIQUE,
        name varchar(200) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('TECHNICAL','MANAGERIAL','SOCIOCULTURAL')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE learning_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('TRAINING','WORKSHOP','SEMINAR','E_LEARNING','COACHING','MENTORING','INTERNSHIP','SOCIALIZATION','COLLABORATION')),
        organizer_unit_id uuid NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        hours integer NOT NULL CHECK (hours BETWEEN 1 AND 200),
        capacity integer CHECK (capacity IS NULL OR capacity >= 1),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX learning_activity_dates_idx ON learning_activity (starts_on, ends_on)`);
    await q.query(`
      CREATE TABLE activity_unit (
        activity_id uuid NOT NULL REFERENCES learning_activity(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL,
        PRIMARY KEY (activity_id, unit_id)
      )`);
    await q.query(`CREATE INDEX activity_unit_unit_idx ON activity_unit (unit_id, activity_id)`);
    await q.query(`
      CREATE TABLE activity_competency (
        activity_id uuid NOT NULL REFERENCES learning_activity(id) ON DELETE CASCADE,
        competency_id uuid NOT NULL REFERENCES competency(id),
        PRIMARY KEY (activity_id, competency_id)
      )`);
    await q.query(`
      CREATE TABLE enrollment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL REFERENCES learning_activity(id),
        employee_id uuid NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'ENROLLED' CHECK (status IN ('ENROLLED','ATTENDED','COMPLETED','NO_SHOW','CANCELLED')),
        score double precision CHECK (score IS NULL OR score BETWEEN 0 AND 100),
        completed_on date,
        credited_hours integer,
        enrolled_by uuid,
        version integer NOT NULL DEFAULT 1,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL AND credited_hours IS NOT NULL))
      )`);
    // One seat per person per activity; a cancelled enrollment frees the seat and may be re-made.
    await q.query(`CREATE UNIQUE INDEX enrollment_active_key ON enrollment (activity_id, employee_id) WHERE status <> 'CANCELLED'`);
    await q.query(`CREATE INDEX enrollment_activity_idx ON enrollment (activity_id)`);
    await q.query(`CREATE INDEX enrollment_employee_idx ON enrollment (employee_id)`);
    // learningHours and learningCompliance: one index range per employee and year.
    await q.query(`CREATE INDEX enrollment_completed_idx ON enrollment (employee_id, completed_on) INCLUDE (credited_hours) WHERE status = 'COMPLETED'`);
    await createOutboxTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxTable(q);
    await q.query('DROP TABLE enrollment');
    await q.query('DROP TABLE activity_competency');
    await q.query('DROP TABLE activity_unit');
    await q.query('DROP TABLE learning_activity');
    await q.query('DROP TABLE competency');
  }
}
