import { isUuid, requireUserOrService, type KitContext } from '@kinerja/subgraph-kit';
import { canSeeEnrollment } from './access';
import { activityById, competencyById, enrollmentById } from './loaders';

/** `_entities` for each entity this subgraph resolves, batched per request (the stubs': refs.ts). */
export { resolveEmployeeReference, resolveOrganizationUnitReference } from './refs';

export async function resolveCompetencyReference(ref: Record<string, unknown>, ctx: KitContext) {
  requireUserOrService(ctx);
  return isUuid(ref.id) ? competencyById(ctx).load(ref.id) : null;
}

export async function resolveLearningActivityReference(ref: Record<string, unknown>, ctx: KitContext) {
  requireUserOrService(ctx);
  return isUuid(ref.id) ? activityById(ctx).load(ref.id) : null;
}

/** An enrollment resolves only for those who may see it (null otherwise). */
export async function resolveEnrollmentReference(ref: Record<string, unknown>, ctx: KitContext) {
  if (!isUuid(ref.id)) return null;
  const enrollment = await enrollmentById(ctx).load(ref.id);
  if (!enrollment) return null;
  const activity = await activityById(ctx).load(enrollment.activityId);
  return (await canSeeEnrollment(ctx, enrollment, activity)) ? enrollment : null;
}
