import { DirectoryClient, isUuid, type KitContext } from '@kinerja/subgraph-kit';
import { settingsOf } from './settings';

/**
 * Reads from the personnel subgraph what the kit's directory does not carry: an employee's NIP and
 * unit head (to name the evaluator), and lookups by NIP or unit code for public feedback. Signed as
 * this service, batched per request like the directory. Relationship checks still use the kit.
 */
export interface PersonnelEmployee {
  id: string;
  nip: string;
  status: 'ACTIVE' | 'INACTIVE' | 'RETIRED';
  unitId: string;
  supervisorId: string | null;
  /** Heads of the employee's unit and of its parent unit, nearest first (null where none). */
  unitHeadId: string | null;
  parentUnitHeadId: string | null;
}

export interface PersonnelUnit {
  id: string;
  code: string;
  headId: string | null;
}

const EMPLOYEE_FIELDS = 'id nip status supervisor { id } unit { id head { id } parent { id head { id } } }';

interface RawEmployee {
  id: string;
  nip: string;
  status: PersonnelEmployee['status'];
  supervisor: { id: string } | null;
  unit: { id: string; head: { id: string } | null; parent: { id: string; head: { id: string } | null } | null };
}

function toEmployee(e: RawEmployee | null | undefined): PersonnelEmployee | null {
  if (!e || typeof e.id !== 'string') return null;
  return { id: e.id, nip: e.nip, status: e.status, unitId: e.unit.id, supervisorId: e.supervisor?.id ?? null, unitHeadId: e.unit.head?.id ?? null, parentUnitHeadId: e.unit.parent?.head?.id ?? null };
}

export class PersonnelLookup {
  private readonly client: DirectoryClient;

  constructor(url: string, secret: string, service: string) {
    this.client = new DirectoryClient(url, secret, service);
  }

  private call<T>(query: string, variables: Record<string, unknown>, requestId?: string): Promise<T> {
    return this.client.query<T>(query, variables, requestId);
  }

  async employees(representations: Array<{ id: string } | { nip: string }>, requestId?: string): Promise<Array<PersonnelEmployee | null>> {
    const data = await this.call<{ _entities: Array<RawEmployee | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { ${EMPLOYEE_FIELDS} } } }`,
      { r: representations.map((r) => ({ __typename: 'Employee', ...r })) },
      requestId,
    );
    return data._entities.map(toEmployee);
  }

  async unitByCode(code: string, requestId?: string): Promise<PersonnelUnit | null> {
    const data = await this.call<{ organizationUnit: { id: string; code: string; head: { id: string } | null } | null }>(
      `query($code: String!) { organizationUnit(code: $code) { id code head { id } } }`,
      { code },
      requestId,
    );
    const u = data.organizationUnit;
    return u ? { id: u.id, code: u.code, headId: u.head?.id ?? null } : null;
  }
}


export function personnelEmployee(ctx: KitContext, id: string): Promise<PersonnelEmployee | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  const lookup = settingsOf(ctx).personnel;
  return ctx.loaders
    .get<string, PersonnelEmployee | null>('personnel.employeeById', (ids) => lookup.employees(ids.map((i) => ({ id: i })), ctx.requestId))
    .load(id);
}

export function personnelEmployeeByNip(ctx: KitContext, nip: string): Promise<PersonnelEmployee | null> {
  const lookup = settingsOf(ctx).personnel;
  return ctx.loaders
    .get<string, PersonnelEmployee | null>('personnel.employeeByNip', (nips) => lookup.employees(nips.map((n) => ({ nip: n })), ctx.requestId))
    .load(nip);
}
