import {
  Forbidden, hasRole, headsUnit, NotFound, relationsUnder, relationTo, requireUser, roleFacts, type KitContext, type Relation,
} from '@kinerja/subgraph-kit';
import { readsLearning } from '../domain/access';
import type { EnrollmentRow } from '../entities/enrollment';
import type { LearningActivityRow } from '../entities/learning-activity';

/**
 * Who may do what with learning records (CONTRACT.md, "Who may do what"). Relations come
 * from personnel through the kit's directory, batched per request; never from a copy kept here.
 */

/**
 * A person's learning records (enrollments, learning hours): ADMIN, the employee, supervisors above
 * them, and heads of their unit or a unit above it. ANALYST reads hours (an aggregate), not the
 * enrollments with their scores.
 */
async function learningRefusal(ctx: KitContext, employeeId: string, what: 'hours' | 'enrollments'): Promise<string | null> {
  const viewer = requireUser(ctx);
  // Decided without personnel where identity alone settles it.
  const roles = roleFacts(ctx);
  if (readsLearning(relationsUnder(roles, { self: viewer === employeeId }), what) === null) return null;
  const r = await relationTo(ctx, employeeId);
  return readsLearning({ ...roles, self: r.self, directSupervisor: r.directSupervisor, supervisor: r.supervisor, unitHead: r.unitHead, sameUnit: r.sameUnit }, what);
}

/** domain/access.ts, readsLearning. */
export async function canReadLearningOf(ctx: KitContext, employeeId: string, what: 'hours' | 'enrollments'): Promise<boolean> {
  return (await learningRefusal(ctx, employeeId, what)) === null;
}

export async function requireReadLearningOf(ctx: KitContext, employeeId: string, what: 'hours' | 'enrollments'): Promise<void> {
  const refusal = await learningRefusal(ctx, employeeId, what);
  if (refusal) throw new Forbidden(refusal);
}

/** ADMIN, or the head of the organizer unit (or of a unit above it): domain/access.ts, runsActivity. */
export async function runsActivity(ctx: KitContext, activity: Pick<LearningActivityRow, 'organizerUnitId'>): Promise<boolean> {
  requireUser(ctx);
  return hasRole(ctx, 'ADMIN') || headsUnit(ctx, activity.organizerUnitId);
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
