import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { registerEnumType } from 'type-graphql';
import { BadInput, Conflict, Forbidden, groupByKey, Guard, hasRole, isUuid, NotFound, recordAudit, type KitContext } from '@kinerja/subgraph-kit';
import { readsRoles } from '../domain/access';
import { decideGrant, decideRevoke, GRANTED_ROLES, Role } from '../domain/roles';
import { EmployeeRow } from '../entities/employee';
import { EmployeeRoleRow } from '../entities/employee-role';
import { Employee } from './employee';
import { recordKeeper } from './guards';

registerEnumType(Role, { name: 'Role', description: 'Granted roles; EMPLOYEE is everyone signed in' });


/** Roles of employees, batched per request, in a stable order (ADMIN, ANALYST). */
export function rolesOf(ctx: KitContext) {
  return ctx.loaders.get<string, Role[]>('rolesOf', async (ids) => {
    const rows = await ctx.dataSource.getRepository(EmployeeRoleRow)
      .createQueryBuilder('r').where('r.employee_id = ANY(:ids)', { ids: [...ids] }).getMany();
    return groupByKey(ids, rows, (r) => r.employeeId).map((list) => GRANTED_ROLES.filter((role) => list.some((r) => r.role === role)));
  });
}

async function changeRole(ctx: KitContext, employeeId: string, role: Role, grant: boolean): Promise<EmployeeRow> {
  if (!GRANTED_ROLES.includes(role)) throw new BadInput('role', 'must be ADMIN or ANALYST');
  if (!isUuid(employeeId)) throw new NotFound('Employee', employeeId);
  const action = grant ? 'grantRole' : 'revokeRole';
  return ctx.dataSource.transaction(async (m) => {
    // One role change at a time, so two ADMINs revoking each other cannot both succeed.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('personnel.employee_role'))`);
    const employee = await m.findOneBy(EmployeeRow, { id: employeeId });
    if (!employee) throw new NotFound('Employee', employeeId);
    const held = (await m.findBy(EmployeeRoleRow, { employeeId })).map((r) => r.role);
    const holds = held.includes(role);
    let decision;
    if (grant) {
      decision = decideGrant(holds, employee.status);
    } else {
      const [{ n }] = await m.query(
        `SELECT count(*)::int AS n FROM employee_role r JOIN employee e ON e.id = r.employee_id WHERE r.role = 'ADMIN' AND e.status = 'ACTIVE'`,
      ) as [{ n: number }];
      decision = decideRevoke(role, holds, n, employee.status);
    }
    if (decision.kind === 'refused') {
      if (decision.reason === 'LAST_ADMIN') throw new Conflict(decision.message, { reason: decision.reason, field: 'role', messageId: decision.messageId });
      throw new BadInput('employeeId', decision.message.replace(/^employeeId: /, ''), decision.messageId);
    }
    if (decision.kind === 'apply') {
      if (grant) await m.insert(EmployeeRoleRow, { employeeId, role, grantedBy: ctx.identity.employeeId ?? null });
      else await m.delete(EmployeeRoleRow, { employeeId, role });
      const after = grant ? GRANTED_ROLES.filter((r) => r === role || held.includes(r)) : held.filter((r) => r !== role);
      await recordAudit(m, ctx, { entityType: 'Employee', entityId: employeeId, action, before: { roles: held }, after: { roles: after } });
    }
    return employee;
  });
}

@Resolver(() => Employee)
export class EmployeeRoleResolver {
  @FieldResolver(() => [Role], { description: 'Granted roles. Visible to ADMIN and the employee themself.' })
  async roles(@Root() employee: EmployeeRow, @Ctx() ctx: KitContext): Promise<Role[]> {
    // The gateway and identity read roles with a signed service identity, to authorize a sign-in.
    const refusal = ctx.identity.service ? null : readsRoles({ admin: hasRole(ctx, 'ADMIN'), self: ctx.identity.employeeId === employee.id });
    if (refusal) throw new Forbidden(refusal);
    return rolesOf(ctx).load(employee.id);
  }

  @Mutation(() => Employee, { description: 'ADMIN. Grants ADMIN or ANALYST to an active employee; audited.' })
  @Guard(recordKeeper)
  async grantRole(@Ctx() ctx: KitContext, @Arg('employeeId', () => ID) employeeId: string, @Arg('role', () => Role) role: Role) {
    return changeRole(ctx, employeeId, role, true);
  }

  @Mutation(() => Employee, { description: 'ADMIN. Revokes a role; the last active ADMIN cannot be revoked (CONFLICT); audited.' })
  @Guard(recordKeeper)
  async revokeRole(@Ctx() ctx: KitContext, @Arg('employeeId', () => ID) employeeId: string, @Arg('role', () => Role) role: Role) {
    return changeRole(ctx, employeeId, role, false);
  }
}
