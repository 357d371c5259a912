import { BadInput, Conflict, isUniqueViolation, isUuid, NotFound, recordAudit, requireUser, unitMembers, type KitContext } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { activityProblems, isOpenTo } from './domain/activity-rules';
import { EnrollmentStatus } from './domain/enums';
import { completionDate, enrollmentProblem, nextStatus, type EnrollmentAction } from './domain/enrollment-flow';
import { ceilingProblem, contractYearOf } from './domain/learning-hours';
import { contractTermsOf } from './graphql/contract-years';
import { CompetencyRow } from './entities/competency';
import { EnrollmentRow } from './entities/enrollment';
import { ActivityCompetencyRow, ActivityUnitRow, LearningActivityRow } from './entities/learning-activity';
import { learningCompleted } from './events/learning-completed';
import { relationToEmployee } from './graphql/access';
import type { CompetencyInput, LearningActivityInput } from './graphql/inputs';
import { activityById, enrollmentById, unitsOfActivity } from './graphql/loaders';
import { settingsOf } from './settings';

/** Competency's writes: authorize, check the domain rules, then one transaction each. */

export async function createCompetency(ctx: KitContext, input: CompetencyInput): Promise<CompetencyRow> {
  return ctx.dataSource.transaction(async (m) => {
    const saved = await m.save(m.create(CompetencyRow, { code: input.code, name: input.name.trim(), kind: input.kind }));
    await recordAudit(m, ctx, { entityType: 'Competency', entityId: saved.id, action: 'createCompetency', before: null, after: saved });
    return saved;
  })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'competency_code_key')) throw new Conflict('code: this competency code is already used', { field: 'code' });
      throw error;
    });
}

export async function createLearningActivity(ctx: KitContext, input: LearningActivityInput): Promise<LearningActivityRow> {
  const creator = requireUser(ctx);
  const units = input.participatingUnitIds;
  const problem = activityProblems({ ...input, participatingUnitIds: units })[0];
  if (problem) throw new BadInput(problem.field, problem.rule, problem.messageId);
  const known = await Promise.all(units.map((u) => unitMembers(ctx, u, false)));
  const unknown = units.filter((_, i) => known[i] === null);
  if (unknown.length > 0) {
    const field = unknown.includes(input.organizerUnitId) ? 'organizerUnitId' : 'participatingUnitIds';
    throw new BadInput(field, `no organization unit has id ${unknown[0]}`);
  }
  const competencyIds = [...new Set(input.competencyIds ?? [])];
  return ctx.dataSource.transaction(async (m) => {
    if (competencyIds.length > 0) {
      const found = await m.getRepository(CompetencyRow).createQueryBuilder('c').select('c.id')
        .where('c.id = ANY(:ids)', { ids: competencyIds }).getMany();
      const missing = competencyIds.filter((id) => !found.some((c) => c.id === id));
      if (missing.length > 0) throw new BadInput('competencyIds', `no competency has id ${missing[0]}`);
    }
    const activity = await m.save(m.create(LearningActivityRow, {
      title: input.title.trim(), kind: input.kind, organizerUnitId: input.organizerUnitId, startsOn: input.startsOn,
      endsOn: input.endsOn, hours: input.hours, capacity: input.capacity ?? null, createdBy: creator,
    }));
    await m.insert(ActivityUnitRow, units.map((unitId) => ({ activityId: activity.id, unitId })));
    if (competencyIds.length > 0) {
      await m.insert(ActivityCompetencyRow, competencyIds.map((competencyId) => ({ activityId: activity.id, competencyId })));
    }
    await recordAudit(m, ctx, {
      entityType: 'LearningActivity', entityId: activity.id, action: 'createLearningActivity', before: null,
      after: { ...activity, participatingUnitIds: units, competencyIds },
    });
    return activity;
  });
}

async function findActivity(ctx: KitContext, id: string): Promise<LearningActivityRow> {
  const activity = isUuid(id) ? await activityById(ctx).load(id) : null;
  if (!activity) throw new NotFound('LearningActivity', id);
  return activity;
}

