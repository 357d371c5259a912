import { randomUUID } from 'node:crypto';
import { enqueueMany, type Envelope, type EventData, type OutboxItem } from '@kinerja/events';
import { recordAudits, type AuditActor, type AuditRecord, type Logger } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { wibDate } from '../domain/dates';
import { DecisionStatus, type EmploymentType, FollowUp, ImprovementStatus, PeriodType, type Predicate } from '../domain/enums';
import { reviewDueOn } from '../domain/improvement';
import { creditCoefficientOf, periodStart, type AnnualPredicate, type RewardOutcome, type RewardPolicy } from '../domain/reward-policy';
import { reasonText, RewardReasonCode, type ReasonYear, type RewardReasonData } from '../domain/reward-reasons';
import { PolicyBook } from '../policies';

export type EvaluationCompleted = EventData<'evaluation.completed'>;

/** What personnel's directory says about an employee, as the decisions use it. */
export interface EmployeeFacts {
  positionKind: string | null;
  employmentType: EmploymentType | null;
  positionTitle: string | null;
}

export interface DecideDependencies {
  /** Position kinds from personnel's directory, one call for many employees (null where personnel does not know one). */
  positionKindsOf(employeeIds: string[]): Promise<Map<string, string | null>>;
  /** Position kind, employment type and title in one directory call; used instead of positionKindsOf when given. */
  employeeFactsOf?(employeeIds: string[]): Promise<Map<string, EmployeeFacts>>;
  log: Logger;
}

/** How far back annual predicates are read: the policy counts at most 5 annual evaluations. */
const HISTORY_YEARS = 5;
/** How far forward a changed annual predicate can reach: a later year's window of at most 5 annual evaluations. */
const REVISE_YEARS = HISTORY_YEARS - 1;

/** Plans still running: a superseded predicate withdraws them. */
const OPEN_PLAN_STATUSES = [ImprovementStatus.OPEN, ImprovementStatus.RETEST, ImprovementStatus.TRANSFER, ImprovementStatus.TEMPORARY_POST];

/** Why a superseded evaluation's open plan is withdrawn. */
export const WITHDRAWN_REASON = 'The evaluation behind this plan was superseded by a new one; its predicate no longer stands, so the plan is withdrawn (DOMAIN.md, Recognition).';

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

/** What a decision is about and decided from: kept so that a revision decides the same question again. */
interface Subject {
  evaluationId: string;
  employeeId: string;
  unitId: string;
  evaluatorId: string;
  cycleId: string;
  year: number;
  periodType: PeriodType;
  period: number | null;
  predicate: Predicate;
  completedAt: string;
  positionKind: string | null;
  employmentType: EmploymentType | null;
  creditCoefficient: number | null;
  supersedesEvaluationId: string | null;
}

/** A decision made in this batch (a new evaluation's, or a revision). */
interface Decision {
  id: string;
  subject: Subject;
  sourceEventId: string;
  outcome: RewardOutcome;
  policyVersion: number;
  status: DecisionStatus;
  revision: number;
  revisesId: string | null;
  dependsOn: Record<string, string | null>;
}

/** The ACTIVE annual decision of an employee's year: stored, or made in this batch. */
interface Current {
  id: string;
  subject: Subject;
  revision: number;
  dependsOn: Record<string, string | null>;
  made: Decision | null;
}

interface StoredActive {
  id: string; evaluation_id: string; employee_id: string; unit_id: string; evaluator_id: string; cycle_id: string; year: number;
  period_type: PeriodType; period: number | null; predicate: Predicate; completed_at: string; position_kind: string | null;
  employment_type: EmploymentType | null; credit_coefficient: number | null; revision: number; depends_on: Record<string, string | null>;
  supersedes_evaluation_id: string | null;
}

/** The annual predicates a decision of `year` depends on under its policy (year → predicate, null when none is recorded). */
function dependencies(policy: RewardPolicy, year: number, byYear: Map<number, RecordedPredicate> | undefined): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const y of policy.dependsOnYears(year)) out[String(y)] = byYear?.get(y)?.predicate ?? null;
  return out;
}

function sameDependencies(a: Record<string, string | null>, b: Record<string, string | null>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** The years whose annual predicate changed, with what it is now and what it was (null: not recorded). */
function whatChanged(before: Record<string, string | null>, after: Record<string, string | null>): ReasonYear[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => (before[k] ?? null) !== (after[k] ?? null))
    .map((k) => ({ year: Number(k), predicate: (after[k] ?? null) as Predicate | null, was: (before[k] ?? null) as Predicate | null }));
}

