import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The evaluator's rating of each RHK (DOMAIN.md: the evaluation is grounded in the SKP). */
export class EvaluationGoalRatings1765610000000 implements MigrationInterface {
  name = 'EvaluationGoalRatings1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE goal_rating (
        evaluation_id uuid NOT NULL REFERENCES evaluation(id),
        goal_id uuid NOT NULL,
        goal_kind varchar(8) NOT NULL CHECK (goal_kind IN ('UTAMA','TAMBAHAN')),
        rating varchar(17) NOT NULL CHECK (rating IN ('ABOVE_EXPECTATION','MEETS_EXPECTATION','BELOW_EXPECTATION')),
        note varchar(2000),
        rated_by uuid NOT NULL,
        rated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (evaluation_id, goal_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE goal_rating');
  }
}
