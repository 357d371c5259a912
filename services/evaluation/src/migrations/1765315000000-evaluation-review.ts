import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review of a completed evaluation (DOMAIN.md): SUPERSEDED evaluations and what supersedes them,
 * objections (PP 30/2019 art. 59) with the parties' statements, and each unit's yearly
 * organisation predicate (PermenPANRB 6/2022) for the distribution curve.
 */
export class EvaluationReview1765315000000 implements MigrationInterface {
  name = 'EvaluationReview1765315000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluation ALTER COLUMN status TYPE varchar(10)`);
    await q.query(`ALTER TABLE evaluation DROP CONSTRAINT evaluation_status_check`);
    await q.query(`ALTER TABLE evaluation ADD CONSTRAINT evaluation_status_check CHECK (status IN ('DRAFT','COMPLETED','SUPERSEDED'))`);
    await q.query(`
      ALTER TABLE evaluation
        ADD COLUMN supersedes_id uuid REFERENCES evaluation(id),
        ADD COLUMN superseded_at timestamptz,
        ADD COLUMN origin varchar(10) NOT NULL DEFAULT 'EVALUATOR' CHECK (origin IN ('EVALUATOR','OBJECTION','CORRECTION')),
        ADD COLUMN origin_reason varchar(2000),
        ADD COLUMN review_final boolean NOT NULL DEFAULT false,
        ADD COLUMN feedback_evaluation_id uuid REFERENCES evaluation(id),
        ADD CONSTRAINT evaluation_supersedes_key UNIQUE (supersedes_id),
        ADD CONSTRAINT evaluation_superseded_check CHECK ((status = 'SUPERSEDED') = (superseded_at IS NOT NULL))`);
    // One evaluation per employee per cycle that is not SUPERSEDED (the superseded ones stay for the trail).
    await q.query(`ALTER TABLE evaluation DROP CONSTRAINT evaluation_cycle_employee_key`);
    await q.query(`CREATE UNIQUE INDEX evaluation_cycle_employee_key ON evaluation (cycle_id, employee_id) WHERE status <> 'SUPERSEDED'`);
    await q.query(`CREATE INDEX evaluation_unit_idx ON evaluation (unit_id, cycle_id)`);
    await q.query(`
      CREATE TABLE objection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evaluation_id uuid NOT NULL REFERENCES evaluation(id),
        employee_id uuid NOT NULL,
        evaluator_id uuid NOT NULL,
        reviewer_id uuid NOT NULL,
        reviewer_kind varchar(20) NOT NULL CHECK (reviewer_kind IN ('EVALUATOR_SUPERVISOR','BKPSDM')),
        reason varchar(4000) NOT NULL,
        evidence_url varchar(500),
        filed_at timestamptz NOT NULL DEFAULT now(),
        status varchar(7) NOT NULL DEFAULT 'FILED' CHECK (status IN ('FILED','UPHELD','CHANGED')),
        decided_at timestamptz,
        decided_by uuid,
        decision_note varchar(4000),
        result_evaluation_id uuid REFERENCES evaluation(id),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT objection_evaluation_key UNIQUE (evaluation_id),
        CHECK ((status = 'FILED') = (decided_at IS NULL)),
        CHECK ((status = 'CHANGED') = (result_evaluation_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX objection_reviewer_idx ON objection (reviewer_id) WHERE status = 'FILED'`);
    await q.query(`
      CREATE TABLE objection_statement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        objection_id uuid NOT NULL REFERENCES objection(id),
        author_id uuid NOT NULL,
        party varchar(9) NOT NULL CHECK (party IN ('EMPLOYEE','EVALUATOR','REVIEWER')),
        text varchar(4000) NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX objection_statement_objection_idx ON objection_statement (objection_id, at)`);
    await q.query(`
      CREATE TABLE organization_predicate (
        unit_id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        predicate varchar(15) NOT NULL CHECK (predicate IN ('ISTIMEWA','BAIK','BUTUH_PERBAIKAN','KURANG','SANGAT_KURANG')),
        set_by uuid,
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_id, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organization_predicate');
    await q.query('DROP TABLE objection_statement');
    await q.query('DROP TABLE objection');
    await q.query('DROP INDEX evaluation_unit_idx');
    await q.query(`DELETE FROM evaluation WHERE status = 'SUPERSEDED'`);
    await q.query('DROP INDEX evaluation_cycle_employee_key');
    await q.query('ALTER TABLE evaluation ADD CONSTRAINT evaluation_cycle_employee_key UNIQUE (cycle_id, employee_id)');
    await q.query(`ALTER TABLE evaluation DROP CONSTRAINT evaluation_superseded_check, DROP CONSTRAINT evaluation_supersedes_key,
      DROP COLUMN feedback_evaluation_id, DROP COLUMN review_final, DROP COLUMN origin_reason, DROP COLUMN origin, DROP COLUMN superseded_at, DROP COLUMN supersedes_id`);
    await q.query(`ALTER TABLE evaluation DROP CONSTRAINT evaluation_status_check`);
    await q.query(`ALTER TABLE evaluation ADD CONSTRAINT evaluation_status_check CHECK (status IN ('DRAFT','COMPLETED'))`);
    await q.query(`ALTER TABLE evaluation ALTER COLUMN status TYPE varchar(9)`);
  }
}
