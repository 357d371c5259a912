import { randomUUID } from 'node:crypto';
import { enqueue, type OutboxItem } from '@kinerja/events';
import {
  BadInput, Conflict, Forbidden, isUniqueViolation, NotFound, recordAudit, relationTo, requireRole, requireUser, type AuditActor, type AuditRecord, type KitContext,
} from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { awardRefusal } from './domain/awards';
import { wibDate } from './domain/dates';
import { type AwardKind, SanctionLevel, SanctionStatus } from './domain/enums';
import { nextSanctionStatus } from './domain/sanction-flow';
import { AwardRow } from './entities/award';
import { RewardDecisionRow } from './entities/reward-decision';
import { SanctionRow } from './entities/sanction';

/** Recognition's writes from the graph: awards and sanctions, each in one transaction with its event. */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_CONTROL = /^[^\p{Cc}\p{Cf}]*$/u;

/** Trimmed free text between min and max characters, without control characters. */
export function text(field: string, value: string, min: number, max: number): string {
  const v = value.trim();
  if (v.length < min || v.length > max) throw new BadInput(field, `must be ${min} to ${max} characters`);
  if (!NO_CONTROL.test(v)) throw new BadInput(field, 'must not contain control characters');
  return v;
}

export interface NewSanction {
  employeeId: string;
  unitId: string;
  level: SanctionLevel;
  reason: string;
  decisionId: string | null;
  /** Null when the system proposes it from a reward decision. */
  proposedBy: string | null;
}

/** Inserts a PROPOSED sanction, its first history entry, its audit row and its sanction.decided event (caller's transaction). */
export async function recordProposal(m: EntityManager, s: NewSanction, actor: KitContext | AuditActor): Promise<string> {
  const [id] = await insertProposals(m, [s]);
  await recordAudit(m, actor, proposalAudit(s, id!));
  const { type, data, options } = proposalEvent(s, id!);
  await enqueue(m, type, data, options);
  return id!;
}

/**
 * The sanctions and their first history entries, in one statement (the consumer's batch, issue 9);
 * the caller records their audit rows and events (`proposalAudit`, `proposalEvent`).
 */
export async function insertProposals(m: EntityManager, list: NewSanction[]): Promise<string[]> {
  if (list.length === 0) return [];
  const ids = list.map(() => randomUUID());
  await m.query(
    `WITH proposed AS (
       INSERT INTO sanction (id, employee_id, unit_id, decision_id, level, reason, status, proposed_by)
       SELECT r.id, r.employee_id, r.unit_id, r.decision_id, r.level, r.reason, $2, r.proposed_by
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, employee_id uuid, unit_id uuid, decision_id uuid, level text, reason text, proposed_by uuid)
       RETURNING id, proposed_by, reason)
     INSERT INTO sanction_history (sanction_id, status, actor_id, reason) SELECT id, $2, proposed_by, reason FROM proposed`,
    [JSON.stringify(list.map((s, i) => ({
      id: ids[i], employee_id: s.employeeId, unit_id: s.unitId, decision_id: s.decisionId, level: s.level, reason: s.reason, proposed_by: s.proposedBy,
    }))), SanctionStatus.PROPOSED],
  );
  return ids;
}

export function proposalAudit(s: NewSanction, id: string): AuditRecord {
  return { entityType: 'Sanction', entityId: id, action: 'proposeSanction', before: null, reason: s.reason, after: { id, ...s, status: SanctionStatus.PROPOSED } };
}

export function proposalEvent(s: NewSanction, id: string): OutboxItem<'sanction.decided'> {
  return {
    type: 'sanction.decided',
    data: { sanctionId: id, employeeId: s.employeeId, level: s.level, status: SanctionStatus.PROPOSED, reason: s.reason },
    options: { key: s.employeeId },
  };
}

async function findDecision(m: EntityManager, field: string, id: string): Promise<RewardDecisionRow> {
  const decision = UUID.test(id) ? await m.findOneBy(RewardDecisionRow, { id }) : null;
  if (!decision) throw new BadInput(field, `no reward decision has id ${id}`);
  return decision;
}

