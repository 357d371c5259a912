import { Forbidden, hasRole, NotFound, relationTo, requireUser, type KitContext, type Relation } from '@kinerja/subgraph-kit';
import { managesPlans, readsPlans } from '../domain/access';

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
    const r = await relationTo(ctx, id);
    return readsPlans({
      admin: r.admin, analyst: r.analyst, self: r.self, directSupervisor: r.directSupervisor, supervisor: r.supervisor, unitHead: r.unitHead, sameUnit: r.sameUnit,
      employeeHasSupervisor: !!r.target?.supervisorChain.length, aboveInOwnChain: !!r.viewer?.supervisorChain.includes(id),
    }) === null;
  }))).load(employeeId);
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
 * Managing a plan (drafting goals, recording realizations): the employee, a supervisor above them,
 * or ADMIN. ANALYST reads only; a unit head reads only unless they are also in the chain.
 */
export async function requireManagePlansOf(ctx: KitContext, employeeId: string, what: string): Promise<Relation & { target: NonNullable<Relation['target']> }> {
  const r = await relationToExisting(ctx, employeeId);
  // The guard (domain/access.ts, managesPlans) decided this before the input was read; the write keeps the relation.
  const refusal = managesPlans(what)(r);
  if (refusal) throw new Forbidden(refusal);
  return r;
}
