import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { graphql } from '@kinerja/testing';
import { Client } from 'pg';
import { createServer, DEFAULT_RESOURCE } from '../src';
import { Browser, CLIENT_ID, DEV_PASSWORD, errorText, formAction, hidden, POST_LOGOUT_URI, REDIRECT_URI, startWorld, type World } from './helpers';

type OpenIdClient = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });

let world: World;
let oidc: OpenIdClient;
let config: import('openid-client', { with: { 'resolution-mode': 'import' } }).Configuration;

beforeAll(async () => {
  oidc = await import('openid-client');
  world = await startWorld();
  config = await oidc.discovery(new URL(world.identity.issuer), CLIENT_ID, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
});

afterAll(async () => {
  await world?.stop();
});

const spaced = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)}\u00a0${nip.slice(15)}`;

/** Starts an authorization request (code + PKCE S256) in a fresh browser and returns the sign-in page. */
async function openSignIn(extra: Record<string, string> = {}) {
  const browser = new Browser();
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const params: Record<string, string> = {
    redirect_uri: REDIRECT_URI, scope: 'openid profile', state, resource: DEFAULT_RESOURCE,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', ...extra,
  };
  if (params.resource === '') delete params.resource;
  const authUrl = oidc.buildAuthorizationUrl(config, params);
  const { res, url } = await browser.follow(authUrl.href);
  const html = await res!.text();
  return { browser, verifier, state, html, res: res!, url };
}

/** Posts the real sign-in form; ends at the app's redirect URI when the sign-in succeeds. */
async function submit(page: Awaited<ReturnType<typeof openSignIn>>, nip: string, password: string, fields: Record<string, string> = {}) {
  const action = new URL(formAction(page.html), world.identity.issuer).href;
  const out = await page.browser.follow(action, { form: { csrf: hidden(page.html, 'csrf'), lang: hidden(page.html, 'lang'), nip, password, ...fields } });
  return { ...out, html: out.res ? await out.res.text() : '' };
}

async function signIn(nip: string, password = DEV_PASSWORD) {
  const page = await openSignIn();
  const done = await submit(page, nip, password);
  if (!done.stopped) throw new Error(`sign-in did not reach the app (HTTP ${done.res?.status}): ${errorText(done.html) ?? done.html.slice(0, 300)}`);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(done.stopped), { pkceCodeVerifier: page.verifier, expectedState: page.state }, { resource: DEFAULT_RESOURCE });
  return { tokens, browser: page.browser };
}

const me = (token: string) => graphql<{ me: { id: string; nip: string; roles: string[] } }>(world.gateway.url, '{ me { id nip roles } }', {}, { token });

describe('signing in with OpenID Connect (authorization code + PKCE) against the real identity service', () => {
  it('signs an employee in by NIP with spaces, and the gateway answers me { nip } with roles from personnel', async () => {
    const { tokens } = await signIn(spaced(world.people.admin.nip));
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ iss: world.identity.issuer, aud: DEFAULT_RESOURCE, sub: world.people.admin.id, nip: world.people.admin.nip });
    expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(900);
    expect(claims.roles).toBeUndefined();
    expect(tokens.claims()?.nip).toBe(world.people.admin.nip);
    const r = await me(tokens.access_token);
    expect(r.errors).toBeUndefined();
    expect(r.data?.me).toEqual({ id: world.people.admin.id, nip: world.people.admin.nip, roles: ['ADMIN'] });
  });

  it('issues a JWT for the gateway also when the app names no resource (as oidc-client-ts does by default)', async () => {
    const page = await openSignIn({ resource: '' });
    const done = await submit(page, world.people.staff.nip, DEV_PASSWORD);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(done.stopped as string), { pkceCodeVerifier: page.verifier, expectedState: page.state });
    expect(decodeJwt(tokens.access_token).aud).toBe(DEFAULT_RESOURCE);
    expect((await me(tokens.access_token)).data?.me.nip).toBe(world.people.staff.nip);
  });

  it('offers only the authorization code flow with PKCE S256', async () => {
    const meta = config.serverMetadata();
    expect(meta.response_types_supported).toEqual(['code']);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    const withoutPkce = new Browser();
    const url = new URL(meta.authorization_endpoint as string);
    for (const [k, v] of Object.entries({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid' })) url.searchParams.set(k, v);
    const { stopped } = await withoutPkce.follow(url.href);
    expect(new URL(stopped as string).searchParams.get('error')).toBe('invalid_request');
    url.searchParams.set('response_type', 'id_token');
    const implicit = await new Browser().follow(url.href);
    // Refused before any token exists: on an error page, or back to the app with the error.
    // (an implicit response_type answers in the fragment)
    const refusal = implicit.stopped ? new URLSearchParams(new URL(implicit.stopped).hash.slice(1) || new URL(implicit.stopped).search).get('error') : `HTTP ${implicit.res?.status}: ${await implicit.res?.text()}`;
    expect(refusal).toMatch(/unsupported_response_type|HTTP 400: [\s\S]*unsupported_response_type/);
    expect(implicit.stopped ?? '').not.toMatch(/id_token=|access_token=/);
  });

  it('gives the same answer for an unknown NIP and a wrong password', async () => {
    const unknown = await submit(await openSignIn(), '19900101 201801 1 999', DEV_PASSWORD);
    const wrong = await submit(await openSignIn(), world.people.staff.nip, 'not-the-password');
    const retired = await submit(await openSignIn(), world.people.retired.nip, DEV_PASSWORD);
    expect(unknown.res?.status).toBe(401);
    expect(wrong.res?.status).toBe(401);
    expect(retired.res?.status).toBe(401);
    expect(errorText(unknown.html)).toBeTruthy();
    expect(errorText(wrong.html)).toBe(errorText(unknown.html));
    expect(errorText(retired.html)).toBe(errorText(unknown.html));
  });

  it('locks an account after five wrong passwords, refuses the right one until the lock passes, then lets it in', async () => {
    const nip = world.people.locked.nip;
    for (let i = 0; i < 5; i++) {
      const r = await submit(await openSignIn(), nip, `wrong-password-${i}`);
      expect(r.res?.status).toBe(401);
    }
    const sixth = await submit(await openSignIn(), nip, DEV_PASSWORD);
    expect(sixth.stopped).toBeUndefined();
    expect(sixth.res?.status).toBe(401);
    expect(errorText(sixth.html)).toBe(errorText((await submit(await openSignIn(), '19900101 201801 1 998', 'x-wrong-password')).html));
    world.clock.now += 59_000;
    expect((await submit(await openSignIn(), nip, DEV_PASSWORD)).stopped).toBeUndefined();
    world.clock.now += 2_000; // the first lock is 60 s (baseLockMs); the next one twice that
    const { tokens } = await signIn(nip);
    expect((await me(tokens.access_token)).data?.me.nip).toBe(nip);
  });

  const valid = () => ({ nip: world.people.staff.nip, password: DEV_PASSWORD });
  it.each([
    ['without the CSRF token', { csrf: '' }, 403],
    ['with a forged CSRF token', { csrf: 'A'.repeat(43) }, 403],
    ['with an over-long NIP', { nip: '1'.repeat(65) }, 400],
    ['with an over-long password', { password: 'x'.repeat(257) }, 400],
    ['with a control character in the NIP', { nip: 'NIP\u0000' }, 400],
    ['with a control character in the password', { password: `${DEV_PASSWORD}\u0007` }, 400],
    ['with a zero-width character in the NIP', { nip: 'NIP\u200e' }, 400],
    ['with a body over 8 KiB', { password: 'x'.repeat(20_000) }, 413],
  ])('refuses the sign-in form %s, and signs nobody in', async (_name, change, status) => {
    const page = await openSignIn();
    const fields = { ...valid(), ...change } as Record<string, string>;
    const nip = (fields.nip ?? '').replace('NIP', world.people.staff.nip);
    const { nip: _n, password, ...rest } = fields;
    const out = await submit(page, nip, password as string, rest);
    expect(out.res?.status).toBe(status);
    expect(out.stopped).toBeUndefined();
    expect(out.html).not.toMatch(/stack|at \/|SELECT|TypeError/);
  });

  it('refuses a sign-in posted as something other than a form', async () => {
    const page = await openSignIn();
    const res = await page.browser.request(new URL(formAction(page.html), world.identity.issuer).href, {
      method: 'POST', headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(415);
  });
});

describe('the sign-in page', () => {
  it('is Indonesian with an English toggle, labelled, and served under a strict CSP', async () => {
    const page = await openSignIn();
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('<html lang="id">');
    expect(page.html).toMatch(/<label for="nip">NIP<\/label>\s*<input id="nip" name="nip" type="text" autocomplete="username"/);
    expect(page.html).toMatch(/<label for="password">Kata sandi<\/label>\s*<input id="password" name="password" type="password"/);
    expect(page.html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(page.html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);
    const csp = page.res.headers.get('content-security-policy') as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const toggle = /<a href="([^"]+)" hreflang="en"/.exec(page.html)?.[1] as string;
    const english = await page.browser.request(new URL(toggle, page.url).href);
    const html = await english.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label for="password">Password</label>');
    const wrong = await submit({ ...page, html }, world.people.staff.nip, 'not-the-password');
    expect(wrong.html).toContain('<html lang="en">');
    expect(wrong.html).toMatch(/aria-describedby="[^"]*form-error"/);
  });
});

describe('tokens the gateway refuses', () => {
  async function identityKey() {
    const c = new Client({ connectionString: world.identityDb.url });
    await c.connect();
    try {
      const { rows } = await c.query('SELECT private_jwk FROM signing_key WHERE retired_at IS NULL');
      return rows[0].private_jwk as Record<string, string>;
    } finally {
      await c.end();
    }
  }

  async function forge(claims: Record<string, unknown>, opts: { iss?: string; aud?: string; exp?: number; nbf?: number; own?: boolean } = {}) {
    const jwk = await identityKey();
    const key = opts.own === false ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : createPrivateKey({ key: jwk as never, format: 'jwk' });
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid as string, typ: 'at+jwt' })
      .setIssuer(opts.iss ?? world.identity.issuer).setAudience(opts.aud ?? DEFAULT_RESOURCE).setSubject(world.people.staff.id)
      .setIssuedAt(now - 10).setExpirationTime(now + (opts.exp ?? 600)).setJti(randomUUID());
    if (opts.nbf !== undefined) jwt.setNotBefore(now + opts.nbf);
    return jwt.sign(key);
  }

  it('accepts a token signed by the identity service key, so the refusals below are for their one difference', async () => {
    expect((await me(await forge({ nip: world.people.staff.nip }))).data?.me.nip).toBe(world.people.staff.nip);
  });

  it.each([
    ['from another issuer', { iss: 'https://sso.elsewhere.example/realms/x' }, /not valid/],
    ['signed by a key the issuer never published', { own: false }, /not valid/],
    ['expired', { exp: -120 }, /expired/],
    ['not valid yet', { nbf: 600 }, /not valid/],
    ['for another audience', { aud: 'https://another-app.example' }, /not valid/],
  ])('refuses a token %s', async (_name, opts, message) => {
    const r = await me(await forge({ nip: world.people.staff.nip }, opts as never));
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0]?.message).toMatch(message);
  });

  it('reads the NIP from the claim OIDC_NIP_CLAIM names (preferred_username, as Keycloak keeps it)', async () => {
    const { composeSupergraph, createGateway } = await import('@kinerja/gateway');
    const { TEST_SHARED_SECRET, testLogger } = await import('@kinerja/testing');
    const personnel = world.graph.services.personnel!;
    const keycloakStyle = await createGateway({
      supergraphSdl: composeSupergraph([{ name: 'personnel', url: personnel.url, sdl: personnel.sdl }]),
      sharedSecret: TEST_SHARED_SECRET, log: testLogger('gateway'),
      jwt: { issuer: 'kinerja', audience: 'kinerja', oidc: { issuers: [world.identity.issuer], audience: DEFAULT_RESOURCE, nipClaim: 'preferred_username', personnelUrl: personnel.url, sharedSecret: TEST_SHARED_SECRET, cacheMs: 0 } },
    });
    try {
      const ask = async (claims: Record<string, unknown>) => graphql<{ me: { nip: string } }>(keycloakStyle.url, '{ me { nip } }', {}, { token: await forge(claims) });
      expect((await ask({ preferred_username: world.people.staff.nip })).data?.me.nip).toBe(world.people.staff.nip);
      const withoutIt = await ask({ nip: world.people.staff.nip });
      expect(withoutIt.status).toBe(401);
      expect(withoutIt.errors?.[0]?.message).toMatch(/no NIP \(claim preferred_username\)/);
      // Without OIDC and the development secret, an RS256 token is refused outright (production's gateway never falls back to HS256).
      expect((await graphql(keycloakStyle.url, '{ me { nip } }', {}, { token: await (await import('@kinerja/testing')).makeToken({ sub: world.people.staff.id, roles: ['ADMIN'] }) })).status).toBe(401);
    } finally {
      await keycloakStyle.stop();
    }
  });

  it('never takes roles from the token, and refuses a NIP personnel does not know or has retired', async () => {
    const claimsAdmin = await me(await forge({ nip: world.people.staff.nip, roles: ['ADMIN'] }));
    expect(claimsAdmin.data?.me.roles).toEqual([]);
    const admin = await graphql(world.gateway.url, 'mutation($id: ID!) { grantRole(employeeId: $id, role: ANALYST) { id } }', { id: world.people.staff.id }, { token: await forge({ nip: world.people.staff.nip, roles: ['ADMIN'] }) });
    expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const nip of ['199001012018011999', world.people.retired.nip]) {
      const r = await me(await forge({ nip }));
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('refresh and logout', () => {
  it('refreshes the access token, and after RP-initiated logout the refresh token no longer works', async () => {
    const { tokens, browser } = await signIn(world.people.staff.nip);
    expect(tokens.refresh_token).toBeTruthy();
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token as string, { resource: DEFAULT_RESOURCE });
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await me(refreshed.access_token)).data?.me.nip).toBe(world.people.staff.nip);

    const end = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token as string, post_logout_redirect_uri: POST_LOGOUT_URI, state: 'bye' });
    const confirm = await browser.request(end.href);
    const html = await confirm.text();
    expect(confirm.status).toBe(200);
    expect(html).toContain('<html lang="id">');
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1] as string;
    const out = await browser.follow(new URL(action, world.identity.issuer).href, { form: { xsrf: hidden(html, 'xsrf'), logout: 'yes' } }, POST_LOGOUT_URI);
    expect(out.stopped).toBe(`${POST_LOGOUT_URI}?state=bye`);
    await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token as string, { resource: DEFAULT_RESOURCE })).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses to refresh for an employee personnel has set INACTIVE, and the gateway refuses their token', async () => {
    const { tokens } = await signIn(world.people.leaver.nip);
    await graphql(world.graph.url, 'mutation($id: ID!) { updateEmployee(id: $id, input: { status: INACTIVE }) { id } }', { id: world.people.leaver.id }, { token: world.adminToken });
    world.identity.lookup.forget();
    expect((await me(tokens.access_token)).status).toBe(401);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token as string, { resource: DEFAULT_RESOURCE })).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

describe('roles through the gateway with people\'s tokens', () => {
  const GRANT = 'mutation($id: ID!, $role: Role!) { grantRole(employeeId: $id, role: $role) { id roles } }';
  const REVOKE = 'mutation($id: ID!, $role: Role!) { revokeRole(employeeId: $id, role: $role) { id roles } }';

  it('lets an ADMIN grant and revoke ANALYST, refuses the last ADMIN\'s revocation, and refuses a non-ADMIN', async () => {
    const admin = (await signIn(world.people.admin.nip)).tokens.access_token;
    const staff = (await signIn(world.people.staff.nip)).tokens.access_token;
    const granted = await graphql(world.gateway.url, GRANT, { id: world.people.staff.id, role: 'ANALYST' }, { token: admin });
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.grantRole.roles).toEqual(['ANALYST']);
    expect((await me(staff)).data?.me.roles).toEqual(['ANALYST']);
    const byStaff = await graphql(world.gateway.url, GRANT, { id: world.people.staff.id, role: 'ADMIN' }, { token: staff });
    expect(byStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const last = await graphql(world.gateway.url, REVOKE, { id: world.people.admin.id, role: 'ADMIN' }, { token: admin });
    expect(last.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    const revoked = await graphql(world.gateway.url, REVOKE, { id: world.people.staff.id, role: 'ANALYST' }, { token: admin });
    expect(revoked.data?.revokeRole.roles).toEqual([]);
    expect((await me(staff)).data?.me.roles).toEqual([]);
    const c = new Client({ connectionString: world.graph.databases.personnel!.url });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT action, actor_id, before, after FROM audit_entry WHERE entity_id = $1 AND action IN ('grantRole', 'revokeRole') ORDER BY id`, [world.people.staff.id]);
      expect(rows).toEqual([
        { action: 'grantRole', actor_id: world.people.admin.id, before: { roles: [] }, after: { roles: ['ANALYST'] } },
        { action: 'revokeRole', actor_id: world.people.admin.id, before: { roles: ['ANALYST'] }, after: { roles: [] } },
      ]);
    } finally {
      await c.end();
    }
  });
});

