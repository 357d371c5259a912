import { getMetadataStorage, UseMiddleware } from 'type-graphql';
import type { KitContext } from './context';
import { hasRole } from './context';
import { relationTo } from './directory';
import { Forbidden, Unauthenticated } from './errors';

/**
 * Who-may, declared on each resolver (STYLE.md, twenty's `@UseGuards`): `@Guard(rule)` runs as a
 * type-graphql middleware, and type-graphql runs middlewares before it converts and validates the
 * arguments, so a caller without the right gets FORBIDDEN whatever the input.
 */

/** What every caller is, from the signed identity alone. */
export interface RoleFacts {
  admin: boolean;
  analyst: boolean;
}

/** How the caller stands to one employee (the relations CONTRACT.md's "Who may do what" names). */
export interface RelationFacts extends RoleFacts {
  self: boolean;
  directSupervisor: boolean;
  /** Anywhere in the supervisor chain above the employee. */
  supervisor: boolean;
  /** Heads the employee's unit or one above it. */
  unitHead: boolean;
  /** Works in the employee's unit (and is not the employee). */
  sameUnit: boolean;
}

/** A who-may rule: pure, over facts; null when the caller may, else why not (the FORBIDDEN message). */
export type Rule<F> = (facts: F) => string | null;

/** Facts for a subject the arguments do not lead to (an unknown or malformed id). */
export const SUBJECT_NOT_FOUND = Symbol('subject not found');

export interface GuardSpec<F> {
  /** Shown in the declared-guard listing: the rule's name in the service's domain/access.ts. */
  name: string;
  rule: Rule<F>;
  /**
   * Loads the facts from the raw arguments, which are not validated yet: read ids defensively
   * (isUuid) and answer SUBJECT_NOT_FOUND when they lead nowhere.
   */
  facts: (ctx: KitContext, args: Record<string, unknown>) => Promise<F | typeof SUBJECT_NOT_FOUND> | F | typeof SUBJECT_NOT_FOUND;
  /**
   * For a subject that cannot be found: whether the caller could have the right under some subject.
   * Then the resolver answers (NOT_FOUND, BAD_USER_INPUT); otherwise FORBIDDEN. Default: refuse.
   */
  mayUnderSomeSubject?: (roles: RoleFacts) => boolean;
  /** Citizens without a token may call (submitPublicFeedback); everyone else must sign in first. */
  anonymous?: boolean;
}

export interface Guard<F = unknown> extends GuardSpec<F> {
  /** Refuses (UNAUTHENTICATED, FORBIDDEN) or returns; never validates the input. */
  enforce(ctx: KitContext, args: Record<string, unknown>): Promise<void>;
}

export function roleFacts(ctx: KitContext): RoleFacts {
  return { admin: hasRole(ctx, 'ADMIN'), analyst: hasRole(ctx, 'ANALYST') };
}

/** The caller's relation facts to an employee, or SUBJECT_NOT_FOUND when personnel knows no such employee. */
export async function relationFacts(ctx: KitContext, employeeId: unknown): Promise<RelationFacts | typeof SUBJECT_NOT_FOUND> {
  if (typeof employeeId !== 'string') return SUBJECT_NOT_FOUND;
  const r = await relationTo(ctx, employeeId);
  if (!r.target) return SUBJECT_NOT_FOUND;
  return { admin: r.admin, analyst: r.analyst, self: r.self, directSupervisor: r.directSupervisor, supervisor: r.supervisor, unitHead: r.unitHead, sameUnit: r.sameUnit };
}

/** The same relation facts with every relation true or false at once, for "could they under some subject". */
export function relationsUnder(roles: RoleFacts, relation: Partial<Omit<RelationFacts, keyof RoleFacts>>): RelationFacts {
  return { ...roles, self: false, directSupervisor: false, supervisor: false, unitHead: false, sameUnit: false, ...relation };
}

/** The relations a caller may hold towards some employee: themself, a subordinate, someone in a unit they head, a colleague. */
export function someRelations(roles: RoleFacts): RelationFacts[] {
  return [
    relationsUnder(roles, { self: true }),
    relationsUnder(roles, { directSupervisor: true, supervisor: true }),
    relationsUnder(roles, { supervisor: true }),
    relationsUnder(roles, { unitHead: true }),
    relationsUnder(roles, { sameUnit: true }),
    relationsUnder(roles, {}),
  ];
}

/** Whether a relation rule allows the caller towards some employee. */
export function allowsSomeRelation(rule: Rule<RelationFacts>): (roles: RoleFacts) => boolean {
  return (roles) => someRelations(roles).some((f) => rule(f) === null);
}

export function defineGuard<F>(spec: GuardSpec<F>): Guard<F> {
  return {
    ...spec,
    async enforce(ctx, args) {
      if (!spec.anonymous && !ctx.identity.employeeId) throw new Unauthenticated();
      const facts = await spec.facts(ctx, args);
      if (facts === SUBJECT_NOT_FOUND) {
        if (spec.mayUnderSomeSubject?.(roleFacts(ctx))) return;
        throw new Forbidden();
      }
      const refusal = spec.rule(facts);
      if (refusal !== null) throw new Forbidden(refusal);
    },
  };
}

/** A rule over the caller's roles only (ADMIN-only writes). */
export function roleGuard(name: string, rule: Rule<RoleFacts>): Guard<RoleFacts> {
  return defineGuard({ name, rule, facts: roleFacts });
}

/** A rule over the caller's relation to the employee an argument names (e.g. `employeeId`). */
export function relationGuard(name: string, rule: Rule<RelationFacts>, employeeIdOf: (args: Record<string, unknown>) => unknown): Guard<RelationFacts> {
  return defineGuard({ name, rule, facts: (ctx, args) => relationFacts(ctx, employeeIdOf(args)), mayUnderSomeSubject: allowsSomeRelation(rule) });
}

/** Any signed-in caller (reads whose rows are filtered by the resolver itself). */
export const signedIn: Guard<RoleFacts> = roleGuard('signedIn', () => null);

const DECLARED = new Map<Function, Map<string, string>>();

/** Declares the rule guarding a resolver method; it runs before the arguments are validated. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a guard over any facts: the decorator only calls enforce(), whose type does not use them
export function Guard(guard: Guard<any>): MethodDecorator {
  const middleware = UseMiddleware(async ({ context, args }, next) => {
    await guard.enforce(context as KitContext, args as Record<string, unknown>);
    return next();
  });
  return (target, key, descriptor) => {
    const byMethod = DECLARED.get(target.constructor) ?? new Map<string, string>();
    byMethod.set(String(key), guard.name);
    DECLARED.set(target.constructor, byMethod);
    middleware(target, key, descriptor);
  };
}

/** The guard declared on a resolver method, or null. */
export function declaredGuard(resolver: Function, method: string): string | null {
  return DECLARED.get(resolver)?.get(method) ?? null;
}

/**
 * Every mutation of the given resolvers (all that are loaded, by default) with the rule that guards it (null where none is declared):
 * the listing a test snapshots so that a new mutation without a guard fails.
 */
export function declaredMutationGuards(resolvers?: readonly Function[]): Record<string, string | null> {
  const own = resolvers ? new Set(resolvers) : null;
  const out: Record<string, string | null> = {};
  for (const m of getMetadataStorage().mutations) {
    if (own && !own.has(m.target)) continue;
    out[`Mutation.${m.schemaName}`] = declaredGuard(m.target, m.methodName);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
