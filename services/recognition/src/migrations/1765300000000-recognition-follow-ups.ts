import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The withdrawal reason of every proposal the system had made from a predicate. */
export const PREDICATE_PROPOSAL_WITHDRAWN = 'a predicate is not a disciplinary offence (PP 94/2021)';

/** An old policy document (sanction and coaching per predicate, consecutiveLowAnnual) in today's shape (followUp). */
export function upgradePolicyDocument(rules: Record<string, any>): Record<string, unknown> {
  const predicates: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries((rules.predicates ?? {}) as Record<string, any>)) {
    if ('followUp' in rule) { predicates[name] = rule; continue; }
    // A low predicate's old "sanction" becomes the improvement track (PP 30/2019 art. 56-58); coaching stays coaching.
    const followUp = rule.sanction ? 'IMPROVEMENT_TRACK' : rule.coaching ? 'COACHING' : 'NONE';
    predicates[name] = { allowancePercent: rule.allowancePercent, certificate: rule.certificate, followUp, creditPointPercent: rule.creditPointPercent };
  }
  const { consecutiveLowAnnual: _dropped, ...rest } = rules;
  return { ...rest, predicates };
}

const FOLLOW_UP_REASON_SQL = `CASE d.follow_up
  WHEN 'COACHING' THEN jsonb_build_array('Follow-up: predicate ' || d.predicate || ' calls for coaching by the direct supervisor and a competency development plan.')
  WHEN 'IMPROVEMENT_TRACK' THEN jsonb_build_array('Follow-up: predicate ' || d.predicate || ' opens a 6-month improvement plan owned by the direct supervisor (PP 30/2019 art. 56-58), an administrative measure.')
  ELSE '[]'::jsonb END`;

/**
 * DOMAIN.md, "Recognition": a predicate leads to a follow-up (NONE, COACHING, IMPROVEMENT_TRACK),
 * never to a discipline case. Decisions gain status, revision, revises, followUp, credit points and
 * what they depended on; discipline cases (PP 94/2021) gain the violation, examinations, the type
 * and effective dates; improvement plans with coaching sessions and steps. Existing data: policies
 * are rewritten to followUp, decisions keep answering (sanctionRecommended null, followUp derived
 * from their policy, the old sanction reasons replaced by the follow-up's), and the system's open
 * proposals from predicates are DISMISSED with the reason.
 */
export class RecognitionFollowUps1765300000000 implements MigrationInterface {
  name = 'RecognitionFollowUps1765300000000';

