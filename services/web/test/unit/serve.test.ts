// @vitest-environment node
// The web server (server/serve.mjs): headers, runtime config, client-side routes, compression and
// the /graphql proxy, against a throwaway dist/ folder and a stand-in upstream on a random port.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM module without types
import { createWebServer, loadWebConfig } from '../../server/serve.mjs';

describe('server/serve.mjs', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'kinerja-web-'));
  let upstreamUrl = '';
  let seen: { headers: IncomingHttpHeaders; body: string; url?: string; method?: string } | null = null;
  const upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen = { headers: req.headers, body, url: req.url, method: req.method };
      if (req.url?.startsWith('/files/')) {
        res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': 'x=1' }).end('{"id":"f1","url":"/files/goals/evidence/f1"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'x=1' }).end('{"data":{"ok":true}}');
    });
  });
  let web: { listen(): Promise<string>; close(): Promise<void> };
  let url = '';

  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="id"><script type="module" src="/assets/app.js"></script></html>');
    writeFileSync(path.join(dist, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(2000))});`);
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`;
    web = createWebServer({ port: 0, host: '127.0.0.1', gatewayUrl: upstreamUrl, oidcIssuer: 'https://sso.example.go.id/realms/asn', oidcClientId: 'kinerja-web', distDir: dist, trustedProxyHops: 0 });
    url = await web.listen();
  });
  afterAll(async () => {
    await web?.close();
    upstream.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('every page carries a CSP with scripts from this origin only, and connections to the identity provider', async () => {
    const res = await fetch(`${url}/skp`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html lang="id">'); // a client-side route gets the app
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("connect-src 'self' https://sso.example.go.id");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('/files/... streams to the gateway\'s /files/... with the token, type and file name, and nothing else', async () => {
    const res = await fetch(`${url}/files/goals/realizations/r1`, {
      method: 'POST', headers: { authorization: 'Bearer t0ken', 'content-type': 'application/pdf', 'x-file-name': 'laporan.pdf', cookie: 'secret=1' }, body: '%PDF-1.4',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'f1', url: '/files/goals/evidence/f1' });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(seen).toMatchObject({ method: 'POST', url: '/files/goals/realizations/r1', body: '%PDF-1.4' });
    expect(seen!.headers).toMatchObject({ authorization: 'Bearer t0ken', 'content-type': 'application/pdf', 'x-file-name': 'laporan.pdf' });
    expect(seen!.headers.cookie).toBeUndefined();
  });

  test('/config.json tells the app where to sign in; a missing asset is a 404, not the app', async () => {
    expect(await (await fetch(`${url}/config.json`)).json()).toEqual({ oidcAuthority: 'https://sso.example.go.id/realms/asn', oidcClientId: 'kinerja-web', graphqlUrl: '/graphql' });
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
    // A path climbing out of dist/ never reads the file: it is just another screen of the app.
    expect(await (await fetch(`${url}/..%2f..%2fetc%2fpasswd`)).text()).not.toMatch(/root:/);
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

  test('/graphql reaches the gateway with the token and the CSRF header, and nothing else of the browser\'s', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc', 'apollo-require-preflight': 'true', cookie: 'session=secret' },
      body: '{"query":"{ me { id } }"}',
    });
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(seen!.body).toBe('{"query":"{ me { id } }"}');
    expect(seen!.headers.authorization).toBe('Bearer abc');
    expect(seen!.headers['apollo-require-preflight']).toBe('true');
    expect(seen!.headers.cookie).toBeUndefined();
    expect(seen!.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  test('the configuration names the bad variable; production needs the gateway and the identity provider', () => {
    expect(() => loadWebConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadWebConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://sso.example.go.id' })).toThrow(/GATEWAY_URL/);
    expect(() => loadWebConfig({ NODE_ENV: 'production', GATEWAY_URL: 'http://gateway:4000/graphql' })).toThrow(/OIDC_ISSUER/);
    expect(loadWebConfig({})).toMatchObject({ port: 3000, gatewayUrl: 'http://127.0.0.1:4000/graphql' });
  });
});
