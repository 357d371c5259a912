import { randomUUID } from 'node:crypto';
import { enqueue, type Envelope, type EventData } from '@kinerja/events';
import { recordAudit, type AuditActor, type Logger } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { PeriodType, type Predicate } from '../domain/enums';
import type { AnnualPredicate } from '../domain/reward-policy';
import { policyInForce } from '../policies';
import { recordProposal } from '../recognition';

export type EvaluationCompleted = EventData<'evaluation.completed'>;

export interface DecideDependencies {
  /** The employee's position kind from personnel's directory (null when personnel does not know them). */
  positionKindOf(employeeId: string): Promise<string | null>;
  log: Logger;
}

/** How far back annual predicates are read: the policy counts at most 5 annual evaluations. */
const HISTORY_YEARS = 5;

/**
 * The reward path, step 3 (EVENTS.md): runs inside the consumer's transaction, after the event id
 * was recorded. Keeps the annual predicate history, applies the policy in force at completion,
 * writes the RewardDecision and its reward.decided outbox row, and proposes the recommended
 * sanction. Returns the decision id, or null when this evaluation was already decided.
 */
export async function decideFromEvaluation(envelope: Envelope<EvaluationCompleted>, m: EntityManager, deps: DecideDependencies): Promise<string | null> {
  const e = envelope.data;
  const log = deps.log.child({ eventId: envelope.eventId, evaluationId: e.evaluationId });
  const annual = e.cycle.periodType === PeriodType.ANNUAL;
  // One round trip, as each statement bounds the consumer's rate (bench/, issue 9): whether the
  // evaluation is decided already (one decision per evaluation, whatever event id carries it; also a
  // unique constraint), the annual predicate recorded only when it is not (DOMAIN.md: a correction is
  // a later evaluation in the same cycle and supersedes the earlier one), and the earlier years, which
  // this year's row never belongs to.
  const rows = (await m.query(
    `WITH known AS (SELECT 1 FROM reward_decision WHERE evaluation_id = $4::uuid),
          recorded AS (
            INSERT INTO annual_predicate (employee_id, year, predicate, evaluation_id, completed_at)
            SELECT $1::uuid, $2::int, $3::text, $4::uuid, $5::timestamptz WHERE $6::boolean AND NOT EXISTS (SELECT 1 FROM known)
            ON CONFLICT (employee_id, year) DO UPDATE
              SET predicate = EXCLUDED.predicate, evaluation_id = EXCLUDED.evaluation_id, completed_at = EXCLUDED.completed_at
            WHERE annual_predicate.completed_at < EXCLUDED.completed_at)
     SELECT EXISTS (SELECT 1 FROM known) AS known, NULL::int AS year, NULL::text AS predicate
     UNION ALL
     SELECT false, year, predicate FROM annual_predicate WHERE $6::boolean AND employee_id = $1::uuid AND year < $2::int AND year >= $2::int - $7::int`,
    [e.employeeId, e.cycle.year, e.predicate, e.evaluationId, e.completedAt, annual, HISTORY_YEARS],
  )) as Array<{ known: boolean; year: number; predicate: string }>;
  if (rows[0]?.known) {
    log.info('evaluation already decided; the event has no effect');
    return null;
  }
  const history = rows.slice(1).map(({ year, predicate }) => ({ year, predicate })) as AnnualPredicate[];

  const { policy, fallback } = await policyInForce(m, e.completedAt);
  if (fallback) log.warn({ policyVersion: policy.version }, 'no reward policy was in force at completion; the earliest applies');
  // Credit points need the position kind; only annual decisions use it, so periodic ones skip the call.
  const positionKind = annual ? await deps.positionKindOf(e.employeeId) : null;
  const outcome = policy.decide({
    predicate: e.predicate as Predicate,
    year: e.cycle.year,
    periodType: e.cycle.periodType as PeriodType,
    period: e.cycle.period,
    positionKind,
    annualHistory: history,
  });

  const id = randomUUID();
  const inserted = (await m.query(
    `INSERT INTO reward_decision (id, evaluation_id, source_event_id, employee_id, unit_id, evaluator_id, cycle_id, year, period_type, period,
       predicate, allowance_percent, certificate_eligible, promotion_eligible, sanction_recommended, credit_point_percent, position_kind,
       reasons, policy_version, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     ON CONFLICT (evaluation_id) DO NOTHING RETURNING id`,
    [id, e.evaluationId, envelope.eventId, e.employeeId, e.unitId, e.evaluatorId, e.cycle.id, e.cycle.year, e.cycle.periodType, e.cycle.period,
      e.predicate, outcome.allowancePercent, outcome.certificateEligible, outcome.promotionEligible, outcome.sanctionRecommended,
      outcome.creditPointPercent, positionKind, JSON.stringify(outcome.reasons), policy.version, e.completedAt],
  )) as unknown[];
  if (inserted.length === 0) return null; // a concurrent transaction decided it first
  // Issue 7: a decision made by the consumer records the consumer as actor and the policy's reasons as why.
  const actor: AuditActor = { service: 'recognition-consumer', requestId: envelope.eventId };
  await recordAudit(m, actor, {
    entityType: 'RewardDecision', entityId: id, action: 'decideReward', before: null, reason: outcome.reasons.join(' '),
    after: {
      id, evaluationId: e.evaluationId, sourceEventId: envelope.eventId, employeeId: e.employeeId, unitId: e.unitId, predicate: e.predicate,
      year: e.cycle.year, periodType: e.cycle.periodType, period: e.cycle.period, allowancePercent: outcome.allowancePercent,
      certificateEligible: outcome.certificateEligible, promotionEligible: outcome.promotionEligible,
      sanctionRecommended: outcome.sanctionRecommended, creditPointPercent: outcome.creditPointPercent, reasons: outcome.reasons,
      policyVersion: policy.version,
    },
  });

  await enqueue(m, 'reward.decided', {
    decisionId: id,
    evaluationId: e.evaluationId,
    employeeId: e.employeeId,
    unitId: e.unitId,
    year: e.cycle.year,
    predicate: e.predicate,
    allowancePercent: outcome.allowancePercent,
    certificateEligible: outcome.certificateEligible,
    promotionEligible: outcome.promotionEligible,
    sanctionRecommended: outcome.sanctionRecommended,
    reasons: outcome.reasons,
    sourceEventId: envelope.eventId,
  }, { key: e.employeeId });

  if (outcome.sanctionRecommended) {
    // DOMAIN.md: the system proposes; only a person (ADMIN) imposes.
    await recordProposal(m, {
      employeeId: e.employeeId,
      unitId: e.unitId,
      level: outcome.sanctionRecommended,
      reason: outcome.reasons.filter((r) => r.startsWith('Sanction:')).join(' '),
      decisionId: id,
      proposedBy: null,
    }, actor);
  }
  log.info({ decisionId: id, predicate: e.predicate, allowancePercent: outcome.allowancePercent }, 'reward decided');
  return id;
}
