import { Forbidden, hasRole, headsUnit, NotFound, relationTo, requireUser, type KitContext, type Relation } from '@kinerja/subgraph-kit';
import type { EnrollmentRow } from '../entities/enrollment';
import type { LearningActivityRow } from '../entities/learning-activity';

/**
 * Who may do what with learning records (CONTRACT.md, "Who may do what"; issue 4). Relations come
 * from personnel through the kit's directory, batched per request; never from a copy kept here.
 */

/**
 * A person's learning records (enrollments, learning hours): ADMIN, the employee, supervisors above
 * them, and heads of their unit or a unit above it. ANALYST reads hours (an aggregate), not the
 * enrollments with their scores.
 */
export async function canReadLearningOf(ctx: KitContext, employeeId: string, what: 'hours' | 'enrollments'): Promise<boolean> {
  const viewer = requireUser(ctx);
  if (viewer === employeeId || hasRole(ctx, 'ADMIN')) return true;
  if (what === 'hours' && hasRole(ctx, 'ANALYST')) return true;
  const r = await relationTo(ctx, employeeId);
  return r.supervisor || r.unitHead;
}

export async function requireReadLearningOf(ctx: KitContext, employeeId: string, what: 'hours' | 'enrollments'): Promise<void> {
  if (!(await canReadLearningOf(ctx, employeeId, what))) {
    throw new Forbidden(`Only the employee, their supervisors, the heads of their unit${what === 'hours' ? ', ANALYST' : ''} and ADMIN may read their learning ${what}`);
  }
}

/** ADMIN, or the head of the organizer unit (or of a unit above it). */
export async function runsActivity(ctx: KitContext, activity: Pick<LearningActivityRow, 'organizerUnitId'>): Promise<boolean> {
  requireUser(ctx);
  return hasRole(ctx, 'ADMIN') || headsUnit(ctx, activity.organizerUnitId);
}

/** Attendance and completion are recorded by the organizer unit's head or ADMIN (issue 4). */
export async function requireRunsActivity(ctx: KitContext, activity: Pick<LearningActivityRow, 'organizerUnitId'>, what: string): Promise<void> {
  if (!(await runsActivity(ctx, activity))) throw new Forbidden(`Only the head of the organizer unit or ADMIN may ${what}`);
}

/** An enrollment is visible to whoever runs its activity and to whoever may read the person's learning. */
export async function canSeeEnrollment(ctx: KitContext, enrollment: EnrollmentRow, activity: LearningActivityRow | null): Promise<boolean> {
  if (activity && (await runsActivity(ctx, activity))) return true;
  return canReadLearningOf(ctx, enrollment.employeeId, 'enrollments');
}

/** The caller's relation to an employee who must exist (BAD_USER_INPUT naming the field otherwise). */
export async function relationToEmployee(ctx: KitContext, employeeId: string): Promise<Relation & { target: NonNullable<Relation['target']> }> {
  requireUser(ctx);
  const r = await relationTo(ctx, employeeId);
  if (!r.target) throw new NotFound('Employee', employeeId);
  return r as Relation & { target: NonNullable<Relation['target']> };
}
