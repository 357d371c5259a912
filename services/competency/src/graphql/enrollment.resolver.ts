import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Resolver, Root } from 'type-graphql';
import { DateScalar, Guard, type KitContext } from '@kinerja/subgraph-kit';
import type { EnrollmentRow } from '../entities/enrollment';
import type { LearningActivityRow } from '../entities/learning-activity';
import { cancelEnrollment, completeEnrollment, enroll, recordAttendance } from '../competency';
import { activityById } from './loaders';
import { EmployeeRef, employeeStub } from './refs';
import { Enrollment, LearningActivity } from './types';
import { activityRunner, enroller, enrollmentCanceller } from './guards';

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @FieldResolver(() => LearningActivity)
  async activity(@Root() enrollment: EnrollmentRow, @Ctx() ctx: KitContext): Promise<LearningActivityRow | null> {
    return activityById(ctx).load(enrollment.activityId);
  }

  @FieldResolver(() => EmployeeRef)
  employee(@Root() enrollment: EnrollmentRow): EmployeeRef {
    return employeeStub(enrollment.employeeId);
  }

  @Mutation(() => Enrollment, {
    description: 'Yourself where the activity is open to your unit; a subordinate as their supervisor; anyone as ADMIN. Refuses over capacity, duplicates and ended activities.',
  })
  @Guard(enroller)
  async enroll(@Ctx() ctx: KitContext, @Arg('activityId', () => ID) activityId: string, @Arg('employeeId', () => ID) employeeId: string): Promise<EnrollmentRow> {
    return enroll(ctx, activityId, employeeId);
  }

  @Mutation(() => Enrollment, { description: 'The organizer unit\'s head or ADMIN, once the activity has started; corrections allowed until completion' })
  @Guard(activityRunner)
  async recordAttendance(@Ctx() ctx: KitContext, @Arg('enrollmentId', () => ID) enrollmentId: string, @Arg('attended', () => Boolean) attended: boolean): Promise<EnrollmentRow> {
    return recordAttendance(ctx, enrollmentId, attended);
  }

  @Mutation(() => Enrollment, {
    description: 'The organizer unit\'s head or ADMIN, after attendance. Credits the JP in the year of completedOn (default: the activity\'s last day, or today if earlier).',
  })
  @Guard(activityRunner)
  async completeEnrollment(
    @Ctx() ctx: KitContext,
    @Arg('enrollmentId', () => ID) enrollmentId: string,
    @Arg('score', () => Float, { nullable: true }) score?: number | null,
    @Arg('completedOn', () => DateScalar, { nullable: true }) completedOn?: string | null,
  ): Promise<EnrollmentRow> {
    return completeEnrollment(ctx, enrollmentId, score ?? null, completedOn ?? null);
  }

  @Mutation(() => Enrollment, { description: 'Before the activity starts: the employee, a supervisor above them, the organizer unit\'s head or ADMIN' })
  @Guard(enrollmentCanceller)
  async cancelEnrollment(@Ctx() ctx: KitContext, @Arg('enrollmentId', () => ID) enrollmentId: string): Promise<EnrollmentRow> {
    return cancelEnrollment(ctx, enrollmentId);
  }
}