/**
 * Enrolls an employee (DOMAIN.md, "Competency development"): themself where the activity is open to their unit, a subordinate
 * by a supervisor above them, anyone by ADMIN. Seats, duplicates and the end date are checked under
 * the activity's row lock, so the last seat taken by two concurrent calls goes to exactly one.
 */
export async function enroll(ctx: KitContext, activityId: string, employeeId: string): Promise<EnrollmentRow> {
  const caller = requireUser(ctx);
  const activity = await findActivity(ctx, activityId);
  if (!isUuid(employeeId)) throw new BadInput('employeeId', `no employee has id ${employeeId}`);
  const r = await relationToEmployee(ctx, employeeId).catch((error: unknown) => {
    if (error instanceof NotFound) throw new BadInput('employeeId', `no employee has id ${employeeId}`);
    throw error;
  });
  // Who may enroll whom is its guard's (domain/access.ts, enrolls).
  if (r.target.status !== 'ACTIVE') throw new BadInput('employeeId', `the employee is ${r.target.status}; only active employees enroll`);
  const units = await unitsOfActivity(ctx).load(activity.id);
  if (!isOpenTo(units, r.target.unitPath)) {
    throw new BadInput('employeeId', "the activity is open to its participating units and their sub-units; the employee's unit is not among them",
      'Kegiatan ini tidak terbuka untuk unit kerja pegawai');
  }
  const today = settingsOf(ctx).today();
  // PP 49/2018 art. 40(1): a PPPK's JP are capped per contract year; the year is the one the activity starts in.
  const pppkYear = r.target.employmentType === 'PPPK'
    ? contractYearOf(activity.startsOn, await contractTermsOf(ctx).load(employeeId))
    : null;
  return ctx.dataSource.transaction(async (m) => {
    if (pppkYear) {
      // One enrollment of this employee at a time, so two at once cannot both fit under the ceiling.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('enroll-ceiling:' || $1, 0))`, [employeeId]);
    }
    const [locked] = await m.query(
      `SELECT ends_on::text AS "endsOn", capacity FROM learning_activity WHERE id = $1 FOR UPDATE`, [activity.id],
    ) as Array<{ endsOn: string; capacity: number | null }>;
    if (!locked) throw new NotFound('LearningActivity', activity.id);
    const [seats] = await m.query(
      `SELECT count(*)::int AS taken, coalesce(bool_or(employee_id = $2), false) AS already
         FROM enrollment WHERE activity_id = $1 AND status <> 'CANCELLED'`, [activity.id, employeeId],
    ) as Array<{ taken: number; already: boolean }>;
    const refused = enrollmentProblem({ today, endsOn: locked.endsOn, capacity: locked.capacity, taken: seats?.taken ?? 0, alreadyEnrolled: !!seats?.already });
    if (refused) {
      const field = seats?.already ? 'employeeId' : 'activityId';
      throw new Conflict(`${field}: ${refused}`, { field });
    }
    if (pppkYear) {
      const [row] = await m.query(`
        SELECT coalesce(sum(CASE WHEN e.status = 'COMPLETED' THEN e.credited_hours ELSE a.hours END), 0)::int AS counted
          FROM enrollment e JOIN learning_activity a ON a.id = e.activity_id
         WHERE e.employee_id = $1 AND e.status IN ('ENROLLED', 'ATTENDED', 'COMPLETED')
           AND (CASE WHEN e.status = 'COMPLETED' THEN e.completed_on ELSE a.starts_on END) BETWEEN $2::date AND $3::date`,
      [employeeId, pppkYear.startsOn, pppkYear.endsOn]) as Array<{ counted: number }>;
      const over = ceilingProblem(row?.counted ?? 0, activity.hours, pppkYear);
      if (over) {
        throw new BadInput('activityId', over.message, over.messageId);
      }
    }
    const saved = await m.save(m.create(EnrollmentRow, { activityId: activity.id, employeeId, status: EnrollmentStatus.ENROLLED, enrolledBy: caller }));
    await recordAudit(m, ctx, { entityType: 'Enrollment', entityId: saved.id, action: 'enroll', before: null, after: saved });
    return saved;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error, 'enrollment_active_key')) {
      throw new Conflict('employeeId: the employee is already enrolled in this activity', { field: 'employeeId' });
    }
    throw error;
  });
}

