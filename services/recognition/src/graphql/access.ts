import {
  accessProfile, Forbidden, hasRole, headsUnit, NotFound, relationTo, requireUser, unitMembers, type KitContext,
} from '@kinerja/subgraph-kit';

/**
 * CONTRACT.md, "Who may do what": an employee reads their own decisions, awards and sanctions;
 * a unit head those of the unit and its sub-units; ADMIN everything; ANALYST decisions across units.
 */
export async function canReadRecordsOf(ctx: KitContext, employeeId: string): Promise<boolean> {
  const me = ctx.identity.employeeId;
  if (!me) return false;
  if (me === employeeId || hasRole(ctx, 'ADMIN', 'ANALYST')) return true;
  return (await relationTo(ctx, employeeId)).unitHead;
}

/** Improvement plans: as other records, and also the supervisors up the employee's chain (the owner among them). */
export async function requirePlansOf(ctx: KitContext, employeeId: string): Promise<void> {
  const me = requireUser(ctx);
  if (me === employeeId || hasRole(ctx, 'ADMIN', 'ANALYST')) return;
  const relation = await relationTo(ctx, employeeId);
  if (!relation.unitHead && !relation.supervisor) {
    throw new Forbidden('Improvement plans are visible only to the employee, their supervisors, the heads of their unit, ADMIN and ANALYST');
  }
}

export async function requireRecordsOf(ctx: KitContext, employeeId: string, what: string): Promise<void> {
  requireUser(ctx);
  if (!(await canReadRecordsOf(ctx, employeeId))) {
    throw new Forbidden(`${what} are visible only to the employee, the heads of their unit, ADMIN and ANALYST`);
  }
}

/**
 * The units whose records a list query may show: null for everything (ADMIN, ANALYST), else the
 * requested unit's subtree, or the subtrees of every unit the caller heads.
 */
export async function visibleUnits(ctx: KitContext, unitId: string | null | undefined, what: string): Promise<string[] | null> {
  const me = requireUser(ctx);
  const broad = hasRole(ctx, 'ADMIN', 'ANALYST');
  if (unitId) {
    if (!broad && !(await headsUnit(ctx, unitId))) throw new Forbidden(`${what} of a unit are visible only to its heads, ADMIN and ANALYST`);
    const tree = await unitMembers(ctx, unitId, true);
    if (!tree) throw new NotFound('OrganizationUnit', unitId);
    return tree.subtreeIds;
  }
  if (broad) return null;
  const viewer = await accessProfile(ctx, me);
  if (!viewer || viewer.headOf.length === 0) throw new Forbidden(`${what} are listed only for unit heads, ADMIN and ANALYST; see your own on Employee`);
  const trees = await Promise.all(viewer.headOf.map((u) => unitMembers(ctx, u, true)));
  return [...new Set(trees.flatMap((t) => t?.subtreeIds ?? []))];
}
