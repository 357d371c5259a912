import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTable, dropOutboxTable } from '@kinerja/events';

/** Cycles, evaluations, feedback, the public-feedback rate limit and the outbox. */
export class EvaluationInitial1764400000000 implements MigrationInterface {
  name = 'EvaluationInitial1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluation_cycle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        period_type varchar(9) NOT NULL CHECK (period_type IN ('MONTHLY','QUARTERLY','ANNUAL')),
        period integer,
        status varchar(6) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CHECK (closes_on >= opens_on),
        CHECK ((period_type = 'ANNUAL' AND period IS NULL)
            OR (period_type = 'MONTHLY' AND period BETWEEN 1 AND 12)
            OR (period_type = 'QUARTERLY' AND period BETWEEN 1 AND 4))
      )`);
    // No two OPEN cycles for the same year, type and period (CONTRACT.md, cycles).
    await q.query(`CREATE UNIQUE INDEX evaluation_cycle_open_key ON evaluation_cycle (year, period_type, coalesce(period, 0)) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX evaluation_cycle_year_idx ON evaluation_cycle (year)`);
    await q.query(`
      CREATE TABLE evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES evaluation_cycle(id),
        employee_id uuid NOT NULL,
        employee_nip char(18) NOT NULL,
        unit_id uuid NOT NULL,
        evaluator_id uuid NOT NULL,
        status varchar(9) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','COMPLETED')),
        result_rating varchar(17) CHECK (result_rating IN ('ABOVE_EXPECTATION','MEETS_EXPECTATION','BELOW_EXPECTATION')),
        behavior_rating varchar(17) CHECK (behavior_rating IN ('ABOVE_EXPECTATION','MEETS_EXPECTATION','BELOW_EXPECTATION')),
        predicate varchar(15) CHECK (predicate IN ('SANGAT_BAIK','BAIK','BUTUH_PERBAIKAN','KURANG','SANGAT_KURANG')),
        rated_by uuid,
        completed_at timestamptz,
        completed_by uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evaluation_cycle_employee_key UNIQUE (cycle_id, employee_id),
        CHECK (status = 'DRAFT' OR (predicate IS NOT NULL AND completed_at IS NOT NULL)),
        CHECK ((predicate IS NULL) = (result_rating IS NULL OR behavior_rating IS NULL))
      )`);
    await q.query(`CREATE INDEX evaluation_employee_idx ON evaluation (employee_id)`);
    await q.query(`CREATE INDEX evaluation_evaluator_idx ON evaluation (evaluator_id)`);
    await q.query(`
      CREATE TABLE feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evaluation_id uuid REFERENCES evaluation(id),
        employee_id uuid NOT NULL,
        unit_id uuid,
        source varchar(11) NOT NULL CHECK (source IN ('SELF','SUPERVISOR','PEER','SUBORDINATE','PUBLIC')),
        author_id uuid,
        core_value varchar(22) CHECK (core_value IN ('BERORIENTASI_PELAYANAN','AKUNTABEL','KOMPETEN','HARMONIS','LOYAL','ADAPTIF','KOLABORATIF')),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((source = 'PUBLIC') = (author_id IS NULL)),
        CHECK (source = 'PUBLIC' OR evaluation_id IS NOT NULL)
      )`);
    // One feedback per author per core value per evaluation; a second replaces the first.
    await q.query(`CREATE UNIQUE INDEX feedback_author_value_key ON feedback (evaluation_id, author_id, coalesce(core_value, '')) WHERE author_id IS NOT NULL`);
    await q.query(`CREATE INDEX feedback_evaluation_idx ON feedback (evaluation_id, created_at)`);
    await q.query(`CREATE INDEX feedback_waiting_idx ON feedback (employee_id) WHERE evaluation_id IS NULL`);
    // Public-feedback counters per opaque client key and window, shared by every replica.
    await q.query(`
      CREATE TABLE rate_limit (
        client_key varchar(100) NOT NULL,
        bucket varchar(20) NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (client_key, bucket, window_start)
      )`);
    await q.query(`CREATE INDEX rate_limit_window_idx ON rate_limit (window_start)`);
    await createOutboxTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxTable(q);
    await q.query('DROP TABLE rate_limit');
    await q.query('DROP TABLE feedback');
    await q.query('DROP TABLE evaluation');
    await q.query('DROP TABLE evaluation_cycle');
  }
}
