import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { verifyIdentity, type Logger } from '@kinerja/subgraph-kit';
import type { Credentials } from './credentials';
import { BodyTooLarge, clientAddress, csrfToken, csrfValid, newCookieSecret, pageHeaders, parseCookies, readBody, send, sendJson } from './http';
import { form, page, STYLESHEET, type Field } from './pages/html';
import { pickLang, TEXTS, type Lang, type Texts } from './pages/locales';
import { isActive, type PersonnelLookup } from './personnel';
import type Provider from 'oidc-provider';

export interface RouteSettings {
  provider: Provider;
  credentials: Credentials;
  lookup: PersonnelLookup;
  issuer: string;
  resource: string;
  /** Public JWKS of this provider: the admin API accepts its own access tokens. */
  publicJwks: JSONWebKeySet;
  sharedSecret: string;
  csrfKey: string;
  formTargets: string[];
  /** Browser origins allowed to call the admin API (the web app). */
  corsOrigins: string[];
  trustedProxyHops: number;
  activationTtlMs: number;
  secureCookies: boolean;
  log: Logger;
}

const MAX_FORM_BYTES = 8 * 1024;
// Generous for a NIP typed with spaces; long enough for any passphrase (passwordProblems caps at 128).
const MAX_NIP = 64;
const MAX_PASSWORD = 256;
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** The pages and APIs this service adds to oidc-provider's endpoints; null when the path is not ours. */
export function identityRoutes(s: RouteSettings): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const jwks = createLocalJWKSet(s.publicJwks);
  const headers = pageHeaders(s.formTargets);

  const langFor = (req: IncomingMessage, url: URL, fromForm?: string | null): Lang =>
    pickLang(fromForm ?? url.searchParams.get('lang'), parseCookies(req.headers.cookie).kinerja_lang);

  const toggle = (url: URL, lang: Lang) => {
    const u = new URL(url.pathname + url.search, 'http://x');
    u.searchParams.set('lang', lang === 'id' ? 'en' : 'id');
    return `${u.pathname}${u.search}`;
  };

  const langCookie = (lang: Lang) => `kinerja_lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${s.secureCookies ? '; Secure' : ''}`;

  async function formBody(req: IncomingMessage): Promise<URLSearchParams | 'TOO_LARGE' | 'NOT_FORM'> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return 'NOT_FORM';
    try {
      return new URLSearchParams(await readBody(req, MAX_FORM_BYTES));
    } catch (error) {
      if (error instanceof BodyTooLarge) return 'TOO_LARGE';
      throw error;
    }
  }

  /** Over-long or control-character input never reaches the password check. */
  const badField = (values: Array<[string | null, number]>) =>
    values.some(([v, max]) => v !== null && ([...v].length > max || CONTROL.test(v)));

  // ---- sign-in (an oidc-provider interaction) ----

  const loginFields = (t: Texts, nip = ''): Field[] => [
    { name: 'nip', label: t.nip, type: 'text', autocomplete: 'username', inputmode: 'numeric', hint: t.nipHint, maxlength: MAX_NIP, value: nip },
    { name: 'password', label: t.password, type: 'password', autocomplete: 'current-password', maxlength: MAX_PASSWORD },
  ];

  const renderLogin = (res: ServerResponse, status: number, uid: string, lang: Lang, url: URL, error?: string, nip = '') => {
    const t = TEXTS[lang];
    send(res, status, page({
      lang, title: (x) => x.signInTitle, toggleHref: toggle(url, lang),
      body: `<p>${t.signInIntro}</p>
${form(`/interaction/${uid}/login`, { csrf: csrfToken(s.csrfKey, `login:${uid}`), lang }, loginFields(t, nip), t.signIn, error)}
<p class="links">${t.forgot}<br><a href="/password?lang=${lang}">${t.changeLink}</a></p>`,
    }), { ...headers, 'set-cookie': langCookie(lang) });
  };

  const interactionGone = (res: ServerResponse, lang: Lang, url: URL) =>
    send(res, 400, page({ lang, title: (x) => x.errorTitle, toggleHref: toggle(url, lang), body: `<p class="error" role="alert">${TEXTS[lang].badForm}</p>` }), headers);

  const interaction: Handler = async (req, res, url) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/login)?$/.exec(url.pathname);
    const uid = match?.[1] as string;
    let details;
    try {
      details = await s.provider.interactionDetails(req, res);
    } catch {
      return interactionGone(res, langFor(req, url), url);
    }
    if (details.uid !== uid) return interactionGone(res, langFor(req, url), url);
    const uiLocales = typeof details.params.ui_locales === 'string' ? details.params.ui_locales : undefined;

    if (req.method === 'GET' && !match?.[2]) {
      const lang = pickLang(url.searchParams.get('lang'), parseCookies(req.headers.cookie).kinerja_lang, uiLocales);
      if (details.prompt.name === 'login') return renderLogin(res, 200, uid, lang, url);
      if (details.prompt.name === 'consent') {
        // The apps are the regency's own (first-party): consent is implied, never asked.
        const d = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
        const grant = (details.grantId ? await s.provider.Grant.find(details.grantId) : undefined)
          ?? new s.provider.Grant({ accountId: details.session?.accountId as string, clientId: details.params.client_id as string });
        if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
        if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
        const grantId = await grant.save();
        return s.provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      }
      return interactionGone(res, lang, url);
    }
    if (req.method !== 'POST' || !match?.[2] || details.prompt.name !== 'login') return interactionGone(res, langFor(req, url), url);

    const body = await formBody(req);
    const lang0 = langFor(req, url, typeof body === 'object' ? body.get('lang') : null);
    const t0 = TEXTS[lang0];
    if (body === 'TOO_LARGE') return renderLogin(res, 413, uid, lang0, url, t0.tooLong);
    if (body === 'NOT_FORM') return renderLogin(res, 415, uid, lang0, url, t0.badForm);
    if (!csrfValid(s.csrfKey, `login:${uid}`, body.get('csrf'))) return renderLogin(res, 403, uid, lang0, url, t0.badForm);
    const nip = body.get('nip') ?? '';
    const password = body.get('password') ?? '';
    if (badField([[nip, MAX_NIP], [password, MAX_PASSWORD]])) return renderLogin(res, 400, uid, lang0, url, t0.tooLong);
    const result = await s.credentials.authenticate(nip, password, clientAddress(req, s.trustedProxyHops));
    if (!result.ok) {
      const [status, message] = result.reason === 'RATE_LIMITED' ? [429, t0.rateLimited] : result.reason === 'UNAVAILABLE' ? [503, t0.unavailable] : [401, t0.invalid];
      s.log.info({ outcome: result.reason, interaction: uid }, 'sign-in refused');
      return renderLogin(res, status, uid, lang0, url, message, nip);
    }
    s.log.info({ employeeId: result.account.id, interaction: uid }, 'signed in');
    return s.provider.interactionFinished(req, res, { login: { accountId: result.account.id, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
  };

  // ---- activation and change of password (outside interactions: double-submit CSRF cookie) ----

  const csrfCookie = (req: IncomingMessage) => parseCookies(req.headers.cookie).kinerja_csrf ?? '';
  const withCsrfCookie = (req: IncomingMessage, lang: Lang): { cookie: string; headers: Record<string, string | string[]> } => {
    const existing = csrfCookie(req);
    const cookie = /^[A-Za-z0-9_-]{32}$/.test(existing) ? existing : newCookieSecret();
    return {
      cookie,
      headers: { ...headers, 'set-cookie': [`kinerja_csrf=${cookie}; Path=/; HttpOnly; SameSite=Strict${s.secureCookies ? '; Secure' : ''}`, langCookie(lang)] },
    };
  };

  const passwordFields = (t: Texts, current: boolean, nip = ''): Field[] => [
    ...(current ? [
      { name: 'nip', label: t.nip, type: 'text' as const, autocomplete: 'username', inputmode: 'numeric', hint: t.nipHint, maxlength: MAX_NIP, value: nip },
      { name: 'password', label: t.currentPassword, type: 'password' as const, autocomplete: 'current-password', maxlength: MAX_PASSWORD },
    ] : []),
    { name: 'newPassword', label: t.newPassword, type: 'password', autocomplete: 'new-password', hint: t.passwordHint, maxlength: MAX_PASSWORD },
    { name: 'confirmPassword', label: t.confirmPassword, type: 'password', autocomplete: 'new-password', maxlength: MAX_PASSWORD },
  ];

  const activate: Handler = async (req, res, url) => {
    const body = req.method === 'POST' ? await formBody(req) : null;
    const lang = langFor(req, url, body && typeof body === 'object' ? body.get('lang') : null);
    const t = TEXTS[lang];
    const { cookie, headers: h } = withCsrfCookie(req, lang);
    const token = (body && typeof body === 'object' ? body.get('token') : url.searchParams.get('token')) ?? '';
    const render = (status: number, inner: string) => {
      res.writeHead(status, h).end(page({ lang, title: (x) => x.activateTitle, toggleHref: toggle(url, lang), body: inner }));
    };
    const showForm = (status: number, nip: string, error?: string) => render(status, `<p>${t.activateIntro}</p><p>${t.activateFor}: <strong>${nip}</strong></p>
${form('/activate', { csrf: csrfToken(s.csrfKey, cookie), token, lang }, passwordFields(t, false), t.save, error)}`);
    if (body === 'TOO_LARGE') return render(413, `<p class="error" role="alert">${t.tooLong}</p>`);
    if (body === 'NOT_FORM') return render(415, `<p class="error" role="alert">${t.badForm}</p>`);
    const account = await s.credentials.activationFor(token);
    if (!account) return render(410, `<p class="error" role="alert">${t.linkInvalid}</p>`);
    if (!body) return showForm(200, account.nip);
    if (!csrfValid(s.csrfKey, csrfCookie(req), body.get('csrf'))) return showForm(403, account.nip, t.badForm);
    const next = body.get('newPassword') ?? '';
    const confirm = body.get('confirmPassword') ?? '';
    if ([...next].length > MAX_PASSWORD || [...confirm].length > MAX_PASSWORD) return showForm(400, account.nip, t.tooLong);
    const result = await s.credentials.activate(token, next, confirm);
    if (result.ok) {
      s.log.info({ employeeId: result.account.id }, 'password set from activation link');
      return render(200, `<p class="ok" role="status">${t.activated}</p>`);
    }
    if (result.reason === 'INVALID_LINK') return render(410, `<p class="error" role="alert">${t.linkInvalid}</p>`);
    return showForm(400, account.nip, result.problems.map((p) => t[p]).join(' '));
  };

  const changePassword: Handler = async (req, res, url) => {
    const body = req.method === 'POST' ? await formBody(req) : null;
    const lang = langFor(req, url, body && typeof body === 'object' ? body.get('lang') : null);
    const t = TEXTS[lang];
    const { cookie, headers: h } = withCsrfCookie(req, lang);
    const render = (status: number, inner: string) => {
      res.writeHead(status, h).end(page({ lang, title: (x) => x.changeTitle, toggleHref: toggle(url, lang), body: inner }));
    };
    const showForm = (status: number, error?: string, nip = '') =>
      render(status, `<p>${t.changeIntro}</p>${form('/password', { csrf: csrfToken(s.csrfKey, cookie), lang }, passwordFields(t, true, nip), t.save, error)}`);
    if (!body) return showForm(200);
    if (body === 'TOO_LARGE') return showForm(413, t.tooLong);
    if (body === 'NOT_FORM') return showForm(415, t.badForm);
    if (!csrfValid(s.csrfKey, csrfCookie(req), body.get('csrf'))) return showForm(403, t.badForm);
    const nip = body.get('nip') ?? '';
    const current = body.get('password') ?? '';
    const next = body.get('newPassword') ?? '';
    const confirm = body.get('confirmPassword') ?? '';
    if (badField([[nip, MAX_NIP], [current, MAX_PASSWORD]]) || [...next].length > MAX_PASSWORD) return showForm(400, t.tooLong);
    const result = await s.credentials.changePassword(nip, current, next, confirm, clientAddress(req, s.trustedProxyHops));
    if (result.ok) return render(200, `<p class="ok" role="status">${t.changed}</p>`);
    if (result.reason === 'POLICY') return showForm(400, result.problems.map((p) => t[p]).join(' '), nip);
    const [status, message] = result.reason === 'RATE_LIMITED' ? [429, t.rateLimited] : result.reason === 'UNAVAILABLE' ? [503, t.unavailable] : [401, t.invalid];
    return showForm(status, message, nip);
  };

  // ---- admin API: BKPSDM issues activation links ----

  /** The ADMIN calling: this provider's own access token (roles from personnel), or the gateway's signed identity. */
  async function adminCaller(req: IncomingMessage): Promise<{ id: string; roles: string[] } | 'UNAUTHENTICATED' | 'FORBIDDEN'> {
    const signed = req.headers['x-kinerja-identity'];
    if (typeof signed === 'string') {
      const check = verifyIdentity(signed, s.sharedSecret);
      if (!check.ok || !check.identity.employeeId) return 'UNAUTHENTICATED';
      return check.identity.roles.includes('ADMIN') ? { id: check.identity.employeeId, roles: check.identity.roles } : 'FORBIDDEN';
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) return 'UNAUTHENTICATED';
    try {
      const { payload } = await jwtVerify(bearer, jwks, { issuer: s.issuer, audience: s.resource, algorithms: ['RS256'] });
      if (typeof payload.nip !== 'string') return 'UNAUTHENTICATED';
      const account = await s.lookup.byNip(payload.nip);
      if (!isActive(account)) return 'UNAUTHENTICATED';
      return account.roles.includes('ADMIN') ? { id: account.id, roles: [...account.roles, 'EMPLOYEE'] } : 'FORBIDDEN';
    } catch {
      return 'UNAUTHENTICATED';
    }
  }

  const activationLinks: Handler = async (req, res) => {
    const origin = req.headers.origin;
    const cors: Record<string, string> = origin && s.corsOrigins.includes(origin)
      ? { 'access-control-allow-origin': origin, 'access-control-allow-headers': 'authorization, content-type', 'access-control-allow-methods': 'POST, OPTIONS', vary: 'Origin' }
      : {};
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' }, cors);
    // Authorize before reading any input: a caller without the right learns nothing from it.
    const caller = await adminCaller(req);
    if (caller === 'UNAUTHENTICATED') return sendJson(res, 401, { error: 'UNAUTHENTICATED', message: 'Sign in first: this needs an access token' }, { ...cors, 'www-authenticate': 'Bearer' });
    if (caller === 'FORBIDDEN') return sendJson(res, 403, { error: 'FORBIDDEN', message: 'Issuing activation links needs the role ADMIN' }, cors);
    let input: { employeeId?: unknown };
    try {
      if (!(req.headers['content-type'] ?? '').includes('json')) throw new SyntaxError('not json');
      input = JSON.parse(await readBody(req, 2048)) as { employeeId?: unknown };
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      return sendJson(res, tooLarge ? 413 : 400, { error: 'BAD_USER_INPUT', message: tooLarge ? 'The body is larger than 2048 bytes' : 'The body must be JSON: {"employeeId": "..."}' }, cors);
    }
    if (typeof input.employeeId !== 'string' || !UUID.test(input.employeeId)) {
      return sendJson(res, 400, { error: 'BAD_USER_INPUT', field: 'employeeId', message: 'employeeId: must be an employee id (UUID)' }, cors);
    }
    const issued = await s.credentials.issueActivation(input.employeeId, { actorId: caller.id, roles: caller.roles, service: 'identity' }, s.activationTtlMs);
    if (!issued) return sendJson(res, 404, { error: 'NOT_FOUND', message: `Employee ${input.employeeId} does not exist or is not active` }, cors);
    s.log.info({ employeeId: input.employeeId, by: caller.id }, 'activation link issued');
    return sendJson(res, 201, { url: `${s.issuer}/activate?token=${issued.token}`, expiresAt: issued.expiresAt.toISOString() }, cors);
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', s.issuer);
    const path = url.pathname;
    try {
      if (path === '/static/identity.css') {
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }).end(STYLESHEET);
      } else if (path.startsWith('/interaction/')) {
        await interaction(req, res, url);
      } else if (path === '/activate' && (req.method === 'GET' || req.method === 'POST')) {
        await activate(req, res, url);
      } else if (path === '/password' && (req.method === 'GET' || req.method === 'POST')) {
        await changePassword(req, res, url);
      } else if (path === '/admin/activation-links') {
        await activationLinks(req, res, url);
      } else {
        return false;
      }
    } catch (error) {
      s.log.error({ err: error, path }, 'identity request failed');
      if (!res.headersSent) send(res, 500, page({ lang: 'id', title: (x) => x.errorTitle, toggleHref: '?lang=en', body: `<p class="error" role="alert">${TEXTS.id.errorText}</p>` }), headers);
      else res.end();
    }
    return true;
  };
}
