import type { KitContext } from './context';
import { hasRole } from './context';
import { signIdentity } from './identity';
import { isUuid } from './ids';

/** What personnel says about an employee's place in the organisation. */
export interface AccessProfile {
  id: string;
  unitId: string;
  /** The unit and its ancestors, nearest first. */
  unitPath: string[];
  /** Direct supervisor first, then up the chain. */
  supervisorChain: string[];
  /** Units this employee heads. */
  headOf: string[];
  status: 'ACTIVE' | 'INACTIVE' | 'RETIRED';
  employmentType: 'PNS' | 'PPPK';
  positionKind: string;
}

export interface UnitMember {
  id: string;
  unitId: string;
  status: 'ACTIVE' | 'INACTIVE' | 'RETIRED';
  employmentType: 'PNS' | 'PPPK';
}

export class DirectoryError extends Error {}

/**
 * Reads relationship data from the personnel subgraph (ARCHITECTURE.md: supervisor and unit-head
 * rights come from personnel data, resolved per request). One HTTP call per batch, signed as a
 * service identity; personnel exposes these fields as @inaccessible, outside the public graph.
 */
export class DirectoryClient {
  constructor(private readonly url: string, private readonly secret: string, private readonly service: string) {}

  /** Any query against personnel as this service (for lookups the profile does not carry). */
  async query<T>(query: string, variables: Record<string, unknown>, requestId?: string): Promise<T> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-kinerja-identity': signIdentity({ employeeId: null, roles: [], service: this.service, ...(requestId ? { requestId } : {}) }, this.secret),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors?.length || !body.data) {
      throw new DirectoryError(`personnel directory: ${body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`}`);
    }
    return body.data;
  }

  async profiles(ids: readonly string[], requestId?: string): Promise<Array<AccessProfile | null>> {
    const data = await this.query<{ _entities: Array<{ accessProfile?: AccessProfile } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { accessProfile { id unitId unitPath supervisorChain headOf status employmentType positionKind } } } }`,
      { r: ids.map((id) => ({ __typename: 'Employee', id })) },
      requestId,
    );
    return data._entities.map((e) => e?.accessProfile ?? null);
  }

  /** Everyone below each employee in the supervisor chain (null for an unknown id): asked apart, so a profile never pays for it. */
  async reports(ids: readonly string[], requestId?: string): Promise<Array<string[] | null>> {
    const data = await this.query<{ _entities: Array<{ accessProfile?: { reports: string[] } } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { accessProfile { reports } } } }`,
      { r: ids.map((id) => ({ __typename: 'Employee', id })) },
      requestId,
    );
    return data._entities.map((e) => e?.accessProfile?.reports ?? null);
  }

  /** Position kinds only (null for an unknown id): no unit tree or supervisor chain is computed for them. */
  async positionKinds(ids: readonly string[], requestId?: string): Promise<Array<string | null>> {
    const data = await this.query<{ _entities: Array<{ accessProfile?: { positionKind: string } } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { accessProfile { positionKind } } } }`,
      { r: ids.map((id) => ({ __typename: 'Employee', id })) },
      requestId,
    );
    return data._entities.map((e) => e?.accessProfile?.positionKind ?? null);
  }

  async unitMembers(unitIds: readonly string[], includeSubunits: boolean, requestId?: string): Promise<Array<{ subtreeIds: string[]; members: UnitMember[] } | null>> {
    const data = await this.query<{ _entities: Array<{ subtreeIds: string[]; members: UnitMember[] } | null> }>(
      `query($r: [_Any!]!, $sub: Boolean!) { _entities(representations: $r) { ... on OrganizationUnit { subtreeIds members(includeSubunits: $sub) { id unitId status employmentType } } } }`,
      { r: unitIds.map((id) => ({ __typename: 'OrganizationUnit', id })), sub: includeSubunits },
      requestId,
    );
    return data._entities.map((e) => (e && Array.isArray(e.members) ? e : null));
  }
}

function client(ctx: KitContext): DirectoryClient {
  if (!ctx.directory) throw new DirectoryError('this subgraph was started without a personnel directory (PERSONNEL_URL)');
  return ctx.directory;
}


/** An employee's access profile, batched per request (null for an unknown id). */
export function accessProfile(ctx: KitContext, employeeId: string): Promise<AccessProfile | null> {
  if (!isUuid(employeeId)) return Promise.resolve(null);
  return ctx.loaders
    .get<string, AccessProfile | null>('directory.profiles', (ids) => client(ctx).profiles(ids, ctx.requestId))
    .load(employeeId);
}

/** Everyone whose supervisor chain holds the employee (direct and indirect reports), batched per request; empty for an unknown id. */
export async function reportsOf(ctx: KitContext, employeeId: string): Promise<string[]> {
  if (!isUuid(employeeId)) return [];
  const reports = await ctx.loaders
    .get<string, string[] | null>('directory.reports', (ids) => client(ctx).reports(ids, ctx.requestId))
    .load(employeeId);
  return reports ?? [];
}

/** A unit's members (with sub-units by default), batched per request (null for an unknown unit). */
export function unitMembers(ctx: KitContext, unitId: string, includeSubunits = true): Promise<{ subtreeIds: string[]; members: UnitMember[] } | null> {
  if (!isUuid(unitId)) return Promise.resolve(null);
  return ctx.loaders
    .get<string, { subtreeIds: string[]; members: UnitMember[] } | null>(`directory.members.${includeSubunits}`, (ids) => client(ctx).unitMembers(ids, includeSubunits, ctx.requestId))
    .load(unitId);
}

/** How the caller stands to an employee: the relations CONTRACT.md's "Who may do what" names. */
export interface Relation {
  admin: boolean;
  analyst: boolean;
  self: boolean;
  directSupervisor: boolean;
  /** Anywhere in the supervisor chain above the employee (direct or indirect). */
  supervisor: boolean;
  /** Heads the employee's unit or one of its ancestors. */
  unitHead: boolean;
  /** Works in the same unit (and is not the employee). */
  sameUnit: boolean;
  target: AccessProfile | null;
  viewer: AccessProfile | null;
}

export async function relationTo(ctx: KitContext, employeeId: string): Promise<Relation> {
  const viewerId = ctx.identity.employeeId;
  const [target, viewer] = await Promise.all([
    accessProfile(ctx, employeeId),
    viewerId ? accessProfile(ctx, viewerId) : Promise.resolve(null),
  ]);
  const self = !!viewerId && viewerId === employeeId;
  return {
    admin: hasRole(ctx, 'ADMIN'),
    analyst: hasRole(ctx, 'ANALYST'),
    self,
    directSupervisor: !!viewerId && target?.supervisorChain[0] === viewerId,
    supervisor: !!viewerId && !!target?.supervisorChain.includes(viewerId),
    unitHead: !!viewer && !!target && viewer.headOf.some((u) => target.unitPath.includes(u)),
    sameUnit: !self && !!viewer && !!target && viewer.unitId === target.unitId,
    target,
    viewer,
  };
}

/** Whether the caller heads this unit or one above it. */
export async function headsUnit(ctx: KitContext, unitId: string): Promise<boolean> {
  const viewerId = ctx.identity.employeeId;
  if (!viewerId) return false;
  const viewer = await accessProfile(ctx, viewerId);
  if (!viewer || viewer.headOf.length === 0) return false;
  if (viewer.headOf.includes(unitId)) return true;
  const subtrees = await Promise.all(viewer.headOf.map((u) => unitMembers(ctx, u, true)));
  return subtrees.some((s) => s?.subtreeIds.includes(unitId));
}
