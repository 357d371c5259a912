import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import pino from 'pino';
import { verifyIdentity } from '@kinerja/subgraph-kit';
import { composeSupergraph, createGateway, type RunningGateway } from '../src';

const SECRET = 'kinerja-dev-secret';
const SHARED = 'a-shared-secret-for-this-test';
const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query { hello: String people(first: Int): [Person!]! }
type Person { name: String friends(first: Int): [Person!]! }`;

const token = (roles: string[] = ['EMPLOYEE']) => new SignJWT({ roles }).setProtectedHeader({ alg: 'HS256' })
  .setSubject('6f1c0c8e-2c1a-4a39-8f0e-2b8d6f1b0a11').setIssuer('kinerja').setAudience('kinerja').setExpirationTime('10m')
  .sign(new TextEncoder().encode(SECRET));

describe('the gateway', () => {
  let subgraph: Server;
  let gateway: RunningGateway;
  const seen: Array<string | undefined> = [];

  beforeAll(async () => {
    // A stand-in subgraph that records the identity header it receives.
    subgraph = createServer((req, res) => {
      seen.push(req.headers['x-kinerja-identity'] as string | undefined);
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { hello: 'halo' } })));
    });
    await new Promise<void>((r) => subgraph.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
    gateway = await createGateway({
      supergraphSdl: composeSupergraph([{ name: 'stub', url, sdl: SDL }]),
      sharedSecret: SHARED,
      jwt: { secret: SECRET, issuer: 'kinerja', audience: 'kinerja' },
      log: pino({ level: 'silent' }),
      corsOrigins: ['https://kinerja.bungokab.go.id'],
      maxBodyBytes: 10_000,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await new Promise((r) => subgraph?.close(r));
  });

  const post = (body: unknown, headers: Record<string, string> = {}) => fetch(gateway.url, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('forwards the verified caller to subgraphs in a signed header', async () => {
    const res = await post({ query: '{ hello }' }, { authorization: `Bearer ${await token(['ADMIN'])}` });
    expect(await res.json()).toEqual({ data: { hello: 'halo' } });
    const check = verifyIdentity(seen.at(-1), SHARED);
    expect(check).toMatchObject({ ok: true, identity: { employeeId: '6f1c0c8e-2c1a-4a39-8f0e-2b8d6f1b0a11', roles: ['ADMIN'] } });
  });

  it('signs an anonymous identity with an opaque client key for callers without a token', async () => {
    await post({ query: '{ hello }' });
    const check = verifyIdentity(seen.at(-1), SHARED);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.identity.employeeId).toBeNull();
      expect(check.identity.client).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(check.identity.client).not.toContain('127.0.0.1');
    }
  });

  it('ignores X-Forwarded-For when no proxy is trusted: a caller cannot pick its own rate-limit key', async () => {
    const keyFor = async (forwardedFor: string) => {
      await post({ query: '{ hello }' }, { 'x-forwarded-for': forwardedFor });
      const check = verifyIdentity(seen.at(-1), SHARED);
      return check.ok ? check.identity.client : undefined;
    };
    expect(await keyFor('203.0.113.7')).toBe(await keyFor('198.51.100.9'));
  });

  it('behind one trusted proxy, keys anonymous callers by the address the proxy saw, not by what they claim', async () => {
    const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
    const proxied = await createGateway({
      supergraphSdl: composeSupergraph([{ name: 'stub', url, sdl: SDL }]),
      sharedSecret: SHARED,
      jwt: { secret: SECRET, issuer: 'kinerja', audience: 'kinerja' },
      log: pino({ level: 'silent' }),
      trustedProxyHops: 1,
    });
    try {
      const keyFor = async (forwardedFor?: string) => {
        await fetch(proxied.url, {
          method: 'POST', headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) }, body: JSON.stringify({ query: '{ hello }' }),
        });
        const check = verifyIdentity(seen.at(-1), SHARED);
        return check.ok ? check.identity.client : undefined;
      };
      const citizenA = await keyFor('203.0.113.7');
      const citizenB = await keyFor('198.51.100.9');
      expect(citizenA).not.toBe(citizenB);
      // A spoofed entry in front of what the proxy appended changes nothing.
      expect(await keyFor('10.9.9.9, 203.0.113.7')).toBe(citizenA);
      // No header (the proxy was bypassed): the socket address, as without a proxy.
      expect(await keyFor()).toBe(await keyFor(''));
    } finally {
      await proxied.stop();
    }
  });

  it('refuses a malformed Authorization header with 401', async () => {
    const res = await post({ query: '{ hello }' }, { authorization: 'Basic abc' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses queries deeper than the limit, naming it, without calling the subgraph', async () => {
    const before = seen.length;
    let q = 'name';
    for (let i = 0; i < 14; i++) q = `friends(first: 1) { ${q} }`;
    const res = await post({ query: `query Deep { people(first: 1) { ${q} } }` }, { authorization: `Bearer ${await token()}` });
    const body = (await res.json()) as any;
    expect(body.errors[0].message).toBe('Deep is 16 levels deep; the limit is 12');
    expect(body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
    expect(seen.length).toBe(before);
  });

  it('refuses queries whose page sizes multiply past the cost limit', async () => {
    const res = await post({ query: 'query Wide($n: Int) { people(first: $n) { friends(first: 200) { friends(first: 200) { name } } } }', variables: { n: 200 } }, { authorization: `Bearer ${await token()}` });
    const body = (await res.json()) as any;
    expect(body.errors[0].message).toMatch(/Wide has an estimated cost of \d+ \(fields × page sizes\); the limit is 50000/);
  });

  it('refuses alias flooding', async () => {
    const aliases = Array.from({ length: 600 }, (_, i) => `a${i}: hello`).join(' ');
    const body = (await (await post({ query: `{ ${aliases} }` }, { authorization: `Bearer ${await token()}` })).json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ limit: 'fields', max: 500 });
  });

  it('refuses oversized bodies and batched requests', async () => {
    const big = await post({ query: `{ hello } # ${'x'.repeat(20_000)}` });
    expect(big.status).toBe(413);
    const batch = await post([{ query: '{ hello }' }, { query: '{ hello }' }]);
    expect(batch.status).toBe(400);
  });

  it('answers CORS only for configured origins', async () => {
    const ok = await fetch(gateway.url, { method: 'OPTIONS', headers: { origin: 'https://kinerja.bungokab.go.id' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://kinerja.bungokab.go.id');
    const other = await fetch(gateway.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('blocks CSRF-prone simple requests', async () => {
    const res = await fetch(`${gateway.url}?query=${encodeURIComponent('{ hello }')}`);
    expect(res.status).toBe(400);
  });
});
