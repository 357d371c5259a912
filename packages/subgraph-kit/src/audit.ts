import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { EntityManager, QueryRunner } from 'typeorm';
import type { KitContext } from './context';
import { requireRole } from './context';
import { groupByKey } from './loaders';

/**
 * Audit trail (CONTRACT.md, "Audit trail"): every mutation records who, when, what, before and after, in the owning
 * service's database, in the same transaction as the change. Rows may hold personal data (NIP,
 * birth date): they are ADMIN-only and never logged.
 */
export async function createAuditTable(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE audit_entry (
      id bigserial PRIMARY KEY,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      action text NOT NULL,
      actor_id uuid NULL,
      actor_roles text[] NOT NULL DEFAULT '{}',
      actor_service text NULL,
      request_id text NULL,
      at timestamptz NOT NULL DEFAULT now(),
      before jsonb NULL,
      after jsonb NULL,
      reason text NULL
    )`);
  await q.query('CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, at)');
}

export async function dropAuditTable(q: QueryRunner): Promise<void> {
  await q.query('DROP TABLE IF EXISTS audit_entry');
}

/** Who acted when there is no request: an event consumer or a scheduled job. */
export interface AuditActor {
  actorId?: string | null;
  roles?: string[];
  service?: string | null;
  requestId?: string | null;
}

export interface AuditRecord {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** Overrides the actor's request id for this row (a consumer's batch names each row's own event). */
  requestId?: string | null;
}

/** Keys never stored in an audit snapshot: credentials and hashes have no business in a trail. */
const SECRET_KEY = /(password|secret|token|hash|credential|api_?key)/i;

function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(snapshot);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_KEY.test(k) || typeof v === 'function') continue;
      out[k] = snapshot(v);
    }
    return out;
  }
  return value;
}

function isContext(actor: KitContext | AuditActor): actor is KitContext {
  return 'identity' in actor && typeof (actor as KitContext).identity === 'object';
}

/** Writes one audit row through the caller's transaction manager (so it commits or rolls back with the change). */
export async function recordAudit(m: EntityManager, actor: KitContext | AuditActor, record: AuditRecord): Promise<void> {
  await recordAudits(m, actor, [record]);
}

/**
 * Several audit rows by one actor in ONE statement, in the order given (an event consumer deciding
 * a batch: bench/results). Same transaction rule as `recordAudit`.
 */
export async function recordAudits(m: EntityManager, actor: KitContext | AuditActor, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const who: AuditActor = isContext(actor)
    ? { actorId: actor.identity.employeeId ?? null, roles: [...actor.identity.roles], service: actor.identity.service ?? null, requestId: actor.requestId }
    : actor;
  // One JSON document for the rows: serialized natively, parsed by PostgreSQL in C (bench/results).
  const rows = records.map((r) => ({
    entity_type: r.entityType, entity_id: String(r.entityId), action: r.action, before: snapshot(r.before), after: snapshot(r.after),
    reason: r.reason ?? null, request_id: r.requestId ?? who.requestId ?? null,
  }));
  await m.query(
    `INSERT INTO audit_entry (entity_type, entity_id, action, actor_id, actor_roles, actor_service, request_id, before, after, reason)
     SELECT r.entity_type, r.entity_id, r.action, $2, $3, $4, r.request_id, r.before, r.after, r.reason
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (entity_type text, entity_id text, action text, before jsonb, after jsonb, reason text, request_id text))
            WITH ORDINALITY AS r(entity_type, entity_id, action, before, after, reason, request_id, n)
      ORDER BY r.n`,
    [JSON.stringify(rows), who.actorId ?? null, who.roles ?? [], who.service ?? null],
  );
}

/** One audit row as the graph shows it (shared by every subgraph, hence @shareable). */
@Directive('@shareable')
@ObjectType('AuditEntry', { description: 'Who changed what, when, with the values before and after (ADMIN only)' })
export class AuditEntry {
  @Field() entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field() action!: string;
  @Field(() => ID, { nullable: true, description: 'The employee who acted; null for a system actor' }) actorId!: string | null;
  @Field(() => String, { nullable: true, description: 'The service that acted for nobody (e.g. recognition-consumer)' }) actorService!: string | null;
  @Field() at!: Date;
  @Field(() => String, { nullable: true, description: 'JSON snapshot before the change' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON snapshot after the change' }) after!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

interface AuditRow {
  entity_type: string; entity_id: string; action: string; actor_id: string | null; actor_service: string | null;
  at: Date; before: unknown; after: unknown; reason: string | null; id: string;
}

/** The key of the AuditTrail entity every subgraph contributes to. */
export interface AuditTrailKey { entityType: string; entityId: string }

/** This subgraph's audit rows for an entity, ADMIN only (FORBIDDEN otherwise); batched per request. */
export async function readAuditEntries(ctx: KitContext, key: AuditTrailKey): Promise<AuditEntry[]> {
  requireRole(ctx, 'ADMIN');
  const loader = ctx.loaders.get<string, AuditEntry[]>('kit:audit-entries', async (keys) => {
    const pairs = keys.map((k) => JSON.parse(k) as [string, string]);
    const rows: AuditRow[] = await ctx.dataSource.query(
      `SELECT a.* FROM audit_entry a JOIN unnest($1::text[], $2::text[]) k(t, i) ON a.entity_type = k.t AND a.entity_id = k.i
       ORDER BY a.at, a.id`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    return groupByKey(keys, rows, (r) => JSON.stringify([r.entity_type, r.entity_id])).map((list) => list.map(toEntry));
  });
  return loader.load(JSON.stringify([key.entityType, String(key.entityId)]));
}

function toEntry(r: AuditRow): AuditEntry {
  return Object.assign(new AuditEntry(), {
    entityType: r.entity_type, entityId: r.entity_id, action: r.action, actorId: r.actor_id, actorService: r.actor_service,
    at: r.at, before: r.before === null ? null : JSON.stringify(r.before), after: r.after === null ? null : JSON.stringify(r.after),
    reason: r.reason,
  });
}

/** The selection personnel's `AuditTrail.entries` @requires from each contributing subgraph. */
export const AUDIT_ENTRY_SELECTION = 'entityType entityId action actorId actorService at before after reason';

/**
 * A subgraph's contribution to the AuditTrail entity: `<service>AuditEntries` (@inaccessible, ADMIN only),
 * which personnel's public `entries` @requires. Classes are made per service because type-graphql's
 * metadata is global and several subgraphs share one test process.
 */
export function auditTrailContribution(service: string): {
  resolver: Function;
  /** Pass in orphanedTypes: nothing in the subgraph returns AuditTrail, the gateway reaches it through _entities. */
  type: Function;
  referenceResolvers: Record<string, (ref: Record<string, unknown>) => AuditTrailKey>;
} {
  @Directive('@key(fields: "entityType entityId")')
  @ObjectType('AuditTrail')
  class ServiceAuditTrail {
    @Field() entityType!: string;
    @Field(() => ID) entityId!: string;
  }
  Object.defineProperty(ServiceAuditTrail, 'name', { value: `${service}AuditTrail` });

  @Resolver(() => ServiceAuditTrail)
  class ServiceAuditTrailResolver {
    @Directive('@inaccessible')
    @FieldResolver(() => [AuditEntry], { name: `${service}AuditEntries`, description: `${service}'s audit rows for this entity` })
    entries(@Root() trail: AuditTrailKey, @Ctx() ctx: KitContext): Promise<AuditEntry[]> {
      return readAuditEntries(ctx, trail);
    }
  }
  return {
    resolver: ServiceAuditTrailResolver,
    type: ServiceAuditTrail,
    referenceResolvers: { AuditTrail: (ref) => ({ entityType: String(ref.entityType), entityId: String(ref.entityId) }) },
  };
}
