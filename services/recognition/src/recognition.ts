import { randomUUID } from 'node:crypto';
import { enqueue, type OutboxItem } from '@kinerja/events';
import {
  accessProfile, BadInput, Conflict, isUniqueViolation, isUuid, loadById, NotFound, recordAudit, relationTo, requireUser, SAFE_LINE, type AuditActor, type AuditRecord, type KitContext,
} from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { awardRefusal } from './domain/awards';
import { wibDate } from './domain/dates';
import { AwardKind, SanctionLevel, SanctionStatus, type SanctionType } from './domain/enums';
import { examinationCheck, imposition, nextSanctionStatus } from './domain/sanction-flow';
import { AwardRow } from './entities/award';
import { RewardDecisionRow } from './entities/reward-decision';
import { SanctionExaminationRow, SanctionRow } from './entities/sanction';

/** Recognition's writes from the graph: awards and sanctions, each in one transaction with its event. */


/** Trimmed free text between min and max characters, without control characters. */
export function text(field: string, value: string, min: number, max: number): string {
  const v = value.trim();
  if (v.length < min || v.length > max) throw new BadInput(field, `must be ${min} to ${max} characters`);
  if (!SAFE_LINE.test(v)) throw new BadInput(field, 'must not contain control characters');
  return v;
}