/**
 * The reward path, step 3 (EVENTS.md): runs inside the consumer's transaction, after the events' ids
 * were recorded, for a batch of events of one partition in offset order. Per event it keeps the
 * annual predicate history, applies the policy in force for the evaluated period, writes the
 * RewardDecision with its audit row and its reward.decided outbox row, and opens the improvement
 * plan a low annual predicate calls for (PP 30/2019 art. 56-58). DOMAIN.md, "Decisions follow the
 * history": an evaluation that `supersedes` another marks the old decision SUPERSEDED and withdraws
 * its open plan; an annual predicate that arrives late or changes decides the later years that
 * depended on it again, as a new revision (the old one REVISED). Redelivery changes nothing, and the
 * final decisions do not depend on the order the events arrived in.
 *
 * Set-based (bench/results/summary.md: each statement bounds the consumer's rate): a batch costs the same statements
 * whether it holds 1 event or 250 (read; status changes and withdrawals, only when there are any;
 * annual predicates with decisions and plans; audit rows; outbox rows). The history is read once for
 * the batch's employees and advanced in memory in offset order.
 */
export async function decideBatch(envelopes: Array<Envelope<EvaluationCompleted>>, m: EntityManager, deps: DecideDependencies): Promise<BatchDecision[]> {
  if (envelopes.length === 0) return [];
  const annualOf = (e: EvaluationCompleted) => e.cycle.periodType === PeriodType.ANNUAL;
  const annualEmployees = [...new Set(envelopes.filter((env) => annualOf(env.data)).map((env) => env.data.employeeId))];
  const years = envelopes.map((env) => env.data.cycle.year);
  const supersededIds = [...new Set(envelopes.map((env) => env.data.supersedes).filter((s): s is string => !!s))];
  // One round trip: the newest policy version (the book reloads when it moved), which evaluations are
  // decided already (whatever event id carries them), the annual predicates the batch can need, and
  // the ACTIVE annual decisions a changed predicate may revise or a superseding evaluation replaces.
  const [read] = (await m.query(
    `SELECT (SELECT coalesce(max(version), 0) FROM reward_policy) AS newest_policy,
            (SELECT coalesce(json_agg(DISTINCT evaluation_id), '[]') FROM reward_decision WHERE evaluation_id = ANY($1::uuid[])) AS decided,
            (SELECT coalesce(json_agg(json_build_object('employeeId', employee_id, 'year', year, 'predicate', predicate, 'evaluationId', evaluation_id,
                    'completedAt', completed_at)), '[]')
               FROM annual_predicate WHERE employee_id = ANY($2::uuid[]) AND year BETWEEN $3::int AND $4::int) AS recorded,
            (SELECT coalesce(json_agg(d), '[]') FROM (
               SELECT id, evaluation_id, employee_id, unit_id, evaluator_id, cycle_id, year, period_type, period, predicate, completed_at, position_kind,
                      employment_type, credit_coefficient, revision, depends_on, supersedes_evaluation_id
                 FROM reward_decision
                WHERE status = 'ACTIVE' AND period_type = 'ANNUAL'
                  AND ((employee_id = ANY($2::uuid[]) AND year BETWEEN $3::int AND $5::int) OR evaluation_id = ANY($6::uuid[]))) d) AS active`,
    [envelopes.map((env) => env.data.evaluationId), annualEmployees, Math.min(...years) - HISTORY_YEARS, Math.max(...years), Math.max(...years) + REVISE_YEARS, supersededIds],
  )) as [{ newest_policy: number; decided: string[]; recorded: Array<{ employeeId: string; year: number; predicate: string; evaluationId: string; completedAt: string }>; active: StoredActive[] }];
  const decided = new Set(read.decided.map((id) => id.toLowerCase()));
  const recorded = new Map<string, Map<number, RecordedPredicate>>(); // employee → year → predicate
  for (const r of read.recorded) {
    let byYear = recorded.get(r.employeeId);
    if (!byYear) recorded.set(r.employeeId, (byYear = new Map()));
    byYear.set(r.year, { year: r.year, predicate: r.predicate, evaluationId: r.evaluationId, completedAt: new Date(r.completedAt) });
  }
  // employee → year → ACTIVE annual decisions (more than one where a year was evaluated twice without `supersedes`).
  const active = new Map<string, Map<number, Current[]>>();
  const currentIn = (employeeId: string, year: number): Current[] => {
    let byYear = active.get(employeeId);
    if (!byYear) active.set(employeeId, (byYear = new Map()));
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = []));
    return list;
  };
  for (const d of read.active) {
    currentIn(d.employee_id, d.year).push({
      id: d.id, revision: d.revision, dependsOn: d.depends_on, made: null,
      subject: {
        evaluationId: d.evaluation_id, employeeId: d.employee_id, unitId: d.unit_id, evaluatorId: d.evaluator_id, cycleId: d.cycle_id, year: d.year,
        periodType: d.period_type, period: d.period, predicate: d.predicate, completedAt: new Date(d.completed_at).toISOString(), positionKind: d.position_kind,
        employmentType: d.employment_type, creditCoefficient: d.credit_coefficient, supersedesEvaluationId: d.supersedes_evaluation_id,
      },
    });
  }

  // Credit points and promotion need the position and employment type; only annual decisions use them.
  const facts = annualEmployees.length === 0 ? new Map<string, EmployeeFacts>()
    : deps.employeeFactsOf ? await deps.employeeFactsOf(annualEmployees)
      : new Map([...(await deps.positionKindsOf(annualEmployees))].map(([id, positionKind]) => [id, { positionKind, employmentType: null, positionTitle: null }]));
  // Decisions stored before employment types and titles were kept are decided again with today's facts.
  for (const byYear of active.values()) {
    for (const list of byYear.values()) {
      for (const c of list) {
        const known = facts.get(c.subject.employeeId);
        if (!known) continue;
        if (c.subject.employmentType === null) c.subject.employmentType = known.employmentType;
        if (c.subject.creditCoefficient === null) c.subject.creditCoefficient = creditCoefficientOf(known.positionTitle);
      }
    }
  }
  const book = bookFor(m);
  const changed = new Map<string, { employeeId: string } & RecordedPredicate>(); // annual_predicate rows to write
  const decisions: Decision[] = [];
  const storedStatus = new Map<string, DecisionStatus>(); // stored decisions this batch supersedes or revises
  const retiredBy = new Map<string, string>(); // stored decision → the event that retired it
  const superseded = new Set<string>(); // evaluation ids superseded in this batch

  const decide = async (subject: Subject, sourceEventId: string, eventId: string) => {
    const { policy, fallback } = await book.inForce(m, periodStart(subject.year, subject.periodType, subject.period), read.newest_policy);
    if (fallback) deps.log.warn({ policyVersion: policy.version, eventId }, 'no reward policy was in force for the period; the earliest applies');
    const byYear = recorded.get(subject.employeeId);
    const annual = subject.periodType === PeriodType.ANNUAL;
    const history: AnnualPredicate[] = annual
      ? [...(byYear?.values() ?? [])].filter((p) => p.year < subject.year && p.year >= subject.year - HISTORY_YEARS)
        .sort((a, b) => a.year - b.year).map(({ year, predicate }) => ({ year, predicate: predicate as Predicate }))
      : [];
    const outcome = policy.decide({
      predicate: subject.predicate, year: subject.year, periodType: subject.periodType, period: subject.period,
      positionKind: subject.positionKind, employmentType: subject.employmentType, creditCoefficient: subject.creditCoefficient, annualHistory: history,
    });
    return { outcome, policyVersion: policy.version, dependsOn: annual ? dependencies(policy, subject.year, byYear) : {} };
  };

  const retire = (c: Current, status: DecisionStatus, eventId: string) => {
    if (c.made) c.made.status = status;
    else {
      storedStatus.set(c.id, status);
      retiredBy.set(c.id, eventId);
    }
  };

  for (const envelope of envelopes) {
    const e = envelope.data;
    const evaluationKey = e.evaluationId.toLowerCase();
    if (decided.has(evaluationKey)) {
      deps.log.info({ eventId: envelope.eventId, evaluationId: e.evaluationId }, 'evaluation already decided; the event has no effect');
      continue;
    }
    decided.add(evaluationKey);
    const annual = annualOf(e);
    const known = annual ? facts.get(e.employeeId) : undefined;
    const subject: Subject = {
      evaluationId: e.evaluationId, employeeId: e.employeeId, unitId: e.unitId, evaluatorId: e.evaluatorId, cycleId: e.cycle.id, year: e.cycle.year,
      periodType: e.cycle.periodType as PeriodType, period: e.cycle.period, predicate: e.predicate as Predicate, completedAt: e.completedAt,
      positionKind: annual ? known?.positionKind ?? null : null,
      employmentType: annual ? (e.employmentType ?? known?.employmentType ?? null) : null,
      creditCoefficient: annual ? creditCoefficientOf(known?.positionTitle) : null,
      supersedesEvaluationId: e.supersedes ?? null,
    };
    if (e.supersedes) {
      superseded.add(e.supersedes.toLowerCase());
      for (const d of decisions) if (d.subject.evaluationId.toLowerCase() === e.supersedes.toLowerCase()) d.status = DecisionStatus.SUPERSEDED;
    }

    let predicateChanged = false;
    if (annual) {
      let byYear = recorded.get(e.employeeId);
      if (!byYear) recorded.set(e.employeeId, (byYear = new Map()));
      // DOMAIN.md: a correction is a later evaluation in the same cycle and supersedes the earlier one.
      const completedAt = new Date(e.completedAt);
      const current = byYear.get(e.cycle.year);
      const replaces = !current || current.completedAt < completedAt || (!!e.supersedes && current.evaluationId.toLowerCase() === e.supersedes.toLowerCase());
      if (replaces) {
        predicateChanged = current?.predicate !== e.predicate;
        const row = { year: e.cycle.year, predicate: e.predicate, evaluationId: e.evaluationId, completedAt };
        byYear.set(e.cycle.year, row);
        changed.set(`${e.employeeId}:${e.cycle.year}`, { employeeId: e.employeeId, ...row });
      }
    }

    const made = await decide(subject, envelope.eventId, envelope.eventId);
    const decision: Decision = {
      id: randomUUID(), subject, sourceEventId: envelope.eventId, ...made, status: DecisionStatus.ACTIVE, revision: 1, revisesId: null,
    };
    decisions.push(decision);
    if (!annual) continue;

    const sameYear = currentIn(e.employeeId, e.cycle.year);
    for (let i = sameYear.length - 1; i >= 0; i--) {
      const c = sameYear[i]!;
      if (e.supersedes && c.subject.evaluationId.toLowerCase() === e.supersedes.toLowerCase()) {
        retire(c, DecisionStatus.SUPERSEDED, envelope.eventId);
        sameYear.splice(i, 1);
      }
    }
    sameYear.push({ id: decision.id, subject, revision: 1, dependsOn: decision.dependsOn, made: decision });

    if (!predicateChanged) continue;
    // DOMAIN.md: the later years that depended on this year's predicate are decided again.
    for (let year = e.cycle.year + 1; year <= e.cycle.year + REVISE_YEARS; year++) {
      const list = currentIn(e.employeeId, year);
      for (let i = 0; i < list.length; i++) {
        const c = list[i]!;
        const again = await decide(c.subject, envelope.eventId, envelope.eventId);
        if (sameDependencies(again.dependsOn, c.dependsOn)) continue;
        const revision = c.revision + 1;
        const because: RewardReasonData = { code: RewardReasonCode.REVISION, revision, years: whatChanged(c.dependsOn, again.dependsOn) };
        again.outcome.reasonCodes.push(because);
        again.outcome.reasons.push(reasonText(because));
        const revised: Decision = {
          id: randomUUID(), subject: c.subject, sourceEventId: envelope.eventId, ...again, status: DecisionStatus.ACTIVE, revision, revisesId: c.id,
        };
        retire(c, DecisionStatus.REVISED, envelope.eventId);
        decisions.push(revised);
        list[i] = { id: revised.id, subject: c.subject, revision, dependsOn: revised.dependsOn, made: revised };
      }
    }
  }

  // Stored decisions superseded or revised, and the superseded evaluations' open plans withdrawn
  // (with a step saying why), in one statement; only when there are any.
  const today = wibDate();
  let withdrawn: Array<{ id: string; employee_id: string; decision_id: string; owner_id: string; opens_on: string; review_due_on: string; evaluation_id: string; status: string }> = [];
  if (storedStatus.size > 0 || superseded.size > 0) {
    const [out] = (await m.query(
      `WITH marked AS (
         UPDATE reward_decision d SET status = CASE WHEN d.evaluation_id = ANY($2::uuid[]) THEN 'SUPERSEDED' ELSE r.status END
           FROM (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text)
                 UNION ALL SELECT id, 'SUPERSEDED' FROM reward_decision WHERE evaluation_id = ANY($2::uuid[]) AND status = 'ACTIVE') r
          WHERE d.id = r.id AND d.status = 'ACTIVE' RETURNING d.id),
       withdrawn AS (
         UPDATE improvement_plan p SET status = 'WITHDRAWN'
           FROM (SELECT id, status FROM improvement_plan WHERE evaluation_id = ANY($2::uuid[]) AND status = ANY($3::text[]) FOR UPDATE) o
          WHERE p.id = o.id
         RETURNING p.id, p.employee_id, p.decision_id, p.owner_id, p.opens_on::text AS opens_on, p.review_due_on::text AS review_due_on, p.evaluation_id, o.status),
       steps AS (
         INSERT INTO improvement_step (plan_id, status, decided_on, decided_by, reason)
         SELECT w.id, 'WITHDRAWN', $4::date, NULL, $5 FROM withdrawn w)
       SELECT (SELECT count(*) FROM marked)::int AS marked, (SELECT coalesce(json_agg(w), '[]') FROM withdrawn w) AS withdrawn`,
      [JSON.stringify([...storedStatus].map(([id, status]) => ({ id, status }))), [...superseded], OPEN_PLAN_STATUSES, today, WITHDRAWN_REASON],
    )) as [{ marked: number; withdrawn: typeof withdrawn }];
    withdrawn = out.withdrawn;
  }

  // Plans the batch's ACTIVE low annual decisions open (PP 30/2019 art. 56-58): owned by the
  // evaluator, the direct supervisor (pejabat penilai kinerja); the review 6 months later.
  const plans = decisions.filter((d) => d.revision === 1 && d.status === DecisionStatus.ACTIVE && d.subject.periodType === PeriodType.ANNUAL
    && d.outcome.followUp === FollowUp.IMPROVEMENT_TRACK).map((d) => {
    const opensOn = wibDate(d.subject.completedAt);
    return {
      id: randomUUID(), employee_id: d.subject.employeeId, unit_id: d.subject.unitId, decision_id: d.id, evaluation_id: d.subject.evaluationId,
      owner_id: d.subject.evaluatorId, opens_on: opensOn, review_due_on: reviewDueOn(opensOn), source_event_id: d.sourceEventId,
      reason: `Opened by the ${d.subject.year} annual predicate ${d.subject.predicate} (policy version ${d.policyVersion}): a 6-month improvement plan owned by the direct supervisor (PP 30/2019 art. 56-58).`,
    };
  });

  // The annual predicates, the decisions and the plans in one statement, each table's rows as one
  // JSON document (serialized natively, parsed by PostgreSQL in C).
  let made: Decision[] = [];
  let opened: typeof plans = [];
  if (decisions.length > 0 || changed.size > 0) {
    const annualRows = [...changed.values()].map((p) => ({
      employee_id: p.employeeId, year: p.year, predicate: p.predicate, evaluation_id: p.evaluationId, completed_at: p.completedAt,
    }));
    const decisionRows = decisions.map(({ id, subject: s, sourceEventId, outcome, policyVersion, status, revision, revisesId, dependsOn }) => ({
      id, evaluation_id: s.evaluationId, source_event_id: sourceEventId, employee_id: s.employeeId, unit_id: s.unitId, evaluator_id: s.evaluatorId,
      cycle_id: s.cycleId, year: s.year, period_type: s.periodType, period: s.period, predicate: s.predicate,
      allowance_percent: outcome.allowancePercent, certificate_eligible: outcome.certificateEligible, promotion_eligible: outcome.promotionEligible,
      credit_point_percent: outcome.creditPointPercent, position_kind: s.positionKind, reasons: outcome.reasons, reason_codes: outcome.reasonCodes, policy_version: policyVersion,
      completed_at: s.completedAt, status, revision, revises_id: revisesId, follow_up: outcome.followUp, credit_points: outcome.creditPoints,
      employment_type: s.employmentType, depends_on: dependsOn, supersedes_evaluation_id: s.supersedesEvaluationId, credit_coefficient: s.creditCoefficient,
    }));
    const [out] = (await m.query(
      `WITH annual AS (
         INSERT INTO annual_predicate (employee_id, year, predicate, evaluation_id, completed_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(employee_id uuid, year int, predicate text, evaluation_id uuid, completed_at timestamptz)
         ON CONFLICT (employee_id, year) DO UPDATE
           SET predicate = EXCLUDED.predicate, evaluation_id = EXCLUDED.evaluation_id, completed_at = EXCLUDED.completed_at
         WHERE annual_predicate.completed_at < EXCLUDED.completed_at OR annual_predicate.evaluation_id = ANY($4::uuid[])),
       decided AS (
         INSERT INTO reward_decision (id, evaluation_id, source_event_id, employee_id, unit_id, evaluator_id, cycle_id, year, period_type, period,
           predicate, allowance_percent, certificate_eligible, promotion_eligible, credit_point_percent, position_kind,
           reasons, reason_codes, policy_version, completed_at, status, revision, revises_id, follow_up, credit_points, employment_type, depends_on,
           supersedes_evaluation_id, credit_coefficient)
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, evaluation_id uuid, source_event_id uuid, employee_id uuid, unit_id uuid, evaluator_id uuid,
           cycle_id uuid, year int, period_type text, period int, predicate text, allowance_percent float8, certificate_eligible boolean,
           promotion_eligible boolean, credit_point_percent float8, position_kind text, reasons jsonb, reason_codes jsonb, policy_version int,
           completed_at timestamptz, status text, revision int, revises_id uuid, follow_up text, credit_points float8, employment_type text, depends_on jsonb,
           supersedes_evaluation_id uuid, credit_coefficient float8)
         ON CONFLICT DO NOTHING RETURNING id),
       planned AS (
         INSERT INTO improvement_plan (id, employee_id, unit_id, decision_id, evaluation_id, owner_id, status, opens_on, review_due_on)
         SELECT p.id, p.employee_id, p.unit_id, p.decision_id, p.evaluation_id, p.owner_id, 'OPEN', p.opens_on, p.review_due_on
           FROM jsonb_to_recordset($3::jsonb) AS p(id uuid, employee_id uuid, unit_id uuid, decision_id uuid, evaluation_id uuid, owner_id uuid, opens_on date, review_due_on date, reason text)
           JOIN decided ON decided.id = p.decision_id
         ON CONFLICT DO NOTHING RETURNING id),
       stepped AS (
         INSERT INTO improvement_step (plan_id, status, decided_on, decided_by, reason)
         SELECT p.id, 'OPEN', p.opens_on, NULL, p.reason
           FROM jsonb_to_recordset($3::jsonb) AS p(id uuid, opens_on date, reason text) JOIN planned ON planned.id = p.id)
       SELECT (SELECT coalesce(json_agg(id), '[]') FROM decided) AS decided, (SELECT coalesce(json_agg(id), '[]') FROM planned) AS planned`,
      [JSON.stringify(annualRows), JSON.stringify(decisionRows), JSON.stringify(plans), [...superseded]],
    )) as [{ decided: string[]; planned: string[] }];
    // A concurrent transaction that decided an evaluation first keeps its decision; this one made none.
    const ids = new Set(out.decided);
    made = decisions.filter((d) => ids.has(d.id));
    const planIds = new Set(out.planned);
    opened = plans.filter((p) => planIds.has(p.id));
  }
  const madeFor = new Map(made.filter((d) => d.revision === 1).map((d) => [d.sourceEventId, d.id]));
  const results = envelopes.map((env) => ({ eventId: env.eventId, decisionId: madeFor.get(env.eventId) ?? null }));
  if (made.length === 0 && withdrawn.length === 0) return results;

  // Audit trail (CONTRACT.md): a decision made by the consumer records the consumer as actor, its event as the request
  // and the policy's reasons as why. Audit rows and events for decisions, status changes and plans,
  // in one statement each.
  const actor: AuditActor = { service: 'recognition-consumer' };
  const audits: AuditRecord[] = [];
  const events: OutboxItem[] = [];
  const finalStatus = new Map<string, DecisionStatus>([...storedStatus]);
  for (const d of made) {
    const s = d.subject;
    audits.push({
      entityType: 'RewardDecision', entityId: d.id, action: d.revision === 1 ? 'decideReward' : 'reviseReward', before: null,
      reason: d.outcome.reasons.join(' '), requestId: d.sourceEventId,
      after: {
        id: d.id, evaluationId: s.evaluationId, sourceEventId: d.sourceEventId, employeeId: s.employeeId, unitId: s.unitId, predicate: s.predicate,
        year: s.year, periodType: s.periodType, period: s.period, allowancePercent: d.outcome.allowancePercent,
        certificateEligible: d.outcome.certificateEligible, promotionEligible: d.outcome.promotionEligible, followUp: d.outcome.followUp,
        creditPointPercent: d.outcome.creditPointPercent, creditPoints: d.outcome.creditPoints, reasons: d.outcome.reasons, reasonCodes: d.outcome.reasonCodes, policyVersion: d.policyVersion,
        status: d.status, revision: d.revision, revises: d.revisesId, dependsOn: d.dependsOn,
      },
    });
    events.push(decidedEvent(d));
  }
  for (const [id, status] of finalStatus) {
    audits.push({ entityType: 'RewardDecision', entityId: id, action: status === DecisionStatus.SUPERSEDED ? 'supersedeReward' : 'reviseReward',
      before: { status: DecisionStatus.ACTIVE }, after: { status }, requestId: retiredBy.get(id) ?? null,
      reason: status === DecisionStatus.SUPERSEDED ? 'its evaluation was superseded' : 'decided again as a newer revision' });
  }
  for (const p of opened) {
    const { source_event_id: requestId, ...plan } = p;
    audits.push({ entityType: 'ImprovementPlan', entityId: p.id, action: 'openImprovementPlan', before: null, after: { ...plan, status: ImprovementStatus.OPEN }, reason: p.reason, requestId });
    events.push({
      type: 'improvement.changed',
      data: {
        planId: p.id, employeeId: p.employee_id, decisionId: p.decision_id, ownerId: p.owner_id, status: ImprovementStatus.OPEN,
        opensOn: p.opens_on, reviewDueOn: p.review_due_on, decidedOn: p.opens_on, decidedBy: null, reason: p.reason,
      },
      options: { key: p.employee_id },
    });
  }
  for (const w of withdrawn) {
    const reason = WITHDRAWN_REASON;
    const by = envelopes.find((env) => env.data.supersedes?.toLowerCase() === w.evaluation_id.toLowerCase());
    audits.push({ entityType: 'ImprovementPlan', entityId: w.id, action: 'withdrawImprovementPlan', before: { status: w.status }, after: { status: ImprovementStatus.WITHDRAWN }, reason, requestId: by?.eventId ?? null });
    events.push({
      type: 'improvement.changed',
      data: {
        planId: w.id, employeeId: w.employee_id, decisionId: w.decision_id, ownerId: w.owner_id, status: ImprovementStatus.WITHDRAWN,
        opensOn: w.opens_on, reviewDueOn: w.review_due_on, decidedOn: today, decidedBy: null, reason,
      },
      options: { key: w.employee_id },
    });
  }
  await recordAudits(m, actor, audits);
  await enqueueMany(m, events);

  for (const d of made) {
    deps.log.debug({ eventId: d.sourceEventId, evaluationId: d.subject.evaluationId, decisionId: d.id, predicate: d.subject.predicate, revision: d.revision }, 'reward decided');
  }
  deps.log.info({ decisions: made.length, plansOpened: opened.length, plansWithdrawn: withdrawn.length, statusChanges: finalStatus.size, events: envelopes.length }, 'rewards decided');
  return results;
}

function decidedEvent(d: Decision): OutboxItem<'reward.decided'> {
  const s = d.subject;
  return {
    type: 'reward.decided',
    data: {
      decisionId: d.id,
      evaluationId: s.evaluationId,
      employeeId: s.employeeId,
      unitId: s.unitId,
      year: s.year,
      predicate: s.predicate,
      allowancePercent: d.outcome.allowancePercent,
      certificateEligible: d.outcome.certificateEligible,
      promotionEligible: d.outcome.promotionEligible,
      sanctionRecommended: null,
      reasons: d.outcome.reasons,
      sourceEventId: d.sourceEventId,
      status: d.status,
      revision: d.revision,
      revises: d.revisesId,
      followUp: d.outcome.followUp,
    },
    options: { key: s.employeeId },
  };
}
