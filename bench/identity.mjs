#!/usr/bin/env node
// `npm run bench -- --only signin` (or `node bench/identity.mjs [--rounds 20]`): times the sign-in of
// one employee end to end at rest, as a browser and the web app do it: authorization request (code +
// PKCE S256) → sign-in page → NIP and password posted → code → token exchange → gateway `me { nip }`.
// Real personnel, identity and gateway in this process on fresh kinerja_bench_signin_* databases, the
// production scrypt cost (services/identity/src/domain/password.ts). A benchmark, never a test.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { infrastructure, requireFromRoot, ROOT, SHARED_SECRET, JWT_SECRET, databaseUrl, withClient } from './lib/stack.mjs';

const say = (msg) => process.stdout.write(`${msg}\n`);
const b64 = (buf) => buf.toString('base64url');
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => Math.round(x * 10) / 10;

class Jar {
  cookies = new Map();
  async fetch(url, init = {}) {
    const res = await fetch(url, { redirect: 'manual', ...init, headers: { ...(init.headers ?? {}), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    return res;
  }
  /** Follows redirects; stops (without fetching) at the app's redirect URI. */
  async follow(url, init, stopAt) {
    let res = await this.fetch(url, init);
    while (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location'), url).toString();
      await res.arrayBuffer();
      if (next.startsWith(stopAt)) return { stopped: next };
      url = next;
      res = await this.fetch(url);
    }
    return { res, url };
  }
}

export async function runSigninBench({ rounds = 20, warmup = 2 } = {}) {
  const { postgres } = await infrastructure();
  const personnelDb = databaseUrl(postgres.url, 'kinerja_bench_signin_personnel');
  const identityDb = databaseUrl(postgres.url, 'kinerja_bench_signin_identity');
  await withClient(databaseUrl(postgres.url, 'postgres'), async (c) => {
    for (const db of ['kinerja_bench_signin_personnel', 'kinerja_bench_signin_identity']) {
      await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${db}"`);
    }
  });
  const pino = requireFromRoot('pino');
  const log = pino({ level: 'warn' });
  const personnel = await requireFromRoot('@kinerja/personnel').createServer({ databaseUrl: personnelDb, sharedSecret: SHARED_SECRET, log, auditSources: ['personnel'] });
  const { composeSupergraph, createGateway } = requireFromRoot('@kinerja/gateway');
  const identityPkg = requireFromRoot('@kinerja/identity');
  const { SignJWT } = requireFromRoot('jose');
  const password = `bench-${b64(randomBytes(9))}`;
  const redirect = 'http://127.0.0.1:9/callback';
  const stops = [() => personnel.stop()];
  try {
    const supergraphSdl = composeSupergraph([{ name: 'personnel', url: personnel.url, sdl: personnel.sdl }]);
    const admin = await new SignJWT({ roles: ['ADMIN', 'EMPLOYEE'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('00000000-0000-4000-8000-000000000001')
      .setIssuer('kinerja').setAudience('kinerja').setExpirationTime('1h').sign(new TextEncoder().encode(JWT_SECRET));
    const devGateway = await createGateway({ supergraphSdl, sharedSecret: SHARED_SECRET, log, jwt: { secret: JWT_SECRET, issuer: 'kinerja', audience: 'kinerja' } });
    stops.unshift(() => devGateway.stop());
    const gql = async (url, query, variables, token) => {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = await r.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const unit = (await gql(devGateway.url, 'mutation($i: CreateOrganizationUnitInput!) { createOrganizationUnit(input: $i) { id } }', { i: { code: 'BKPSDMD', name: 'BKPSDMD', kind: 'BADAN' } }, admin)).createOrganizationUnit.id;
    const nip = '198609262015051001';
    const employee = (await gql(devGateway.url, 'mutation($i: RegisterEmployeeInput!) { registerEmployee(input: $i) { id } }', {
      i: { nip, name: 'Bench Employee', gender: 'MALE', birthDate: '1986-09-26', employmentType: 'PNS', grade: 'III_A', positionTitle: 'Analis', positionKind: 'FUNGSIONAL', unitId: unit },
    }, admin)).registerEmployee.id;

    const identity = await identityPkg.createServer({
      databaseUrl: identityDb, sharedSecret: SHARED_SECRET, personnelUrl: personnel.url, log,
      cookieKeys: [b64(randomBytes(32))], clients: [{ client_id: 'bench', redirect_uris: [redirect], post_logout_redirect_uris: ['http://127.0.0.1:9/'] }],
      development: { password, employeeIds: [employee] },
      credentials: { limits: { perAccount: 10_000, perAddress: 10_000, windowMs: 60_000 } },
    });
    stops.unshift(() => identity.stop());
    const gateway = await createGateway({
      supergraphSdl, sharedSecret: SHARED_SECRET, log,
      jwt: { issuer: 'kinerja', audience: 'kinerja', oidc: { issuers: [identity.issuer], audience: identityPkg.DEFAULT_RESOURCE, nipClaim: 'nip', personnelUrl: personnel.url, sharedSecret: SHARED_SECRET } },
    });
    stops.unshift(() => gateway.stop());

    const once = async () => {
      const t = [performance.now()];
      const jar = new Jar();
      const verifier = b64(randomBytes(32));
      const auth = new URL(`${identity.issuer}/auth`);
      for (const [k, v] of Object.entries({ client_id: 'bench', redirect_uri: redirect, response_type: 'code', scope: 'openid profile', state: b64(randomBytes(8)), code_challenge: b64(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256', resource: identityPkg.DEFAULT_RESOURCE })) auth.searchParams.set(k, v);
      const page = await jar.follow(auth.href, {}, redirect);
      const html = await page.res.text();
      t.push(performance.now());
      const action = new URL(/<form method="post" action="([^"]+)"/.exec(html)[1], identity.issuer).href;
      const csrf = /name="csrf" value="([^"]*)"/.exec(html)[1];
      const done = await jar.follow(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf, lang: 'id', nip: '19860926 201505 1 001', password }).toString() }, redirect);
      if (!done.stopped) throw new Error(`sign-in failed: HTTP ${done.res?.status}`);
      t.push(performance.now());
      const code = new URL(done.stopped).searchParams.get('code');
      const tr = await fetch(`${identity.issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: 'bench', code_verifier: verifier }).toString() });
      const tokens = await tr.json();
      if (!tokens.access_token) throw new Error(`token exchange failed: ${JSON.stringify(tokens)}`);
      t.push(performance.now());
      const me = await gql(gateway.url, '{ me { nip } }', {}, tokens.access_token);
      if (me.me.nip !== nip) throw new Error('me { nip } answered someone else');
      t.push(performance.now());
      return { page: t[1] - t[0], signIn: t[2] - t[1], token: t[3] - t[2], gateway: t[4] - t[3], total: t[4] - t[0] };
    };
    for (let i = 0; i < warmup; i++) await once();
    const runs = [];
    for (let i = 0; i < rounds; i++) runs.push(await once());
    const summary = Object.fromEntries(['total', 'page', 'signIn', 'token', 'gateway'].map((k) => [k, { p50: ms(quantile(runs.map((r) => r[k]), 0.5)), p95: ms(quantile(runs.map((r) => r[k]), 0.95)) }]));
    return { rounds, scrypt: identityPkg.DEFAULT_COST, summary };
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    await withClient(databaseUrl(postgres.url, 'postgres'), async (c) => {
      for (const db of ['kinerja_bench_signin_personnel', 'kinerja_bench_signin_identity']) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    }).catch(() => undefined);
  }
}

export function printSignin(result) {
  say(`Sign-in end to end at rest, ${result.rounds} rounds, scrypt N=${result.scrypt.N} r=${result.scrypt.r} p=${result.scrypt.p} (${os.cpus().length} cores):`);
  for (const [k, v] of Object.entries(result.summary)) say(`  ${k.padEnd(8)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--rounds');
  const rounds = i > 0 ? Number(process.argv[i + 1]) : 20;
  runSigninBench({ rounds }).then((result) => {
    printSignin(result);
    const dir = path.join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `signin-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}.json`);
    writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cores: os.cpus().length, ...result }, null, 2)}\n`);
    say(`  written to ${path.relative(ROOT, file)}`);
    process.exit(0);
  }, (error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
