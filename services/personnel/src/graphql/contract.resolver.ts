import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInput, DateScalar, Forbidden, type KitContext, Guard } from '@kinerja/subgraph-kit';
import { endingBy } from '../domain/contract';
import { regencyToday } from '../domain/dates';
import { ContractStatus, EmploymentType } from '../domain/enums';
import './enums';
import type { EmployeeRow } from '../entities/employee';
import { WorkContractRow } from '../entities/work-contract';
import { endContract, renewContract } from '../personnel';
import { canSeeBirthDate } from './access';
import { Employee, WorkContract } from './employee';
import { contractsOf } from './loaders';
import { recordKeeper } from './guards';

/** Contracts: ADMIN, the employee, their supervisor chain, and other subgraphs (competency's 24 JP ceiling). */
async function requireContractReader(ctx: KitContext, employeeId: string): Promise<void> {
  if (ctx.identity.service) return;
  if (!(await canSeeBirthDate(ctx, employeeId))) {
    throw new Forbidden('Work contracts are visible only to ADMIN, the employee and their supervisors');
  }
}

@Resolver(() => Employee)
export class ContractResolver {
  @FieldResolver(() => WorkContract, { nullable: true, description: 'PPPK only: the contract in force (or the last one, once ended). ADMIN, the employee and their supervisors.' })
  async contract(@Root() employee: EmployeeRow, @Ctx() ctx: KitContext): Promise<WorkContractRow | null> {
    // Authorized first, so who may read contracts does not depend on whether there is one.
    const [, list] = await Promise.all([requireContractReader(ctx, employee.id), contractsOf(ctx).load(employee.id)]);
    return employee.employmentType === EmploymentType.PPPK ? list[0] ?? null : null;
  }

  @FieldResolver(() => [WorkContract], { description: 'Every work contract, newest first. ADMIN, the employee and their supervisors.' })
  async contracts(@Root() employee: EmployeeRow, @Ctx() ctx: KitContext): Promise<WorkContractRow[]> {
    const [, list] = await Promise.all([requireContractReader(ctx, employee.id), contractsOf(ctx).load(employee.id)]);
    return list;
  }

  @Query(() => [Employee], {
    description: 'ADMIN. PPPK whose contract in force ends within withinDays of today (WIB), soonest first; '
      + 'contracts already past their end with no renewal or end recorded are included (PP 49/2018 art. 37).',
  })
  @Guard(recordKeeper)
  async contractsEnding(
    @Ctx() ctx: KitContext,
    @Arg('withinDays', () => Int, { nullable: true, defaultValue: 90 }) withinDays: number | null,
  ): Promise<EmployeeRow[]> {
    const until = endingBy(regencyToday(), withinDays ?? 90);
    if (typeof until !== 'string') throw new BadInput(until.field, until.message, until.messageId);
    const rows: EmployeeRow[] = await ctx.dataSource.query(`
      SELECT e.id, e.nip, e.name, e.gender, e.birth_date::text AS "birthDate", e.employment_type AS "employmentType",
             e.grade, e.pppk_grade AS "pppkGrade", e.position_title AS "positionTitle", e.position_kind AS "positionKind",
             e.unit_id AS "unitId", e.supervisor_id AS "supervisorId", e.status, e.version
        FROM work_contract c JOIN employee e ON e.id = c.employee_id
       WHERE c.status = $1 AND c.ends_on <= $2::date AND e.employment_type = 'PPPK'
       ORDER BY c.ends_on, e.name, e.id`, [ContractStatus.ACTIVE, until]);
    return rows;
  }

  @Mutation(() => Employee, { description: 'ADMIN. The next contract starts the day after the current one ends and runs 1 to 5 years (PP 49/2018 art. 37).' })
  @Guard(recordKeeper)
  async renewContract(
    @Ctx() ctx: KitContext,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('endsOn', () => DateScalar) endsOn: string,
    @Arg('number', () => String) number: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<EmployeeRow> {
    return renewContract(ctx, employeeId, { endsOn, number, reason });
  }

  @Mutation(() => Employee, { description: 'ADMIN. The contract in force is not renewed (or ends early): it ends on endsOn, no later than its term.' })
  @Guard(recordKeeper)
  async endContract(
    @Ctx() ctx: KitContext,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('endsOn', () => DateScalar) endsOn: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<EmployeeRow> {
    return endContract(ctx, employeeId, { endsOn, reason });
  }
}
