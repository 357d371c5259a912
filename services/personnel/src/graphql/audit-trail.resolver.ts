import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AUDIT_ENTRY_SELECTION, AuditEntry, BadInput, readAuditEntries, type AuditTrailKey, type KitContext, Guard, SUBGRAPH_NAMES } from '@kinerja/subgraph-kit';
import { recordKeeper } from './guards';

/** The subgraphs whose audit rows personnel's `entries` merges (each contributes `<name>AuditEntries`): every other subgraph in the catalog. */
export const AUDIT_SOURCES: readonly string[] = SUBGRAPH_NAMES.filter((s) => s !== 'personnel');

const REQUIRES = AUDIT_SOURCES.map((s) => `${s}AuditEntries { ${AUDIT_ENTRY_SELECTION} }`).join(' ');

/**
 * An entity's audit trail (CONTRACT.md) across the graph. Each subgraph keeps its own rows (same transaction as
 * the change) and exposes them as an @inaccessible field; `entries` @requires them all and merges by time.
 */
@Directive('@key(fields: "entityType entityId")')
@ObjectType('AuditTrail', { description: 'ADMIN only: who changed an entity, when, and its values before and after' })
export class PersonnelAuditTrail {
  @Field() entityType!: string;
  @Field(() => ID) entityId!: string;

  @Directive('@external') @Field(() => [AuditEntry]) goalsAuditEntries?: AuditEntry[];
  @Directive('@external') @Field(() => [AuditEntry]) competencyAuditEntries?: AuditEntry[];
  @Directive('@external') @Field(() => [AuditEntry]) evaluationAuditEntries?: AuditEntry[];
  @Directive('@external') @Field(() => [AuditEntry]) recognitionAuditEntries?: AuditEntry[];
}

type Trail = AuditTrailKey & Partial<Record<`${string}AuditEntries`, AuditEntry[]>>;

@Resolver(() => PersonnelAuditTrail)
export class AuditTrailResolver {
  @Query(() => PersonnelAuditTrail, { description: 'ADMIN. entityType is the GraphQL type name (Employee, Goal, RewardDecision, ...)' })
  @Guard(recordKeeper)
  auditTrail(
    @Ctx() ctx: KitContext,
    @Arg('entityType', () => String) entityType: string,
    @Arg('entityId', () => ID) entityId: string,
  ): AuditTrailKey {
    if (!/^[A-Za-z]{1,64}$/.test(entityType)) throw new BadInput('entityType', 'must be a type name (letters only, at most 64)');
    if (entityId.length === 0 || entityId.length > 128) throw new BadInput('entityId', 'must be 1 to 128 characters');
    return { entityType, entityId };
  }

  @Directive('@inaccessible')
  @FieldResolver(() => [AuditEntry], { description: "personnel's own audit rows for this entity" })
  personnelAuditEntries(@Root() trail: AuditTrailKey, @Ctx() ctx: KitContext): Promise<AuditEntry[]> {
    return readAuditEntries(ctx, trail);
  }

  @Directive(`@requires(fields: "${REQUIRES}")`)
  @FieldResolver(() => [AuditEntry], { description: 'Every subgraph\'s entries for this entity, oldest first' })
  async entries(@Root() trail: Trail, @Ctx() ctx: KitContext): Promise<AuditEntry[]> {
    const own = await readAuditEntries(ctx, trail);
    const others = AUDIT_SOURCES.flatMap((s) => (trail[`${s}AuditEntries`] ?? []).map((e) => ({ ...e, at: new Date(e.at) })));
    return [...own, ...others].sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}

/** `_entities` for AuditTrail: the key plus whatever @requires brought along. */
export function resolveAuditTrailReference(ref: Record<string, unknown>): Trail {
  return { ...(ref as object), entityType: String(ref.entityType), entityId: String(ref.entityId) } as Trail;
}

/**
 * Drops the @external fields (and their @requires selections) of subgraphs not in this supergraph, so a
 * graph of personnel and a subset still composes (tests start subsets; production runs all five).
 */
export function auditSdlFor(present: readonly string[]): (sdl: string) => string {
  return (sdl) => {
    let out = sdl;
    for (const s of AUDIT_SOURCES) {
      if (present.includes(s)) continue;
      out = out.replace(new RegExp(`\\n\\s*${s}AuditEntries: \\[AuditEntry!\\]! @external`), '');
      out = out.replace(`${s}AuditEntries { ${AUDIT_ENTRY_SELECTION} }`, '');
    }
    return out.replace(/@requires\(fields: "\s*([^"]*?)\s*"\)/, (_m, f: string) => `@requires(fields: "${f.replace(/\s+/g, ' ')}")`)
      .replace(/\n(\s*)entries: \[AuditEntry!\]! @requires\(fields: ""\)/, '\n$1entries: [AuditEntry!]!');
  };
}