/** ADMIN grants an award the decision allows; one award of each kind per decision. */
export async function grantAward(ctx: KitContext, decisionId: string, kind: AwardKind, rawTitle: string): Promise<AwardRow> {
  const adminId = requireRole(ctx, 'ADMIN');
  const title = text('title', rawTitle, 2, 200);
  return ctx.dataSource.transaction(async (m) => {
    const decision = await findDecision(m, 'decisionId', decisionId);
    const refusal = awardRefusal(decision, kind);
    if (refusal) throw new BadInput('kind', refusal, 'Keputusan ini tidak memberi hak atas penghargaan tersebut');
    const award = m.create(AwardRow, {
      id: randomUUID(), employeeId: decision.employeeId, decisionId: decision.id, kind, title,
      allowancePercent: kind === 'PERFORMANCE_ALLOWANCE' ? decision.allowancePercent : null,
      grantedOn: wibDate(), grantedBy: adminId, createdAt: new Date(),
    });
    await m.insert(AwardRow, award);
    await recordAudit(m, ctx, { entityType: 'Award', entityId: award.id, action: 'grantAward', before: null, after: award });
    await enqueue(m, 'award.granted', {
      awardId: award.id, employeeId: award.employeeId, kind, title, grantedOn: award.grantedOn, decisionId: decision.id,
    }, { key: award.employeeId });
    return award;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error, 'award_decision_kind_key')) throw new Conflict(`kind: a ${kind} award was already granted for this decision`, { field: 'kind' });
    throw error;
  });
}

/** ADMIN, or the head of the employee's unit (or a unit above it), proposes a sanction. */
export async function proposeSanction(
  ctx: KitContext, employeeId: string, level: SanctionLevel, rawReason: string, decisionId: string | null,
): Promise<SanctionRow> {
  const me = requireUser(ctx);
  const reason = text('reason', rawReason, 3, 2000);
  const relation = await relationTo(ctx, employeeId);
  const target = relation.target;
  if (!target) throw new BadInput('employeeId', `no employee has id ${employeeId}`);
  if (!relation.admin && !relation.unitHead) {
    throw new Forbidden('Only ADMIN or the head of the employee\'s unit may propose a sanction');
  }
  if (relation.self && !relation.admin) throw new Forbidden('A unit head may not propose a sanction for themself');
  return ctx.dataSource.transaction(async (m) => {
    // An empty decisionId is a malformed id, not "no decision" (it reached the INSERT as '' and failed with a 500).
    if (decisionId !== null && decisionId !== undefined) {
      const decision = await findDecision(m, 'decisionId', decisionId);
      if (decision.employeeId !== employeeId) throw new BadInput('decisionId', 'the reward decision belongs to another employee');
    }
    const id = await recordProposal(m, {
      employeeId, unitId: target.unitId, level, reason, decisionId: decisionId ?? null, proposedBy: me,
    }, ctx);
    return m.findOneByOrFail(SanctionRow, { id });
  });
}

/** ADMIN imposes or dismisses a proposal, or revokes an imposed sanction; recorded with who and why. */
export async function decideSanction(ctx: KitContext, id: string, impose: boolean, rawReason: string | null | undefined): Promise<SanctionRow> {
  const adminId = requireRole(ctx, 'ADMIN');
  const given = rawReason === null || rawReason === undefined ? null : text('reason', rawReason, 3, 2000);
  return ctx.dataSource.transaction(async (m) => {
    const sanction = UUID.test(id) ? await m.findOne(SanctionRow, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!sanction) throw new NotFound('Sanction', id);
    const next = nextSanctionStatus(sanction.status, impose);
    if (!next.ok) throw new BadInput('impose', next.rule);
    const reason = given ?? (next.status === SanctionStatus.IMPOSED
      ? `Imposed by ADMIN as proposed: ${sanction.reason}`
      : sanction.status === SanctionStatus.PROPOSED ? 'Dismissed by ADMIN (no reason given)' : 'Revoked by ADMIN (no reason given)');
    const before = { ...sanction };
    sanction.status = next.status;
    sanction.decidedOn = wibDate();
    sanction.decidedBy = adminId;
    await m.update(SanctionRow, { id: sanction.id }, { status: sanction.status, decidedOn: sanction.decidedOn, decidedBy: adminId });
    await m.query('INSERT INTO sanction_history (sanction_id, status, actor_id, reason) VALUES ($1, $2, $3, $4)',
      [sanction.id, next.status, adminId, reason]);
    await recordAudit(m, ctx, { entityType: 'Sanction', entityId: sanction.id, action: 'decideSanction', before, after: sanction, reason });
    await enqueue(m, 'sanction.decided', {
      sanctionId: sanction.id, employeeId: sanction.employeeId, level: sanction.level, status: next.status, reason,
    }, { key: sanction.employeeId });
    return sanction;
  });
}
