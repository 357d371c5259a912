import { DirectoryClient } from '@kinerja/subgraph-kit';

/** What personnel says about a person signing in (ARCHITECTURE.md: the IdP says who; personnel says what). */
export interface PersonnelAccount {
  id: string;
  nip: string;
  name: string;
  status: 'ACTIVE' | 'INACTIVE' | 'RETIRED';
  roles: Array<'ADMIN' | 'ANALYST'>;
}

const FIELDS = '... on Employee { id nip name status roles }';

/**
 * Who exists, read from personnel with a signed service identity (the same lookup the gateway
 * uses), never copied into this database: a person set INACTIVE or RETIRED in personnel cannot
 * sign in or refresh a token from that moment. Answers are cached for `ttlMs`.
 */
export class PersonnelLookup {
  private readonly client: DirectoryClient;
  private readonly cache = new Map<string, { at: number; value: PersonnelAccount | null }>();

  constructor(url: string, secret: string, private readonly ttlMs = 10_000, service = 'identity') {
    this.client = new DirectoryClient(url, secret, service);
  }

  private async cached(key: string, load: () => Promise<PersonnelAccount | null>): Promise<PersonnelAccount | null> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = await load();
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { at: Date.now(), value });
    return value;
  }

  byNip(nip: string): Promise<PersonnelAccount | null> {
    return this.cached(`nip:${nip}`, () => this.entity({ __typename: 'Employee', nip }));
  }

  byId(id: string): Promise<PersonnelAccount | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return Promise.resolve(null);
    return this.cached(`id:${id}`, () => this.entity({ __typename: 'Employee', id }));
  }

  forget(): void {
    this.cache.clear();
  }

  private async entity(representation: Record<string, string>): Promise<PersonnelAccount | null> {
    const data = await this.client.query<{ _entities: Array<PersonnelAccount | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ${FIELDS} } }`, { r: [representation] },
    );
    const found = data._entities[0];
    return found && typeof found.id === 'string' ? found : null;
  }
}

export const isActive = (a: PersonnelAccount | null): a is PersonnelAccount => !!a && a.status === 'ACTIVE';
