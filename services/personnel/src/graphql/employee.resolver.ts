import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInput, DateScalar, Forbidden, NotFound, type KitContext, Guard } from '@kinerja/subgraph-kit';
import { EmployeeStatus } from '../domain/enums';
import './enums';
import { normalizeNip } from '../domain/nip';
import type { EmployeeRow } from '../entities/employee';
import { canSeeBirthDate, requireReader } from './access';
import { EmployeeConnection } from './connections';
import { Employee } from './employee';
import { listEmployees } from './employee-list';
import { RegisterEmployeeInput, UpdateEmployeeInput } from './inputs';
import { employeeById, employeeByNip, subordinatesOf, unitTree } from './loaders';
import { OrganizationUnit } from './organization-unit';
import { registerEmployee, transferEmployee, updateEmployee } from '../personnel';
import { recordKeeper } from './guards';

@Resolver(() => Employee)
export class EmployeeResolver {
  @Query(() => Employee, { nullable: true, description: 'The signed-in employee' })
  async me(@Ctx() ctx: KitContext): Promise<EmployeeRow | null> {
    const id = requireReader(ctx);
    return employeeById(ctx).load(id);
  }

  @Query(() => Employee, { nullable: true, description: 'By id or by NIP (spaces allowed)' })
  async employee(
    @Ctx() ctx: KitContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('nip', () => String, { nullable: true }) nip?: string,
  ): Promise<EmployeeRow | null> {
    requireReader(ctx);
    if ((id ? 1 : 0) + (nip ? 1 : 0) !== 1) throw new BadInput('id', 'give exactly one of id or nip');
    if (id) return /^[0-9a-f-]{36}$/i.test(id) ? employeeById(ctx).load(id) : null;
    return employeeByNip(ctx).load(normalizeNip(nip as string));
  }

  @Query(() => EmployeeConnection, { description: 'The directory, ordered by name; search matches a name part or a NIP prefix' })
  async employees(
    @Ctx() ctx: KitContext,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('status', () => EmployeeStatus, { nullable: true }) status?: EmployeeStatus,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('includeSubunits', () => Boolean, { nullable: true, defaultValue: false }) includeSubunits?: boolean,
  ) {
    requireReader(ctx);
    if (search && search.length > 100) throw new BadInput('search', 'must be at most 100 characters');
    let unitIds: string[] | undefined;
    if (unitId) {
      const tree = await unitTree(ctx);
      if (!tree.byId.has(unitId)) throw new NotFound('OrganizationUnit', unitId);
      unitIds = includeSubunits ? tree.subtree(unitId) : [unitId];
    }
    return listEmployees(ctx, { unitIds, search, status, first, after });
  }

  @FieldResolver(() => DateScalar, { description: 'Visible to ADMIN, the person and their supervisor chain' })
  async birthDate(@Root() employee: EmployeeRow, @Ctx() ctx: KitContext): Promise<string> {
    if (!(await canSeeBirthDate(ctx, employee.id))) {
      throw new Forbidden('birthDate is visible only to ADMIN, the employee and their supervisors');
    }
    return employee.birthDate;
  }

  @FieldResolver(() => OrganizationUnit)
  async unit(@Root() employee: EmployeeRow, @Ctx() ctx: KitContext) {
    const tree = await unitTree(ctx);
    return tree.byId.get(employee.unitId);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'The direct supervisor (pejabat penilai kinerja)' })
  async supervisor(@Root() employee: EmployeeRow, @Ctx() ctx: KitContext) {
    return employee.supervisorId ? employeeById(ctx).load(employee.supervisorId) : null;
  }

  @FieldResolver(() => [Employee])
  async subordinates(@Root() employee: EmployeeRow, @Ctx() ctx: KitContext) {
    return subordinatesOf(ctx).load(employee.id);
  }

  @Mutation(() => Employee, { description: 'ADMIN. The NIP must be in the layout of employmentType and agree with birth date and gender; a PPPK needs pppkGrade and contract.' })
  @Guard(recordKeeper)
  async registerEmployee(@Ctx() ctx: KitContext, @Arg('input', () => RegisterEmployeeInput) input: RegisterEmployeeInput) {
    return registerEmployee(ctx, input);
  }

  @Mutation(() => Employee, { description: 'ADMIN. Unit and supervisor change through transferEmployee.' })
  @Guard(recordKeeper)
  async updateEmployee(
    @Ctx() ctx: KitContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEmployeeInput) input: UpdateEmployeeInput,
  ) {
    return updateEmployee(ctx, id, input);
  }

  @Mutation(() => Employee, { description: 'ADMIN. Without supervisorId the new unit\'s head becomes the supervisor.' })
  @Guard(recordKeeper)
  async transferEmployee(
    @Ctx() ctx: KitContext,
    @Arg('id', () => ID) id: string,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('supervisorId', () => ID, { nullable: true }) supervisorId?: string,
  ) {
    return transferEmployee(ctx, id, unitId, supervisorId ?? null);
  }
}
