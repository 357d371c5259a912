import {
  defineGuard, headsUnit, isUuid, loadById, relationFacts, relationGuard, relationsUnder, roleFacts, roleGuard, SUBJECT_NOT_FOUND, type KitContext,
} from '@kinerja/subgraph-kit';
import { cancelsEnrollment, createsActivity, enrolls, keepsCatalogue, runsActivity, type OrganizerFacts } from '../domain/access';
import { EnrollmentRow } from '../entities/enrollment';
import { LearningActivityRow } from '../entities/learning-activity';

/**
 * The guards competency's resolvers declare (rules in domain/access.ts). Where the activity or
 * enrollment is not found, the resolver answers NOT_FOUND: any employee may head some unit.
 */
const anyone = () => true;

async function organizerFacts(ctx: KitContext, organizerUnitId: unknown): Promise<OrganizerFacts> {
  const roles = roleFacts(ctx);
  const headsOrganizer = !roles.admin && isUuid(organizerUnitId) ? await headsUnit(ctx, organizerUnitId) : false;
  return { ...roles, headsOrganizer };
}

/** Read through the kit's own loaders, never the resolvers': a row cached before the write would answer the response. */
async function enrollmentOf(ctx: KitContext, enrollmentId: unknown) {
  const enrollment = await loadById(ctx, EnrollmentRow, enrollmentId);
  const activity = enrollment ? await loadById(ctx, LearningActivityRow, enrollment.activityId) : null;
  return enrollment && activity ? { enrollment, activity } : null;
}

export const catalogueKeeper = roleGuard('keepsCatalogue', keepsCatalogue);

export const activityCreator = defineGuard({
  name: 'createsActivity',
  rule: createsActivity,
  facts: (ctx, args) => organizerFacts(ctx, (args.input as { organizerUnitId?: unknown } | undefined)?.organizerUnitId),
});

export const activityRunner = defineGuard({
  name: 'runsActivity',
  rule: runsActivity,
  facts: async (ctx, args) => {
    const found = await enrollmentOf(ctx, args.enrollmentId);
    return found ? organizerFacts(ctx, found.activity.organizerUnitId) : SUBJECT_NOT_FOUND;
  },
  mayUnderSomeSubject: anyone,
});

export const enroller = relationGuard('enrolls', enrolls, (a) => a.employeeId);

export const enrollmentCanceller = defineGuard({
  name: 'cancelsEnrollment',
  rule: cancelsEnrollment,
  facts: async (ctx, args) => {
    const found = await enrollmentOf(ctx, args.enrollmentId);
    if (!found) return SUBJECT_NOT_FOUND;
    // The person may have left personnel's records: then the organizer's head or ADMIN only.
    const relation = await relationFacts(ctx, found.enrollment.employeeId);
    const base = relation === SUBJECT_NOT_FOUND ? relationsUnder(roleFacts(ctx), {}) : relation;
    return { ...base, ...(await organizerFacts(ctx, found.activity.organizerUnitId)) };
  },
  mayUnderSomeSubject: anyone,
});