async function findEnrollment(ctx: KitContext, id: string): Promise<{ enrollment: EnrollmentRow; activity: LearningActivityRow }> {
  const enrollment = isUuid(id) ? await enrollmentById(ctx).load(id) : null;
  if (!enrollment) throw new NotFound('Enrollment', id);
  return { enrollment, activity: await findActivity(ctx, enrollment.activityId) };
}

/** Applies a status action to the locked row; a refused transition is a CONFLICT naming the status. */
async function transition(
  m: EntityManager, ctx: KitContext, id: string, action: EnrollmentAction, activity: LearningActivityRow,
): Promise<{ row: EnrollmentRow; status: EnrollmentStatus; before: EnrollmentRow }> {
  const row = await m.findOne(EnrollmentRow, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFound('Enrollment', id);
  const next = nextStatus(action, row.status, activity, settingsOf(ctx).today());
  if (!next.ok) throw new Conflict(`enrollmentId: ${next.rule}`, { field: 'enrollmentId', status: row.status });
  return { row, status: next.status, before: { ...row } };
}

export async function recordAttendance(ctx: KitContext, enrollmentId: string, attended: boolean): Promise<EnrollmentRow> {
  const { activity } = await findEnrollment(ctx, enrollmentId); // authorized by its guard (domain/access.ts, runsActivity)
  return ctx.dataSource.transaction(async (m) => {
    const { row, status, before } = await transition(m, ctx, enrollmentId, attended ? 'ATTEND' : 'NO_SHOW', activity);
    row.status = status;
    const saved = await m.save(row);
    await recordAudit(m, ctx, { entityType: 'Enrollment', entityId: saved.id, action: 'recordAttendance', before, after: saved });
    return saved;
  });
}

export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

/** Completion credits the activity's JP in the year of completedOn and emits learning.completed. */
export async function completeEnrollment(ctx: KitContext, enrollmentId: string, score: number | null, completedOn: string | null): Promise<EnrollmentRow> {
  const { activity } = await findEnrollment(ctx, enrollmentId); // authorized by its guard (domain/access.ts, runsActivity)
  if (score !== null && (!Number.isFinite(score) || score < MIN_SCORE || score > MAX_SCORE)) {
    throw new BadInput('score', `must be from ${MIN_SCORE} to ${MAX_SCORE}`);
  }
  const units = await unitsOfActivity(ctx).load(activity.id);
  return ctx.dataSource.transaction(async (m) => {
    const { row, status, before } = await transition(m, ctx, enrollmentId, 'COMPLETE', activity);
    const date = completionDate(completedOn, activity, settingsOf(ctx).today());
    if (!date.ok) throw new BadInput('completedOn', date.rule);
    Object.assign(row, { status, score, completedOn: date.date, creditedHours: activity.hours });
    const saved = await m.save(row);
    await recordAudit(m, ctx, { entityType: 'Enrollment', entityId: saved.id, action: 'completeEnrollment', before, after: saved });
    await learningCompleted(m, saved, activity, units);
    return saved;
  });
}

/** Cancelling (before the activity starts): the employee, a supervisor above them, the organizer's head, ADMIN. */
export async function cancelEnrollment(ctx: KitContext, enrollmentId: string): Promise<EnrollmentRow> {
  const { activity } = await findEnrollment(ctx, enrollmentId); // authorized by its guard (domain/access.ts, cancelsEnrollment)
  return ctx.dataSource.transaction(async (m) => {
    const { row, status, before } = await transition(m, ctx, enrollmentId, 'CANCEL', activity);
    row.status = status;
    const saved = await m.save(row);
    await recordAudit(m, ctx, { entityType: 'Enrollment', entityId: saved.id, action: 'cancelEnrollment', before, after: saved });
    return saved;
  });
}
