import { randomUUID } from 'node:crypto';
import { enqueueMany, type Envelope, type EventData, type OutboxItem } from '@kinerja/events';
import { recordAudits, type AuditActor, type AuditRecord, type Logger } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { PeriodType, type Predicate } from '../domain/enums';
import type { AnnualPredicate, RewardOutcome } from '../domain/reward-policy';
import { PolicyBook } from '../policies';
import { insertProposals, proposalAudit, proposalEvent, type NewSanction } from '../recognition';

export type EvaluationCompleted = EventData<'evaluation.completed'>;

export interface DecideDependencies {
  /** Position kinds from personnel's directory, one call for many employees (null where personnel does not know one). */
  positionKindsOf(employeeIds: string[]): Promise<Map<string, string | null>>;
  log: Logger;
}

/** How far back annual predicates are read: the policy counts at most 5 annual evaluations. */
const HISTORY_YEARS = 5;

/** One completed evaluation decided in a batch: what `decideBatch` returns per event. */
export interface BatchDecision {
  eventId: string;
  /** The new decision's id; null when the evaluation was decided already (by an earlier event or a concurrent transaction). */
  decisionId: string | null;
}

interface RecordedPredicate {
  year: number;
  predicate: string;
  evaluationId: string;
  completedAt: Date;
}

/**
 * The reward path, step 3 (EVENTS.md), for one event: see `decideBatch`. Returns the decision id, or
 * null when this evaluation was already decided.
 */
export async function decideFromEvaluation(envelope: Envelope<EvaluationCompleted>, m: EntityManager, deps: DecideDependencies): Promise<string | null> {
  const [result] = await decideBatch([envelope], m, deps);
  return result?.decisionId ?? null;
}

/** The policy versions each database's consumer holds in memory (one book per DataSource). */
const books = new WeakMap<object, PolicyBook>();

function bookFor(m: EntityManager): PolicyBook {
  let book = books.get(m.connection);
  if (!book) books.set(m.connection, (book = new PolicyBook()));
  return book;
}

interface Decision {
  id: string;
  envelope: Envelope<EvaluationCompleted>;
  outcome: RewardOutcome;
  policyVersion: number;
  positionKind: string | null;
}

/**
 * The reward path, step 3 (EVENTS.md): runs inside the consumer's transaction, after the events' ids
 * were recorded, for a batch of events of one partition in offset order. Per event it keeps the
 * annual predicate history, applies the policy in force at completion, writes the RewardDecision
 * with its audit row and its reward.decided outbox row, and proposes the recommended sanction.
 *
 * Set-based (issue 9: each statement bounds the consumer's rate): a batch costs the same five
 * statements or fewer whether it holds 1 event or 250 (read; annual predicates with decisions;
 * sanction proposals; audit rows; outbox rows). The history is read once for the batch's employees
 * and advanced in memory in offset order, so an employee's later event in the same batch sees the
 * earlier one's annual predicate exactly as if they had been decided one by one.
 */