  async up(q: QueryRunner): Promise<void> {
    const policies = (await q.query('SELECT version, rules FROM reward_policy ORDER BY version')) as Array<{ version: number; rules: Record<string, any> }>;
    for (const p of policies) {
      await q.query('UPDATE reward_policy SET rules = $2 WHERE version = $1', [p.version, JSON.stringify(upgradePolicyDocument(p.rules))]);
    }

    await q.query(`ALTER TABLE reward_decision
      ADD COLUMN status varchar(10) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','SUPERSEDED','REVISED')),
      ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
      ADD COLUMN revises_id uuid REFERENCES reward_decision(id),
      ADD COLUMN follow_up varchar(17) NOT NULL DEFAULT 'NONE' CHECK (follow_up IN ('NONE','COACHING','IMPROVEMENT_TRACK')),
      ADD COLUMN credit_points double precision,
      ADD COLUMN credit_coefficient double precision,
      ADD COLUMN employment_type varchar(4) CHECK (employment_type IN ('PNS','PPPK')),
      ADD COLUMN depends_on jsonb NOT NULL DEFAULT '{}'::jsonb,
      ADD COLUMN supersedes_evaluation_id uuid`);
    // Revisions of one evaluation share its id; the first revision stays unique per evaluation (the consumer's idempotency).
    await q.query('ALTER TABLE reward_decision DROP CONSTRAINT reward_decision_evaluation_key');
    await q.query('ALTER TABLE reward_decision DROP CONSTRAINT reward_decision_source_event_key');
    await q.query('CREATE UNIQUE INDEX reward_decision_evaluation_revision_key ON reward_decision (evaluation_id, revision)');
    await q.query('CREATE UNIQUE INDEX reward_decision_evaluation_active_key ON reward_decision (evaluation_id) WHERE status = \'ACTIVE\'');
    await q.query('CREATE INDEX reward_decision_source_event_idx ON reward_decision (source_event_id)');
    await q.query(`CREATE INDEX reward_decision_active_annual_idx ON reward_decision (employee_id, year) WHERE status = 'ACTIVE' AND period_type = 'ANNUAL'`);

    await q.query(`UPDATE reward_decision d SET follow_up = coalesce(p.rules->'predicates'->d.predicate->>'followUp', 'NONE')
      FROM reward_policy p WHERE p.version = d.policy_version AND d.period_type = 'ANNUAL'`);
    // What each annual decision depended on: the earlier years of its policy's promotion window, as
    // recorded when it was decided (a predicate that arrived later counts as not recorded), so that
    // the next change of one of them decides it again.
    await q.query(`UPDATE reward_decision d SET depends_on = coalesce((
        SELECT jsonb_object_agg(y::text, (SELECT a.predicate FROM annual_predicate a
                                           WHERE a.employee_id = d.employee_id AND a.year = y AND a.completed_at <= d.decided_at))
          FROM reward_policy p, generate_series(d.year - (p.rules->'promotion'->>'annualEvaluations')::int + 1, d.year - 1) AS y
         WHERE p.version = d.policy_version), '{}'::jsonb)
      WHERE d.period_type = 'ANNUAL'`);
    await q.query(`UPDATE reward_decision d SET sanction_recommended = NULL,
      reasons = coalesce((SELECT jsonb_agg(to_jsonb(replace(x.r #>> '{}', 'credit points and sanctions follow', 'credit points and follow-ups follow')) ORDER BY x.ord)
                   FROM jsonb_array_elements(d.reasons) WITH ORDINALITY AS x(r, ord)
                  WHERE x.r #>> '{}' NOT LIKE 'Sanction:%' AND x.r #>> '{}' NOT LIKE 'Coaching:%'), '[]'::jsonb) || ${FOLLOW_UP_REASON_SQL}`);

    await q.query(`ALTER TABLE sanction DROP CONSTRAINT IF EXISTS sanction_status_check`);
    await q.query(`ALTER TABLE sanction_history DROP CONSTRAINT IF EXISTS sanction_history_status_check`);
    await q.query(`ALTER TABLE sanction ALTER COLUMN status TYPE varchar(10),
      ADD CONSTRAINT sanction_status_check CHECK (status IN ('PROPOSED','EXAMINED','IMPOSED','DISMISSED','REVOKED')),
      ADD COLUMN violation text,
      ADD COLUMN type varchar(32) CHECK (type IN ('ORAL_REPRIMAND','WRITTEN_REPRIMAND','STATEMENT_OF_DISSATISFACTION','TPP_CUT_6_MONTHS','TPP_CUT_9_MONTHS','TPP_CUT_12_MONTHS','DEMOTION_12_MONTHS','RELEASE_TO_PELAKSANA_12_MONTHS','HONOURABLE_DISMISSAL')),
      ADD COLUMN starts_on date,
      ADD COLUMN ends_on date`);
    await q.query(`ALTER TABLE sanction_history ALTER COLUMN status TYPE varchar(10),
      ADD CONSTRAINT sanction_history_status_check CHECK (status IN ('PROPOSED','EXAMINED','IMPOSED','DISMISSED','REVOKED'))`);
    await q.query(`UPDATE sanction SET violation = CASE WHEN proposed_by IS NULL THEN 'none: proposed by the system from a predicate' ELSE reason END`);
    await q.query('ALTER TABLE sanction ALTER COLUMN violation SET NOT NULL');
    // The system's open proposals from predicates are withdrawn, with who (the system) and why.
    await q.query(`WITH withdrawn AS (
        UPDATE sanction SET status = 'DISMISSED', decided_on = (now() AT TIME ZONE 'Asia/Jakarta')::date
         WHERE proposed_by IS NULL AND status = 'PROPOSED' RETURNING id)
      INSERT INTO sanction_history (sanction_id, status, actor_id, reason) SELECT id, 'DISMISSED', NULL, $1 FROM withdrawn`, [PREDICATE_PROPOSAL_WITHDRAWN]);
    await q.query(`CREATE INDEX sanction_imposed_idx ON sanction (employee_id, starts_on) WHERE status = 'IMPOSED'`);
    await q.query(`
      CREATE TABLE sanction_examination (
        id uuid PRIMARY KEY,
        sanction_id uuid NOT NULL REFERENCES sanction(id),
        held_on date NOT NULL,
        examiner_ids uuid[] NOT NULL,
        record text NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX sanction_examination_sanction_idx ON sanction_examination (sanction_id, held_on)');

    await q.query(`
      CREATE TABLE improvement_plan (
        id uuid PRIMARY KEY,
        employee_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        decision_id uuid NOT NULL REFERENCES reward_decision(id),
        evaluation_id uuid NOT NULL,
        owner_id uuid NOT NULL,
        status varchar(21) NOT NULL CHECK (status IN ('OPEN','IMPROVED','RETEST','TRANSFER','TEMPORARY_POST','DISCHARGE_RECOMMENDED','WITHDRAWN')),
        opens_on date NOT NULL,
        review_due_on date NOT NULL,
        targets text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One plan per evaluation, however often its event is redelivered or its decision revised.
    await q.query('CREATE UNIQUE INDEX improvement_plan_evaluation_key ON improvement_plan (evaluation_id)');
    await q.query('CREATE INDEX improvement_plan_employee_idx ON improvement_plan (employee_id, opens_on)');
    await q.query('CREATE INDEX improvement_plan_unit_idx ON improvement_plan (unit_id, status)');
    await q.query('CREATE INDEX improvement_plan_owner_idx ON improvement_plan (owner_id, status)');
    await q.query(`
      CREATE TABLE improvement_session (
        id bigserial PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES improvement_plan(id),
        held_on date NOT NULL,
        notes text NOT NULL,
        by_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX improvement_session_plan_idx ON improvement_session (plan_id, held_on)');
    await q.query(`
      CREATE TABLE improvement_step (
        id bigserial PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES improvement_plan(id),
        status varchar(21) NOT NULL,
        decided_on date NOT NULL,
        decided_by uuid,
        reason text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX improvement_step_plan_idx ON improvement_step (plan_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    void q;
    throw new Error('RecognitionFollowUps1765300000000 cannot be reverted: predicates no longer recommend discipline cases (PP 94/2021)');
  }
}
