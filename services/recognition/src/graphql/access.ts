import {
  accessProfile, Forbidden, headsUnit, NotFound, relationTo, requireUser, roleFacts, unitMembers, type KitContext, type RelationFacts,
} from '@kinerja/subgraph-kit';
import { listsRecordsAcrossUnits, listsRecordsOfUnit, readsImprovementPlans, readsRecords } from '../domain/access';

/**
 * The facts recognition's read rules (domain/access.ts) decide on, loaded per request. Where the
 * caller's own identity settles a rule (self, ADMIN, ANALYST), personnel is not asked.
 */

/** The rule's answer from the caller's identity alone, else from the relation personnel knows. */
async function decide(ctx: KitContext, employeeId: string, rule: (f: RelationFacts) => string | null): Promise<string | null> {
  const me = ctx.identity.employeeId;
  const alone: RelationFacts = { ...roleFacts(ctx), self: !!me && me === employeeId, directSupervisor: false, supervisor: false, unitHead: false, sameUnit: false };
  if (rule(alone) === null) return null;
  return rule(await relationTo(ctx, employeeId));
}

export async function requirePlansOf(ctx: KitContext, employeeId: string): Promise<void> {
  requireUser(ctx);
  const refusal = await decide(ctx, employeeId, readsImprovementPlans);
  if (refusal) throw new Forbidden(refusal);
}

export async function requireRecordsOf(ctx: KitContext, employeeId: string, what: string): Promise<void> {
  requireUser(ctx);
  const refusal = await decide(ctx, employeeId, readsRecords(what));
  if (refusal) throw new Forbidden(refusal);
}

/**
 * The units whose records a list query may show: null for everything (ADMIN, ANALYST), else the
 * requested unit's subtree, or the subtrees of every unit the caller heads.
 */
export async function visibleUnits(ctx: KitContext, unitId: string | null | undefined, what: string): Promise<string[] | null> {
  const me = requireUser(ctx);
  const roles = roleFacts(ctx);
  const broad = roles.admin || roles.analyst;
  if (unitId) {
    // ADMIN and ANALYST need not ask personnel whom they head.
    const refusal = listsRecordsOfUnit(what)({ ...roles, headsNamedUnit: !broad && (await headsUnit(ctx, unitId)), headsSomeUnit: false });
    if (refusal) throw new Forbidden(refusal);
    const tree = await unitMembers(ctx, unitId, true);
    if (!tree) throw new NotFound('OrganizationUnit', unitId);
    return tree.subtreeIds;
  }
  if (broad) return null;
  const viewer = await accessProfile(ctx, me);
  const headOf = viewer?.headOf ?? [];
  const refusal = listsRecordsAcrossUnits(what)({ ...roles, headsNamedUnit: false, headsSomeUnit: headOf.length > 0 });
  if (refusal) throw new Forbidden(refusal);
  const trees = await Promise.all(headOf.map((u) => unitMembers(ctx, u, true)));
  return [...new Set(trees.flatMap((t) => t?.subtreeIds ?? []))];
}
