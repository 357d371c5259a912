import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { KitContext } from '@kinerja/subgraph-kit';
import type { PerformancePlanRow } from '../entities/performance-plan';
import { requireReadPlansOf } from './access';
import { EmployeeRef } from './employee-ref';
import { planByEmployeeYear, plansByEmployee } from './loaders';
import { PerformancePlan } from './types';

/** Goals' fields on personnel's Employee. */
@Resolver(() => EmployeeRef)
export class EmployeePlansResolver {
  @FieldResolver(() => PerformancePlan, { nullable: true, description: 'The SKP for a year; null when none was created' })
  async performancePlan(
    @Root() employee: EmployeeRef,
    @Ctx() ctx: KitContext,
    @Arg('year', () => Int) year: number,
  ): Promise<PerformancePlanRow | null> {
    await requireReadPlansOf(ctx, employee.id);
    return planByEmployeeYear(ctx).load(`${employee.id}|${year}`);
  }

  @FieldResolver(() => [PerformancePlan], { description: 'Every SKP of the employee, newest year first' })
  async performancePlans(@Root() employee: EmployeeRef, @Ctx() ctx: KitContext): Promise<PerformancePlanRow[]> {
    await requireReadPlansOf(ctx, employee.id);
    return plansByEmployee(ctx).load(employee.id);
  }
}
