import { createOutboxTable, createProcessedEventTable, dropOutboxTable, dropProcessedEventTable } from '@kinerja/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_POLICY_EFFECTIVE_FROM, DEFAULT_REWARD_RULES } from '../domain/reward-policy';

const PREDICATES = `('SANGAT_BAIK','BAIK','BUTUH_PERBAIKAN','KURANG','SANGAT_KURANG')`;
const LEVELS = `('LIGHT','MODERATE','SEVERE')`;

/**
 * Reward policies, decisions (one per evaluation), the annual predicate history kept from consumed
 * events, awards, sanctions with their history, the outbox and the consumer's processed events.
 * Installs DOMAIN.md's default table as policy version 1: the consumer always has a policy.
 */
export class RecognitionInitial1764300000000 implements MigrationInterface {
  name = 'RecognitionInitial1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reward_policy (
        version integer PRIMARY KEY CHECK (version >= 1),
        effective_from date NOT NULL,
        rules jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid
      )`);
    await q.query(`CREATE INDEX reward_policy_effective_idx ON reward_policy (effective_from DESC, version DESC)`);
    await q.query(`
      CREATE TABLE reward_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evaluation_id uuid NOT NULL CONSTRAINT reward_decision_evaluation_key UNIQUE,
        source_event_id uuid NOT NULL CONSTRAINT reward_decision_source_event_key UNIQUE,
        employee_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        evaluator_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        year integer NOT NULL,
        period_type varchar(9) NOT NULL CHECK (period_type IN ('MONTHLY','QUARTERLY','ANNUAL')),
        period integer,
        predicate varchar(15) NOT NULL CHECK (predicate IN ${PREDICATES}),
        allowance_percent double precision NOT NULL CHECK (allowance_percent BETWEEN 0 AND 100),
        certificate_eligible boolean NOT NULL,
        promotion_eligible boolean NOT NULL,
        sanction_recommended varchar(8) CHECK (sanction_recommended IN ${LEVELS}),
        credit_point_percent double precision,
        position_kind varchar(16),
        reasons jsonb NOT NULL,
        policy_version integer NOT NULL REFERENCES reward_policy(version),
        completed_at timestamptz NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reward_decision_employee_idx ON reward_decision (employee_id, year, completed_at)`);
    await q.query(`CREATE INDEX reward_decision_year_unit_idx ON reward_decision (year, unit_id)`);
    await q.query(`
      CREATE TABLE annual_predicate (
        employee_id uuid NOT NULL,
        year integer NOT NULL,
        predicate varchar(15) NOT NULL CHECK (predicate IN ${PREDICATES}),
        evaluation_id uuid NOT NULL,
        completed_at timestamptz NOT NULL,
        PRIMARY KEY (employee_id, year)
      )`);
    await q.query(`
      CREATE TABLE award (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL,
        decision_id uuid REFERENCES reward_decision(id),
        kind varchar(24) NOT NULL CHECK (kind IN ('CERTIFICATE','PERFORMANCE_ALLOWANCE','PROMOTION_RECOMMENDATION')),
        title varchar(200) NOT NULL,
        allowance_percent double precision,
        granted_on date NOT NULL,
        granted_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT award_decision_kind_key UNIQUE (decision_id, kind)
      )`);
    await q.query(`CREATE INDEX award_employee_idx ON award (employee_id, granted_on)`);
    await q.query(`
      CREATE TABLE sanction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        decision_id uuid REFERENCES reward_decision(id),
        level varchar(8) NOT NULL CHECK (level IN ${LEVELS}),
        reason text NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED','IMPOSED','REVOKED')),
        proposed_by uuid,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_on date,
        decided_by uuid
      )`);
    // One system proposal per decision, however often the decision's event is redelivered.
    await q.query(`CREATE UNIQUE INDEX sanction_system_proposal_key ON sanction (decision_id) WHERE proposed_by IS NULL`);
    await q.query(`CREATE INDEX sanction_employee_idx ON sanction (employee_id, proposed_at)`);
    await q.query(`CREATE INDEX sanction_unit_idx ON sanction (unit_id, status)`);
    await q.query(`
      CREATE TABLE sanction_history (
        id bigserial PRIMARY KEY,
        sanction_id uuid NOT NULL REFERENCES sanction(id),
        status varchar(8) NOT NULL CHECK (status IN ('PROPOSED','IMPOSED','REVOKED')),
        actor_id uuid,
        reason text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sanction_history_sanction_idx ON sanction_history (sanction_id, id)`);
    await createOutboxTable(q);
    await createProcessedEventTable(q);
    await q.query(`INSERT INTO reward_policy (version, effective_from, rules) VALUES (1, $1, $2)`,
      [DEFAULT_POLICY_EFFECTIVE_FROM, JSON.stringify(DEFAULT_REWARD_RULES)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropProcessedEventTable(q);
    await dropOutboxTable(q);
    for (const table of ['sanction_history', 'sanction', 'award', 'annual_predicate', 'reward_decision', 'reward_policy']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
