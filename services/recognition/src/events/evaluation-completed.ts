import { randomUUID } from 'node:crypto';
import { enqueue, type Envelope, type EventData } from '@kinerja/events';
import type { Logger } from '@kinerja/subgraph-kit';
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
  // One decision per evaluation, whatever event id carries it (also a unique constraint).
  const known = (await m.query('SELECT id FROM reward_decision WHERE evaluation_id = $1', [e.evaluationId])) as unknown[];
  if (known.length > 0) {
    log.info('evaluation already decided; the event has no effect');
    return null;
  }

  const annual = e.cycle.periodType === PeriodType.ANNUAL;
  let history: AnnualPredicate[] = [];
  if (annual) {
    // DOMAIN.md: a correction is a later evaluation in the same cycle and supersedes the earlier one.
    await m.query(
      `INSERT INTO annual_predicate (employee_id, year, predicate, evaluation_id, completed_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (employee_id, year) DO UPDATE
         SET predicate = EXCLUDED.predicate, evaluation_id = EXCLUDED.evaluation_id, completed_at = EXCLUDED.completed_at
       WHERE annual_predicate.completed_at < EXCLUDED.completed_at`,
      [e.employeeId, e.cycle.year, e.predicate, e.evaluationId, e.completedAt],
    );
    history = (await m.query(
      'SELECT year, predicate FROM annual_predicate WHERE employee_id = $1 AND year < $2 AND year >= $2 - $3',
      [e.employeeId, e.cycle.year, HISTORY_YEARS],
    )) as AnnualPredicate[];
  }

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
    });
  }
  log.info({ decisionId: id, predicate: e.predicate, allowancePercent: outcome.allowancePercent }, 'reward decided');
  return id;
}
