import { randomUUID } from 'node:crypto';
import { composeSupergraph, createGateway, type RunningGateway } from '@kinerja/gateway';
import { personnelService } from '@kinerja/personnel';
import {
  createTestDatabase, createUnit, graphqlOk, makeToken, registerEmployee, startGraph, TEST_JWT_SECRET, TEST_SHARED_SECRET, testLogger, type Person, type TestDatabase, type TestGraph,
} from '@kinerja/testing';
import { createServer, DEFAULT_RESOURCE, type RunningIdentity } from '../src';

export const DEV_PASSWORD = 'test-dev-password-1';
export const REDIRECT_URI = 'http://127.0.0.1:9/callback';
export const POST_LOGOUT_URI = 'http://127.0.0.1:9/';
export const CLIENT_ID = 'test-app';

export interface World {
  graph: TestGraph;
  identity: RunningIdentity;
  /** The options identity was started with (a test restarts it on the same database and port). */
  identityOptions: Parameters<typeof createServer>[0];
  identityDb: TestDatabase;
  /** A gateway trusting the identity service (OIDC_ISSUER), beside the graph's HS256-only one. */
  gateway: RunningGateway;
  adminToken: string;
  people: Record<'admin' | 'staff' | 'locked' | 'retired' | 'newcomer' | 'leaver', Person>;
  clock: { now: number };
  stop(): Promise<void>;
}

/** Personnel (real, fresh database), the identity service on its own database, and an OIDC gateway. */
export async function startWorld(): Promise<World> {
  const graph = await startGraph([personnelService], 'identity');
  const adminId = randomUUID();
  const adminToken = await makeToken({ sub: adminId, roles: ['ADMIN', 'EMPLOYEE'] });
  const unitId = await createUnit(graph.url, adminToken, 'BKPSDMD', 'Badan Kepegawaian dan Pengembangan SDM Daerah', 'BADAN');
  const register = (name: string, sequence: number): Promise<Person> =>
    registerEmployee(graph.url, adminToken, { name, sequence, unitId, positionTitle: 'Analis SDM Aparatur', positionKind: 'FUNGSIONAL' });
  const people = {
    admin: await register('Rahmat Hidayat', 1),
    staff: await register('Budi Santoso', 2),
    locked: await register('Joko Prasetyo', 3),
    retired: await register('Hendra Gunawan', 4),
    newcomer: await register('Agus Salim', 5),
    leaver: await register('Dedi Kurniawan', 6),
  };
  await graphqlOk(graph.url, 'mutation($id: ID!) { grantRole(employeeId: $id, role: ADMIN) { id } }', { id: people.admin.id }, { token: adminToken });
  await graphqlOk(graph.url, 'mutation($id: ID!) { updateEmployee(id: $id, input: { status: RETIRED }) { id } }', { id: people.retired.id }, { token: adminToken });

  const clock = { now: Date.now() };
  const identityDb = await createTestDatabase('identity_oidc');
  const personnelUrl = graph.services.personnel!.url;
  const identityOptions: Parameters<typeof createServer>[0] = {
    databaseUrl: identityDb.url, sharedSecret: TEST_SHARED_SECRET, personnelUrl,
    cookieKeys: ['a-test-cookie-key-of-at-least-32-characters'],
    clients: [{ client_id: CLIENT_ID, redirect_uris: [REDIRECT_URI], post_logout_redirect_uris: [POST_LOGOUT_URI] }],
    development: { password: DEV_PASSWORD, employeeIds: [people.admin.id, people.staff.id, people.locked.id, people.retired.id, people.leaver.id] },
    activationTtlMs: 3600_000,
    log: testLogger('identity'),
    credentials: {
      // A light scrypt cost for tests only (the machine is shared); production uses DEFAULT_COST.
      cost: { N: 2 ** 12, r: 8, p: 1 },
      now: () => new Date(clock.now),
      lockout: { threshold: 5, baseLockMs: 60_000, maxLockMs: 3600_000 },
      limits: { perAccount: 100, perAddress: 1000, windowMs: 60_000 },
    },
  };
  const identity = await createServer(identityOptions);
  const supergraphSdl = composeSupergraph([{ name: 'personnel', url: personnelUrl, sdl: graph.services.personnel!.sdl }]);
  const gateway = await createGateway({
    supergraphSdl, sharedSecret: TEST_SHARED_SECRET, log: testLogger('gateway'),
    jwt: {
      secret: TEST_JWT_SECRET, issuer: 'kinerja', audience: 'kinerja',
      oidc: { issuers: [identity.issuer], audience: DEFAULT_RESOURCE, nipClaim: 'nip', personnelUrl, sharedSecret: TEST_SHARED_SECRET, cacheMs: 0, jwksCooldownMs: 0 },
    },
  });
  const world: World = {
    graph, identity, identityOptions, identityDb, gateway, adminToken, people, clock,
    async stop() {
      await gateway.stop();
      await world.identity.stop();
      await identity.stop();
      await identityDb.drop();
      await graph.stop();
    },
  };
  return world;
}

/** A browser's cookie jar and redirect-following, enough for the sign-in pages. */
export class Browser {
  readonly cookies = new Map<string, string>();

  private header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const res = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        ...(this.cookies.size ? { cookie: this.header() } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...init.headers,
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = (pair as string).indexOf('=');
      const name = (pair as string).slice(0, i).trim();
      const value = (pair as string).slice(i + 1).trim();
      if (attrs.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim())) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects until a page answers, or until the app's redirect URI is reached (returned, not fetched). */
  async follow(start: string, init: { form?: Record<string, string> } = {}, stopAt = REDIRECT_URI): Promise<{ res?: Response; url: string; stopped?: string }> {
    let res = await this.request(start, init);
    let url = start;
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      const next = new URL(res.headers.get('location') as string, url).toString();
      if (next.startsWith(stopAt)) return { url: next, stopped: next };
      await res.arrayBuffer();
      url = next;
      res = await this.request(url);
    }
    return { res, url };
  }
}

export const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
export const formAction = (html: string) => /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
export const errorText = (html: string) => /<p class="error" id="form-error" role="alert">([^<]*)<\/p>/.exec(html)?.[1] ?? null;