export async function decideBatch(envelopes: Array<Envelope<EvaluationCompleted>>, m: EntityManager, deps: DecideDependencies): Promise<BatchDecision[]> {
  if (envelopes.length === 0) return [];
  const annualOf = (e: EvaluationCompleted) => e.cycle.periodType === PeriodType.ANNUAL;
  const annualEmployees = [...new Set(envelopes.filter((env) => annualOf(env.data)).map((env) => env.data.employeeId))];
  const years = envelopes.map((env) => env.data.cycle.year);
  // One round trip: the newest policy version (the book reloads when it moved), which evaluations are
  // decided already (one decision per evaluation, whatever event id carries it; also a unique
  // constraint), and the annual predicates the batch can need.
  const [read] = (await m.query(
    `SELECT (SELECT coalesce(max(version), 0) FROM reward_policy) AS newest_policy,
            (SELECT coalesce(json_agg(evaluation_id), '[]') FROM reward_decision WHERE evaluation_id = ANY($1::uuid[])) AS decided,
            (SELECT coalesce(json_agg(json_build_object('employeeId', employee_id, 'year', year, 'predicate', predicate, 'evaluationId', evaluation_id,
                    'completedAt', completed_at)), '[]')
               FROM annual_predicate WHERE employee_id = ANY($2::uuid[]) AND year BETWEEN $3::int AND $4::int) AS recorded`,
    [envelopes.map((env) => env.data.evaluationId), annualEmployees, Math.min(...years) - HISTORY_YEARS, Math.max(...years)],
  )) as [{ newest_policy: number; decided: string[]; recorded: Array<{ employeeId: string; year: number; predicate: string; evaluationId: string; completedAt: string }> }];
  const decided = new Set(read.decided.map((id) => id.toLowerCase()));
  const recorded = new Map<string, Map<number, RecordedPredicate>>(); // employee → year → predicate
  for (const r of read.recorded) {
    let byYear = recorded.get(r.employeeId);
    if (!byYear) recorded.set(r.employeeId, (byYear = new Map()));
    byYear.set(r.year, { year: r.year, predicate: r.predicate, evaluationId: r.evaluationId, completedAt: new Date(r.completedAt) });
  }

  // Credit points need the position kind; only annual decisions use it, so periodic ones ask for none.
  const kinds = annualEmployees.length > 0 ? await deps.positionKindsOf(annualEmployees) : new Map<string, string | null>();
  const book = bookFor(m);
  const changed = new Map<string, { employeeId: string } & RecordedPredicate>(); // annual_predicate rows to write
  const decisions: Decision[] = [];
  for (const envelope of envelopes) {
    const e = envelope.data;
    const evaluationKey = e.evaluationId.toLowerCase();
    if (decided.has(evaluationKey)) {
      deps.log.info({ eventId: envelope.eventId, evaluationId: e.evaluationId }, 'evaluation already decided; the event has no effect');
      continue;
    }
    decided.add(evaluationKey);
    const annual = annualOf(e);
    let history: AnnualPredicate[] = [];
    if (annual) {
      let byYear = recorded.get(e.employeeId);
      if (!byYear) recorded.set(e.employeeId, (byYear = new Map()));
      // DOMAIN.md: a correction is a later evaluation in the same cycle and supersedes the earlier one.
      const completedAt = new Date(e.completedAt);
      const current = byYear.get(e.cycle.year);
      if (!current || current.completedAt < completedAt) {
        const row = { year: e.cycle.year, predicate: e.predicate, evaluationId: e.evaluationId, completedAt };
        byYear.set(e.cycle.year, row);
        changed.set(`${e.employeeId}:${e.cycle.year}`, { employeeId: e.employeeId, ...row });
      }
      // The earlier years only: this year's row never belongs to its own history.
      history = [...byYear.values()]
        .filter((p) => p.year < e.cycle.year && p.year >= e.cycle.year - HISTORY_YEARS)
        .sort((a, b) => a.year - b.year)
        .map(({ year, predicate }) => ({ year, predicate: predicate as Predicate }));
    }
    const { policy, fallback } = await book.inForce(m, e.completedAt, read.newest_policy);
    if (fallback) deps.log.warn({ policyVersion: policy.version, eventId: envelope.eventId }, 'no reward policy was in force at completion; the earliest applies');
    const positionKind = annual ? kinds.get(e.employeeId) ?? null : null;
    const outcome = policy.decide({
      predicate: e.predicate as Predicate,
      year: e.cycle.year,
      periodType: e.cycle.periodType as PeriodType,
      period: e.cycle.period,
      positionKind,
      annualHistory: history,
    });
    decisions.push({ id: randomUUID(), envelope, outcome, policyVersion: policy.version, positionKind });
  }

  // The annual predicates and the decisions in one statement, each table's rows as one JSON document
  // (serialized natively, parsed by PostgreSQL in C).
  let made: Decision[] = [];
  if (decisions.length > 0 || changed.size > 0) {
    const annualRows = [...changed.values()].map((p) => ({
      employee_id: p.employeeId, year: p.year, predicate: p.predicate, evaluation_id: p.evaluationId, completed_at: p.completedAt,
    }));
    const decisionRows = decisions.map(({ id, envelope, outcome, policyVersion, positionKind }) => {
      const e = envelope.data;
      return {
        id, evaluation_id: e.evaluationId, source_event_id: envelope.eventId, employee_id: e.employeeId, unit_id: e.unitId, evaluator_id: e.evaluatorId,
        cycle_id: e.cycle.id, year: e.cycle.year, period_type: e.cycle.periodType, period: e.cycle.period, predicate: e.predicate,
        allowance_percent: outcome.allowancePercent, certificate_eligible: outcome.certificateEligible, promotion_eligible: outcome.promotionEligible,
        sanction_recommended: outcome.sanctionRecommended, credit_point_percent: outcome.creditPointPercent, position_kind: positionKind,
        reasons: outcome.reasons, policy_version: policyVersion, completed_at: e.completedAt,
      };
    });
    const inserted = (await m.query(
      `WITH annual AS (
         INSERT INTO annual_predicate (employee_id, year, predicate, evaluation_id, completed_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(employee_id uuid, year int, predicate text, evaluation_id uuid, completed_at timestamptz)
         ON CONFLICT (employee_id, year) DO UPDATE
           SET predicate = EXCLUDED.predicate, evaluation_id = EXCLUDED.evaluation_id, completed_at = EXCLUDED.completed_at
         WHERE annual_predicate.completed_at < EXCLUDED.completed_at)
       INSERT INTO reward_decision (id, evaluation_id, source_event_id, employee_id, unit_id, evaluator_id, cycle_id, year, period_type, period,
         predicate, allowance_percent, certificate_eligible, promotion_eligible, sanction_recommended, credit_point_percent, position_kind,
         reasons, policy_version, completed_at)
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, evaluation_id uuid, source_event_id uuid, employee_id uuid, unit_id uuid, evaluator_id uuid,
         cycle_id uuid, year int, period_type text, period int, predicate text, allowance_percent float8, certificate_eligible boolean,
         promotion_eligible boolean, sanction_recommended text, credit_point_percent float8, position_kind text, reasons jsonb, policy_version int,
         completed_at timestamptz)
       ON CONFLICT (evaluation_id) DO NOTHING RETURNING id`,
      [JSON.stringify(annualRows), JSON.stringify(decisionRows)],
    )) as Array<{ id: string }>;
    // A concurrent transaction that decided an evaluation first keeps its decision; this one made none.
    const ids = new Set(inserted.map((r) => r.id));
    made = decisions.filter((d) => ids.has(d.id));
  }
  const madeFor = new Map(made.map((d) => [d.envelope.eventId, d.id]));
  const results = envelopes.map((env) => ({ eventId: env.eventId, decisionId: madeFor.get(env.eventId) ?? null }));
  if (made.length === 0) return results;

  // DOMAIN.md: the system proposes; only a person (ADMIN) imposes.
  const proposed = made.filter((d) => d.outcome.sanctionRecommended);
  const proposals = proposed.map(({ id, envelope, outcome }): NewSanction => ({
    employeeId: envelope.data.employeeId,
    unitId: envelope.data.unitId,
    level: outcome.sanctionRecommended!,
    reason: outcome.reasons.filter((r) => r.startsWith('Sanction:')).join(' '),
    decisionId: id,
    proposedBy: null,
  }));
  const sanctionIds = await insertProposals(m, proposals);
  const proposalOf = new Map(proposed.map((d, i) => [d.id, { sanction: proposals[i]!, id: sanctionIds[i]! }]));

  // Issue 7: a decision made by the consumer records the consumer as actor, its event as the request
  // and the policy's reasons as why. Audit rows and events for decisions and proposals alike, each
  // event's in its order (reward.decided, then its sanction.decided), in one statement each.
  const actor: AuditActor = { service: 'recognition-consumer' };
  const audits: AuditRecord[] = [];
  const events: OutboxItem[] = [];
  for (const { id, envelope, outcome, policyVersion } of made) {
    const e = envelope.data;
    audits.push({
      entityType: 'RewardDecision', entityId: id, action: 'decideReward', before: null, reason: outcome.reasons.join(' '), requestId: envelope.eventId,
      after: {
        id, evaluationId: e.evaluationId, sourceEventId: envelope.eventId, employeeId: e.employeeId, unitId: e.unitId, predicate: e.predicate,
        year: e.cycle.year, periodType: e.cycle.periodType, period: e.cycle.period, allowancePercent: outcome.allowancePercent,
        certificateEligible: outcome.certificateEligible, promotionEligible: outcome.promotionEligible,
        sanctionRecommended: outcome.sanctionRecommended, creditPointPercent: outcome.creditPointPercent, reasons: outcome.reasons,
        policyVersion,
      },
    });
    events.push({
      type: 'reward.decided',
      data: {
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
      },
      options: { key: e.employeeId },
    });
    const proposal = proposalOf.get(id);
    if (proposal) {
      audits.push({ ...proposalAudit(proposal.sanction, proposal.id), requestId: envelope.eventId });
      events.push(proposalEvent(proposal.sanction, proposal.id));
    }
  }
  await recordAudits(m, actor, audits);
  await enqueueMany(m, events);

  for (const { id, envelope, outcome } of made) {
    deps.log.debug({ eventId: envelope.eventId, evaluationId: envelope.data.evaluationId, decisionId: id, predicate: envelope.data.predicate, allowancePercent: outcome.allowancePercent }, 'reward decided');
  }
  deps.log.info({ decisions: made.length, sanctionsProposed: proposals.length, events: envelopes.length }, 'rewards decided');
  return results;
}
