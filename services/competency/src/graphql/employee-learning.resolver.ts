import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { accessProfile, type KitContext } from '@kinerja/subgraph-kit';
import { contractYearsIn, learningHours, PPPK_CEILING_HOURS, requiredHours } from '../domain/learning-hours';
import { contractTermsOf, countedHours, rangeKey } from './contract-years';
import type { EnrollmentRow } from '../entities/enrollment';
import { settingsOf } from '../settings';
import { requireReadLearningOf } from './access';
import { checkYear } from './activity.resolver';
import { completedHours, enrollmentsOfEmployee } from './loaders';
import { EmployeeRef } from './refs';
import { ContractYearHours, Enrollment, LearningHours } from './types';

@Resolver(() => EmployeeRef)
export class EmployeeLearningResolver {
  @FieldResolver(() => [Enrollment], { description: 'With a year: activities taking place in it, or completed in it' })
  async enrollments(
    @Root() employee: EmployeeRef,
    @Ctx() ctx: KitContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<EnrollmentRow[]> {
    if (year !== null && year !== undefined) checkYear(year);
    // Loads start with the check, in the same tick for every employee, so the batch stays one statement.
    const [, rows] = await Promise.all([requireReadLearningOf(ctx, employee.id, 'enrollments'), enrollmentsOfEmployee(ctx, year ?? null).load(employee.id)]);
    return rows;
  }

  @FieldResolver(() => LearningHours, { description: 'JP completed in the year (by completedOn): PNS against the 20 JP they are owed; PPPK against the 24 JP ceiling per contract year' })
  async learningHours(@Root() employee: EmployeeRef, @Ctx() ctx: KitContext, @Arg('year', () => Int) year: number): Promise<LearningHours> {
    checkYear(year);
    // employmentType comes from personnel's directory, batched with every other profile this request;
    // loads start with the check, in the same tick for every employee, so each batch stays one call.
    const [, hours, profile] = await Promise.all([
      requireReadLearningOf(ctx, employee.id, 'hours'), completedHours(ctx, year).load(employee.id), accessProfile(ctx, employee.id),
    ]);
    const required = requiredHours(profile?.employmentType, settingsOf(ctx).pppkRequiredHours);
    const pppk = profile?.employmentType === 'PPPK';
    // contractYears is resolved only when asked (below): a list asking for completedHours costs no more for PPPK.
    return Object.assign(new LearningHours(), learningHours(year, hours, required, pppk ? { ceiling: PPPK_CEILING_HOURS, years: [] } : undefined), {
      employeeId: employee.id, pppk,
    });
  }
}

@Resolver(() => LearningHours)
export class LearningHoursResolver {
  @FieldResolver(() => [ContractYearHours], { description: 'PPPK: the contract years overlapping this year, oldest first, against the 24 JP ceiling; empty for PNS' })
  async contractYears(@Root() h: LearningHours, @Ctx() ctx: KitContext): Promise<ContractYearHours[]> {
    if (!h.pppk) return [];
    const years = contractYearsIn(h.year, await contractTermsOf(ctx).load(h.employeeId));
    const counts = await Promise.all(years.map((y) => countedHours(ctx).load(rangeKey(h.employeeId, y))));
    return learningHours(h.year, h.completedHours, h.requiredHours, {
      ceiling: PPPK_CEILING_HOURS, years: years.map((y, i) => ({ ...y, completed: counts[i]!.completed, counted: counts[i]!.counted })),
    }).contractYears;
  }
}
