import { Forbidden, hasRole, NotFound, relationTo, requireUser, type KitContext, type Relation } from '@kinerja/subgraph-kit';
import { managesPlans, readsPlans, type PlanFacts } from '../domain/access';

/**
 * Who may read and manage plans (CONTRACT.md, "Who may do what"). Relations come from personnel
 * through the kit's directory, batched per request; never from a copy kept here.
 */

/**
 * Reading a plan: ADMIN and ANALYST all; the employee; supervisors above them; heads of their unit
 * or a unit above it. Employees also read the plans above them in their own chain, because their
 * goals cascade from those (DOMAIN.md); a colleague's plan stays hidden.
 */
export async function canReadPlansOf(ctx: KitContext, employeeId: string): Promise<boolean> {
  const viewer = requireUser(ctx);
  // One batch per tick: every answer of a batch arrives together, so the loads that follow batch too.
  return ctx.loaders.get<string, boolean>('canReadPlansOf', (ids) => Promise.all(ids.map(async (id) => {
    // Decided without personnel where identity alone settles it.
    if (viewer === id || hasRole(ctx, 'ADMIN', 'ANALYST')) return true;
    return readsPlans(planFactsFrom(await relationTo(ctx, id), id)) === null;
  }))).load(employeeId);
}

/** The facts domain/access.ts's plan rules decide on, from the caller's relation to the plan's employee. */
export function planFactsFrom(r: Relation, employeeId: string): PlanFacts {
  return {
    admin: r.admin, analyst: r.analyst, self: r.self, directSupervisor: r.directSupervisor, supervisor: r.supervisor, unitHead: r.unitHead, sameUnit: r.sameUnit,
    employeeHasSupervisor: !!r.target?.supervisorChain.length, aboveInOwnChain: !!r.viewer?.supervisorChain.includes(employeeId),
  };
}

export async function requireReadPlansOf(ctx: KitContext, employeeId: string): Promise<void> {
  if (!(await canReadPlansOf(ctx, employeeId))) {
    throw new Forbidden('Only the employee, their supervisors, the heads of their unit, ADMIN and ANALYST may read this plan');
  }
}

/** The relation of the caller to an employee who must exist. */
export async function relationToExisting(ctx: KitContext, employeeId: string): Promise<Relation & { target: NonNullable<Relation['target']> }> {
  requireUser(ctx);
  const r = await relationTo(ctx, employeeId);
  if (!r.target) throw new NotFound('Employee', employeeId);
  return r as Relation & { target: NonNullable<Relation['target']> };
}

/**
 * Managing a plan, for the evidence upload route (files.ts), which no resolver's guard covers; the
 * GraphQL writes are decided by their guards (graphql/guards.ts). The rule is domain/access.ts's.
 */
export async function requireManagePlansOf(ctx: KitContext, employeeId: string, what: string): Promise<Relation & { target: NonNullable<Relation['target']> }> {
  const r = await relationToExisting(ctx, employeeId);
  const refusal = managesPlans(what)(r);
  if (refusal) throw new Forbidden(refusal);
  return r;
}