export interface NewSanction {
  employeeId: string;
  unitId: string;
  level: SanctionLevel;
  violation: string;
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
 * The sanctions and their first history entries, in one statement (the consumer's batch; bench/results/summary.md);
 * the caller records their audit rows and events (`proposalAudit`, `proposalEvent`).
 */
export async function insertProposals(m: EntityManager, list: NewSanction[]): Promise<string[]> {
  if (list.length === 0) return [];
  const ids = list.map(() => randomUUID());
  await m.query(
    `WITH proposed AS (
       INSERT INTO sanction (id, employee_id, unit_id, decision_id, level, violation, reason, status, proposed_by)
       SELECT r.id, r.employee_id, r.unit_id, r.decision_id, r.level, r.violation, r.reason, $2, r.proposed_by
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, employee_id uuid, unit_id uuid, decision_id uuid, level text, violation text, reason text, proposed_by uuid)
       RETURNING id, proposed_by, reason)
     INSERT INTO sanction_history (sanction_id, status, actor_id, reason) SELECT id, $2, proposed_by, reason FROM proposed`,
    [JSON.stringify(list.map((s, i) => ({
      id: ids[i], employee_id: s.employeeId, unit_id: s.unitId, decision_id: s.decisionId, level: s.level, violation: s.violation, reason: s.reason, proposed_by: s.proposedBy,
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
    data: { sanctionId: id, employeeId: s.employeeId, level: s.level, status: SanctionStatus.PROPOSED, reason: s.reason, violation: s.violation, type: null, startsOn: null, endsOn: null },
    options: { key: s.employeeId },
  };
}

async function findDecision(m: EntityManager, field: string, id: string): Promise<RewardDecisionRow> {
  const decision = isUuid(id) ? await m.findOneBy(RewardDecisionRow, { id }) : null;
  if (!decision) throw new BadInput(field, `no reward decision has id ${id}`);
  return decision;
}

/** ADMIN grants an award the decision allows; one award of each kind per decision. */
export async function grantAward(ctx: KitContext, decisionId: string, kind: AwardKind, rawTitle: string): Promise<AwardRow> {
  const adminId = requireUser(ctx); // authorized by its guard (domain/access.ts, decidesRewards)
  const title = text('title', rawTitle, 2, 200);
  return ctx.dataSource.transaction(async (m) => {
    const decision = await findDecision(m, 'decisionId', decisionId);
    // Decisions made before employment types were kept: ask personnel.
    const employmentType = decision.employmentType ?? (kind === AwardKind.PROMOTION_RECOMMENDATION ? (await accessProfile(ctx, decision.employeeId))?.employmentType ?? null : null);
    const refusal = awardRefusal({ ...decision, employmentType }, kind);
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

/**
 * A discipline case (PP 94/2021), opened by the employee's direct superior or ADMIN for a violation
 * of duties; never from a predicate, so no reward decision may be named.
 */
export async function proposeSanction(
  ctx: KitContext, employeeId: string, level: SanctionLevel, rawViolation: string, rawReason: string, decisionId: string | null,
): Promise<SanctionRow> {
  const me = requireUser(ctx); // authorized by its guard (domain/access.ts, opensDisciplineCase)
  const target = (await relationTo(ctx, employeeId)).target;
  const violation = text('violation', rawViolation, 3, 2000);
  const reason = text('reason', rawReason, 3, 2000);
  if (!target) throw new BadInput('employeeId', `no employee has id ${employeeId}`);
  if (decisionId !== null && decisionId !== undefined) {
    throw new BadInput('decisionId', 'a discipline case is never opened from a reward decision: a predicate is not a disciplinary offence (PP 94/2021)');
  }
  return ctx.dataSource.transaction(async (m) => {
    const id = await recordProposal(m, { employeeId, unitId: target.unitId, level, violation, reason, decisionId: null, proposedBy: me }, ctx);
    return m.findOneByOrFail(SanctionRow, { id });
  });
}

async function lockSanction(m: EntityManager, id: string): Promise<SanctionRow> {
  const sanction = isUuid(id) ? await m.findOne(SanctionRow, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!sanction) throw new NotFound('Sanction', id);
  return sanction;
}

function sanctionEvent(s: SanctionRow, reason: string): OutboxItem<'sanction.decided'> {
  return {
    type: 'sanction.decided',
    data: { sanctionId: s.id, employeeId: s.employeeId, level: s.level, status: s.status, reason, violation: s.violation, type: s.type, startsOn: s.startsOn, endsOn: s.endsOn },
    options: { key: s.employeeId },
  };
}

/**
 * PP 94/2021 art. 27-28: the examination record of a case, by ADMIN or the direct superior; the
 * direct superior must examine, and a MODERATE or SEVERE case is examined by a panel of at least two.
 */
export async function recordExamination(ctx: KitContext, sanctionId: string, heldOn: string, examinerIds: string[], rawRecord: string): Promise<SanctionRow> {
  requireUser(ctx); // authorized by its guard (domain/access.ts, recordsExamination)
  const found = await loadById(ctx, SanctionRow, sanctionId);
  if (!found) throw new NotFound('Sanction', sanctionId);
  const relation = await relationTo(ctx, found.employeeId);
  const record = text('record', rawRecord, 3, 5000);
  const bad = examinerIds.find((e) => !isUuid(e));
  if (bad !== undefined) throw new BadInput('examinerIds', `${bad} is not an employee id`);
  const profiles = await Promise.all(examinerIds.map((e) => accessProfile(ctx, e)));
  const unknown = examinerIds.find((_, i) => !profiles[i]);
  if (unknown) throw new BadInput('examinerIds', `no employee has id ${unknown}`);
  if (examinerIds.includes(found.employeeId)) throw new BadInput('examinerIds', 'must not include the employee examined');
  return ctx.dataSource.transaction(async (m) => {
    const sanction = await lockSanction(m, sanctionId);
    const check = examinationCheck({
      status: sanction.status, level: sanction.level, examinerIds, directSuperiorId: relation.target?.supervisorChain[0] ?? null, heldOn, today: wibDate(),
    });
    if (!check.ok) throw new BadInput(check.field, check.rule);
    const before = { ...sanction };
    const exam = m.create(SanctionExaminationRow, { id: randomUUID(), sanctionId, heldOn, examinerIds, record, recordedBy: ctx.identity.employeeId!, recordedAt: new Date() });
    await m.insert(SanctionExaminationRow, exam);
    const reason = `Examined on ${heldOn} by ${examinerIds.length} examiner${examinerIds.length === 1 ? '' : 's'}`;
    if (sanction.status !== SanctionStatus.EXAMINED) {
      sanction.status = SanctionStatus.EXAMINED;
      await m.update(SanctionRow, { id: sanction.id }, { status: sanction.status });
      await m.query('INSERT INTO sanction_history (sanction_id, status, actor_id, reason) VALUES ($1, $2, $3, $4)', [sanction.id, sanction.status, ctx.identity.employeeId, reason]);
    }
    await recordAudit(m, ctx, { entityType: 'Sanction', entityId: sanction.id, action: 'recordExamination', before, after: { ...sanction, examination: exam }, reason });
    await enqueue(m, 'sanction.decided', sanctionEvent(sanction, reason).data, { key: sanction.employeeId });
    return sanction;
  });
}

/**
 * ADMIN, the authorized official's decision (PP 94/2021): imposes an examined case with a type that
 * fits its level and a start date (the end date from the type's duration), dismisses a case with a
 * reason (DISMISSED), or revokes an imposed sanction (REVOKED); recorded with who and why.
 */
export async function decideSanction(
  ctx: KitContext, id: string, impose: boolean, rawReason: string | null | undefined, type?: SanctionType | null, startsOn?: string | null,
): Promise<SanctionRow> {
  const adminId = requireUser(ctx); // authorized by its guard (domain/access.ts, decidesRewards)
  const given = rawReason === null || rawReason === undefined ? null : text('reason', rawReason, 3, 2000);
  return ctx.dataSource.transaction(async (m) => {
    const sanction = await lockSanction(m, id);
    const next = nextSanctionStatus(sanction.status, impose);
    if (!next.ok) throw new BadInput(next.field, next.rule);
    const before = { ...sanction };
    const patch: Partial<SanctionRow> = { status: next.status, decidedOn: wibDate(), decidedBy: adminId };
    if (next.status === SanctionStatus.IMPOSED) {
      const fit = imposition(sanction.level, type, startsOn);
      if (!fit.ok) throw new BadInput(fit.field, fit.rule);
      Object.assign(patch, { type: fit.type, startsOn: fit.startsOn, endsOn: fit.endsOn });
    } else if (!given) {
      throw new BadInput('reason', next.status === SanctionStatus.DISMISSED ? 'is required when dismissing a case' : 'is required when revoking a sanction');
    }
    const reason = given ?? `Imposed by ADMIN: ${patch.type} from ${patch.startsOn}${patch.endsOn ? ` to ${patch.endsOn}` : ''}`;
    Object.assign(sanction, patch);
    await m.update(SanctionRow, { id: sanction.id }, patch);
    await m.query('INSERT INTO sanction_history (sanction_id, status, actor_id, reason) VALUES ($1, $2, $3, $4)',
      [sanction.id, next.status, adminId, reason]);
    await recordAudit(m, ctx, { entityType: 'Sanction', entityId: sanction.id, action: 'decideSanction', before, after: sanction, reason });
    const event = sanctionEvent(sanction, reason);
    await enqueue(m, event.type, event.data, event.options);
    return sanction;
  });
}
