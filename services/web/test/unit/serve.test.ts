// @vitest-environment node
// The web server (server/serve.mjs, session.mjs): headers, boot data, client-side routes,
// compression, the sign-in session's cookie and the /graphql proxy, against a throwaway dist/ folder
// and a stand-in gateway on a random port. The sign-in itself, against the real identity service, is
// in the end-to-end tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM module without types
import { createWebServer, loadWebConfig } from '../../server/serve.mjs';
// @ts-expect-error plain ESM module without types
import { safePath, seal, SESSION_COOKIE, unseal } from '../../server/session.mjs';

const KEY = 'a-test-session-key-of-at-least-32-characters';
const sessionCookie = (over: Record<string, unknown> = {}, key = KEY) =>
  `${SESSION_COOKIE}=${seal({ accessToken: 'tok-from-session', refreshToken: 'r1', idToken: 'x.y.z', expiresAt: Date.now() + 600_000, name: 'Siti Aminah', sub: 'e1', ...over }, key)}`;

describe('server/serve.mjs', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'kinerja-web-'));
  let upstreamUrl = '';
  let seen: { headers: IncomingHttpHeaders; body: string; url?: string; method?: string } | null = null;
  const upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen = { headers: req.headers, body, url: req.url, method: req.method };
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'x=1' }).end('{"data":{"ok":true}}');
    });
  });
  let web: { listen(): Promise<string>; close(): Promise<void> };
  let url = '';

  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="id"><head></head><script type="module" src="/assets/app.js"></script></html>');
    writeFileSync(path.join(dist, 'preload.json'), JSON.stringify({
      boot: ['/assets/id.js'],
      routes: { '/': { signIn: true, modules: ['/assets/id.js', '/assets/Home.js'], operations: [{ operationName: 'Home', query: 'query Home($year: Int!) { me { id } }', variables: { year: '$currentYear' } }] } },
    }));
    writeFileSync(path.join(dist, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(2000))});`);
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`;
    web = createWebServer({ port: 0, host: '127.0.0.1', gatewayUrl: upstreamUrl, oidcIssuer: 'https://sso.example.go.id/realms/asn', oidcClientId: 'kinerja-web', distDir: dist, trustedProxyHops: 0, sessionKey: KEY });
    url = await web.listen();
  });
  afterAll(async () => {
    await web?.close();
    upstream.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('every page carries a CSP with scripts from this origin only; the browser connects to this origin alone', async () => {
    const res = await fetch(`${url}/umpan-balik/DINKES`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html lang="id">'); // a client-side route gets the app
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("connect-src 'self';");
    // The sign-out form's redirect goes on to the identity provider.
    expect(csp).toContain("form-action 'self' https://sso.example.go.id");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('a public page carries boot data as a JSON block (no script runs inline): nobody signed in, no token', async () => {
    const html = await (await fetch(`${url}/umpan-balik/DINKES`)).text();
    const block = /<script type="application\/json" id="kinerja-boot">(.*?)<\/script>/.exec(html);
    expect(JSON.parse(block![1]!)).toEqual({ graphqlUrl: '/graphql', session: null, preload: [] });
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/id.js">');
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
    // A path climbing out of dist/ never reads the file: it is just another screen of the app.
    expect(await (await fetch(`${url}/..%2f..%2fetc%2fpasswd`)).text()).not.toMatch(/root:/);
  });

  test('a screen behind sign-in, signed out: straight to sign-in with the way back, without the app', async () => {
    const res = await fetch(`${url}/?tab=1`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/auth/login?returnTo=${encodeURIComponent('/?tab=1')}`);
    // A forged or foreign-key cookie is no session.
    const forged = await fetch(`${url}/`, { redirect: 'manual', headers: { cookie: sessionCookie({}, 'another-key-of-at-least-32-characters!!') } });
    expect(forged.status).toBe(302);
  });

  test('signed in: the home page carries the name and the screen\'s data, asked with the session\'s token, and is never cached', async () => {
    const res = await fetch(`${url}/`, { headers: { cookie: sessionCookie() } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const boot = JSON.parse(/id="kinerja-boot">(.*?)<\/script>/.exec(html)![1]!);
    expect(boot.session).toEqual({ name: 'Siti Aminah', sub: 'e1' });
    expect(boot.preload).toEqual([{ operationName: 'Home', variables: { year: new Date().getFullYear() }, data: { ok: true } }]);
    expect(html).not.toContain('tok-from-session');
    expect(html).toContain('href="/assets/Home.js"');
    expect(seen!.headers.authorization).toBe('Bearer tok-from-session');
    expect(JSON.parse(seen!.body)).toMatchObject({ operationName: 'Home', variables: { year: new Date().getFullYear() } });
  });

  test('the session cookie is sealed: readable only with the key, and any change to it is refused', () => {
    const sealed = seal({ accessToken: 'a' }, KEY);
    expect(unseal(sealed, KEY)).toEqual({ accessToken: 'a' });
    expect(sealed).not.toContain('a"');
    expect(unseal(sealed, 'another-key-of-at-least-32-characters!!')).toBeNull();
    const [iv, body, tag] = sealed.split('.');
    expect(unseal(`${iv}.${body.slice(0, -2)}AA.${tag}`, KEY)).toBeNull();
    expect(unseal('garbage', KEY)).toBeNull();
  });

  test('sign-in only ever returns to a path of this app', () => {
    expect(safePath('/skp?x=1')).toBe('/skp?x=1');
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', '/auth/logout', null, 'skp']) expect(safePath(bad)).toBe('/');
  });

  test('a callback without the sign-in it belongs to is refused, and the app says why', async () => {
    const res = await fetch(`${url}/auth/callback?code=abc&state=forged`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/auth/callback?failed=state');
    // The app's callback screen then shows the reason.
    const page = await fetch(`${url}/auth/callback?failed=state`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('kinerja-boot');
  });

  test('sign-out is a POST from this app only', async () => {
    expect((await fetch(`${url}/auth/logout`, { redirect: 'manual' })).status).toBe(405);
    const foreign = await fetch(`${url}/auth/logout`, { method: 'POST', redirect: 'manual', headers: { origin: 'https://evil.example', cookie: sessionCookie() } });
    expect(foreign.status).toBe(403);
    const crossSite = await fetch(`${url}/auth/logout`, { method: 'POST', redirect: 'manual', headers: { 'sec-fetch-site': 'cross-site', origin: 'null', cookie: sessionCookie() } });
    expect(crossSite.status).toBe(403);
    // This app's own form (its no-referrer policy makes Origin "null"): the session ends here.
    const own = await fetch(`${url}/auth/logout`, { method: 'POST', redirect: 'manual', headers: { 'sec-fetch-site': 'same-origin', origin: 'null', cookie: sessionCookie() } });
    expect(own.status).toBe(303);
    expect(own.headers.get('set-cookie')).toMatch(/^kinerja_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax/);
  });

  test('hashed assets are immutable and gzip-compressed for clients that accept it', async () => {
    const { request } = await import('node:http');
    const res = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve) => {
      request(`${url}/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () => resolve({ headers: r.headers, body: Buffer.concat(chunks) }));
      }).end();
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(gunzipSync(res.body).toString()).toContain('console.log');
    expect(res.body.length).toBeLessThan(200);
  });

  test('/graphql reaches the gateway with the session\'s token and the CSRF header, and nothing else of the browser\'s', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', origin: url, cookie: `${sessionCookie()}; other=1` },
      body: '{"query":"{ me { id } }"}',
    });
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(seen!.body).toBe('{"query":"{ me { id } }"}');
    expect(seen!.headers.authorization).toBe('Bearer tok-from-session');
    expect(seen!.headers['apollo-require-preflight']).toBe('true');
    expect(seen!.headers.cookie).toBeUndefined();
    expect(seen!.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  test('a signed-in write from another site is refused before it reaches the gateway (CSRF)', async () => {
    seen = null;
    const res = await fetch(`${url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie: sessionCookie() }, body: '{"query":"mutation { x }"}',
    });
    expect(res.status).toBe(403);
    expect((await res.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(seen).toBeNull();
  });

  test('without a session, an API client\'s own bearer token still passes (scripts, tests)', async () => {
    await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer abc' }, body: '{}' });
    expect(seen!.headers.authorization).toBe('Bearer abc');
  });

  test('/files/... (evidence files) reaches the gateway\'s origin both ways with the token, never the cookies', async () => {
    const up = await fetch(`${url}/files/goals/realizations/r1?x=1`, {
      method: 'POST', body: '%PDF-1.4', headers: { 'content-type': 'application/pdf', 'x-file-name': 'bukti.pdf', authorization: 'Bearer abc', cookie: 'session=secret' },
    });
    expect(up.status).toBe(200);
    expect(seen).toMatchObject({ method: 'POST', url: '/files/goals/realizations/r1?x=1', body: '%PDF-1.4' });
    expect(seen!.headers).toMatchObject({ authorization: 'Bearer abc', 'content-type': 'application/pdf', 'x-file-name': 'bukti.pdf' });
    expect(seen!.headers.cookie).toBeUndefined();
    const down = await fetch(`${url}/files/goals/evidence/f1`, { headers: { authorization: 'Bearer abc' } });
    expect(await down.text()).toBe('{"data":{"ok":true}}');
    expect(down.headers.get('set-cookie')).toBeNull();
    expect(seen).toMatchObject({ method: 'GET', url: '/files/goals/evidence/f1' });
  });

  test('the configuration names the bad variable; production needs the gateway and the identity provider', () => {
    expect(() => loadWebConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadWebConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://sso.example.go.id' })).toThrow(/GATEWAY_URL/);
    expect(() => loadWebConfig({ NODE_ENV: 'production', GATEWAY_URL: 'http://gateway:4000/graphql' })).toThrow(/OIDC_ISSUER/);
    expect(() => loadWebConfig({ NODE_ENV: 'production', GATEWAY_URL: 'http://gateway:4000/graphql', OIDC_ISSUER: 'https://sso.example.go.id' })).toThrow(/WEB_SESSION_KEY/);
    expect(() => loadWebConfig({ WEB_SESSION_KEY: 'short' })).toThrow(/at least 32/);
    expect(loadWebConfig({})).toMatchObject({ port: 3000, gatewayUrl: 'http://127.0.0.1:4000/graphql' });
  });
});