describe('activation links and changing a password', () => {
  const issue = (employeeId: string, token?: string) => fetch(`${world.identity.issuer}/admin/activation-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ employeeId }),
  });

  it('lets an ADMIN issue a one-time link; the employee sets a password, signs in, and the link is spent', async () => {
    const admin = (await signIn(world.people.admin.nip)).tokens.access_token;
    const staff = (await signIn(world.people.staff.nip)).tokens.access_token;
    expect((await issue(world.people.newcomer.id)).status).toBe(401);
    expect((await issue(world.people.newcomer.id, staff)).status).toBe(403);
    expect((await issue(world.people.retired.id, admin)).status).toBe(404);
    const res = await issue(world.people.newcomer.id, admin);
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };

    const browser = new Browser();
    const form = await browser.request(url);
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toContain(world.people.newcomer.nip);
    const post = (fields: Record<string, string>) => browser.request(`${world.identity.issuer}/activate`, {
      form: { csrf: hidden(html, 'csrf'), token: hidden(html, 'token'), lang: 'id', ...fields },
    });
    expect((await post({ newPassword: 'short', confirmPassword: 'short' })).status).toBe(400);
    expect((await post({ csrf: '', newPassword: 'a good long passphrase', confirmPassword: 'a good long passphrase' })).status).toBe(403);
    const done = await post({ newPassword: 'a good long passphrase', confirmPassword: 'a good long passphrase' });
    expect(done.status).toBe(200);
    expect((await signIn(world.people.newcomer.nip, 'a good long passphrase')).tokens.access_token).toBeTruthy();
    expect((await post({ newPassword: 'another long passphrase', confirmPassword: 'another long passphrase' })).status).toBe(410);
    expect((await new Browser().request(url)).status).toBe(410);
  });

  it('lets a link expire', async () => {
    const admin = (await signIn(world.people.admin.nip)).tokens.access_token;
    const { url } = (await (await issue(world.people.newcomer.id, admin)).json()) as { url: string };
    expect((await new Browser().request(url)).status).toBe(200);
    world.clock.now += 3600_000 + 1000;
    expect((await new Browser().request(url)).status).toBe(410);
  });

  it('lets an employee change their password with the current one', async () => {
    const browser = new Browser();
    const page = await browser.request(`${world.identity.issuer}/password`);
    const html = await page.text();
    const change = (current: string) => browser.request(`${world.identity.issuer}/password`, {
      form: { csrf: hidden(html, 'csrf'), lang: 'id', nip: world.people.admin.nip, password: current, newPassword: 'the admin new passphrase', confirmPassword: 'the admin new passphrase' },
    });
    expect((await change('not the current one')).status).toBe(401);
    expect((await change(DEV_PASSWORD)).status).toBe(200);
    expect((await submit(await openSignIn(), world.people.admin.nip, DEV_PASSWORD)).stopped).toBeUndefined();
    expect((await signIn(world.people.admin.nip, 'the admin new passphrase')).tokens.access_token).toBeTruthy();
  });
});

describe('key rotation', () => {
  it('signs with a new key after a rotation, and the gateway fetches it on meeting the unknown kid', async () => {
    const old = (await signIn(world.people.staff.nip)).tokens.access_token;
    expect((await me(old)).data?.me.nip).toBe(world.people.staff.nip); // the gateway now holds the old JWKS
    const oldKid = JSON.parse(Buffer.from(old.split('.')[0]!, 'base64url').toString()).kid;
    // A restart with the rotation due: same database, same issuer and port, a new signing key.
    await world.identity.stop();
    world.identity = await createServer({ ...world.identityOptions, port: world.identity.port, keyPolicy: { rotateAfterDays: 0, publishRetiredDays: 2 } });
    const { tokens } = await signIn(world.people.staff.nip);
    const kid = JSON.parse(Buffer.from(tokens.access_token.split('.')[0]!, 'base64url').toString()).kid;
    expect(kid).not.toBe(oldKid);
    expect(decodeJwt(tokens.access_token).iss).toBe(decodeJwt(old).iss);
    const r = await me(tokens.access_token);
    expect(r.errors).toBeUndefined();
    expect(r.data?.me.nip).toBe(world.people.staff.nip);
  });
});
