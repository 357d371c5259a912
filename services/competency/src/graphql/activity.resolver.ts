import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInput, Guard, isUuid, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import { ActivityKind } from '../domain/enums';
import './enums';
import { yearProblem, yearRange } from '../domain/learning-hours';
import type { CompetencyRow } from '../entities/competency';
import type { EnrollmentRow } from '../entities/enrollment';
import type { LearningActivityRow } from '../entities/learning-activity';
import { createLearningActivity } from '../competency';
import { canSeeEnrollment, runsActivity } from './access';
import { LearningActivityInput } from './inputs';
import { ACTIVITY_COLUMNS, competenciesOfActivity, enrollmentsOfActivity, seatsTaken, unitsOfActivity } from './loaders';
import { OrganizationUnitRef, unitStub } from './refs';
import { Competency, Enrollment, LearningActivity } from './types';
import { activityCreator } from './guards';

export function checkYear(year: number): void {
  const problem = yearProblem(year);
  if (problem) throw new BadInput('year', problem);
}

@Resolver(() => LearningActivity)
export class LearningActivityResolver {
  @Query(() => [LearningActivity], { description: 'Activities taking place (at least partly) in the year; unitId: those the unit takes part in' })
  async learningActivities(
    @Ctx() ctx: KitContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
    @Arg('kind', () => ActivityKind, { nullable: true }) kind?: ActivityKind | null,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string | null,
  ): Promise<LearningActivityRow[]> {
    requireUser(ctx);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      let text = sql;
      for (const v of values) {
        params.push(v);
        text = text.replace('?', `$${params.length}`);
      }
      where.push(text);
    };
    if (year !== null && year !== undefined) {
      checkYear(year);
      const [from, to] = yearRange(year);
      add('a.starts_on < ?::date AND a.ends_on >= ?::date', to, from);
    }
    if (kind) add('a.kind = ?', kind);
    if (unitId) {
      if (!isUuid(unitId)) throw new BadInput('unitId', 'must be an organization unit id');
      add('EXISTS (SELECT 1 FROM activity_unit au WHERE au.activity_id = a.id AND au.unit_id = ?::uuid)', unitId);
    }
    return ctx.dataSource.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM learning_activity a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.starts_on, a.title, a.id LIMIT 1000`, params);
  }

  @FieldResolver(() => OrganizationUnitRef)
  organizerUnit(@Root() activity: LearningActivityRow): OrganizationUnitRef {
    return unitStub(activity.organizerUnitId);
  }

  @FieldResolver(() => [OrganizationUnitRef], { description: 'The organizer first' })
  async participatingUnits(@Root() activity: LearningActivityRow, @Ctx() ctx: KitContext): Promise<OrganizationUnitRef[]> {
    return (await unitsOfActivity(ctx).load(activity.id)).map(unitStub);
  }

  @FieldResolver(() => [Competency])
  async competencies(@Root() activity: LearningActivityRow, @Ctx() ctx: KitContext): Promise<CompetencyRow[]> {
    return competenciesOfActivity(ctx).load(activity.id);
  }

  @FieldResolver(() => Int, { description: 'Seats taken: enrollments that are not CANCELLED' })
  async seatsTaken(@Root() activity: LearningActivityRow, @Ctx() ctx: KitContext): Promise<number> {
    return seatsTaken(ctx).load(activity.id);
  }

  @FieldResolver(() => [Enrollment], {
    description: 'All of them for ADMIN and the organizer unit\'s head; otherwise those of people the caller may read (self, subordinates, staff of units they head)',
  })
  async enrollments(@Root() activity: LearningActivityRow, @Ctx() ctx: KitContext): Promise<EnrollmentRow[]> {
    requireUser(ctx);
    const all = await enrollmentsOfActivity(ctx).load(activity.id);
    if (await runsActivity(ctx, activity)) return all;
    const visible = await Promise.all(all.map((e) => canSeeEnrollment(ctx, e, null)));
    return all.filter((_, i) => visible[i]);
  }

  @Mutation(() => LearningActivity, { description: 'ADMIN or the head of the organizer unit' })
  @Guard(activityCreator)
  async createLearningActivity(@Ctx() ctx: KitContext, @Arg('input', () => LearningActivityInput) input: LearningActivityInput): Promise<LearningActivityRow> {
    return createLearningActivity(ctx, input);
  }
}
