// The sign-in session, kept by this server (a "backend for frontend", per the OAuth 2.0 for
// Browser-Based Apps guidance): this server is the OpenID Connect client (authorization code +
// PKCE at the identity service, ARCHITECTURE.md "Trust and identity"), and the browser never holds a
// token. The tokens travel sealed (AES-256-GCM) in one HttpOnly, SameSite=Lax cookie, so any replica
// can serve any request and a restart loses nothing; /graphql and /files get the access token added
// here, refreshed with the refresh token when it runs out. A reload needs no round trip to the
// identity service, which is what lets the home screen come up within the slow-3G budget (WEB.md).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'kinerja_session';
const FLOW_COOKIE = 'kinerja_signin';
/** A sign-in must come back from the identity service within this time. */
const FLOW_TTL_MS = 10 * 60_000;
/** The session cookie outlives the access token; the identity service's refresh token decides. */
const SESSION_MAX_AGE_S = 14 * 86_400;
/** Refresh a little before expiry, so a request never reaches the gateway with a dying token. */
const REFRESH_MARGIN_MS = 30_000;

const b64url = (buf) => Buffer.from(buf).toString('base64url');

function keyOf(secret) {
  return createHash('sha256').update(`kinerja-web-session:${secret}`).digest();
}

/** Sealed with AES-256-GCM: unreadable and tamper-evident without the key. */
export function seal(value, secret) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${b64url(iv)}.${b64url(body)}.${b64url(cipher.getAuthTag())}`;
}

/** The sealed value, or null when it was forged, cut, or sealed with another key. */
export function unseal(text, secret) {
  try {
    const [iv, body, tag] = String(text).split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !body || !tag || iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv);
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8'));
  } catch {
    return null;
  }
}

export function parseCookies(header) {
  const out = {};
  for (const part of String(header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function cookie(name, value, { maxAge, path = '/', secure }) {
  return [`${name}=${value}`, `Path=${path}`, `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

/** The app's public origin: WEB_PUBLIC_URL when set, else the Host the browser used. */
export function originOf(req, config) {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  const proto = config.trustedProxyHops > 0 && req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? `${config.host}:${config.port}`}`;
}

/**
 * Cookie-authenticated writes must come from this app's own pages. Browsers say where a request
 * comes from in Sec-Fetch-Site; where they do not, in Origin (which this app's no-referrer policy
 * turns into "null" on its own form posts, so that alone cannot decide). A cross-site POST carries no
 * SameSite=Lax cookie anyway: this is the second lock.
 */
export function sameOrigin(req, config) {
  const site = req.headers['sec-fetch-site'];
  if (site) return site === 'same-origin';
  const origin = req.headers.origin;
  if (origin && origin !== 'null') return origin === originOf(req, config);
  return !origin;
}

/** The identity service's endpoints, read once per issuer (and again after a failure). */
const discovery = new Map();
async function metadata(issuer, internalUrl) {
  const key = `${issuer} ${internalUrl ?? ''}`;
  let hit = discovery.get(key);
  if (!hit) {
    hit = fetch(`${(internalUrl ?? issuer).replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) }).then(async (r) => {
      if (!r.ok) throw new Error(`discovery: HTTP ${r.status}`);
      return r.json();
    });
    discovery.set(key, hit);
    hit.catch(() => discovery.delete(key));
  }
  return hit;
}

/**
 * The endpoints browsers are sent to carry the issuer's public address; this server's own calls (the
 * token endpoint) go to OIDC_ISSUER_INTERNAL_URL where one is set (compose, k8s), as the gateway's do.
 */
function discover(config) {
  return metadata(config.oidcIssuer, config.oidcInternalUrl);
}

function internal(config, url) {
  if (!config.oidcInternalUrl) return url;
  const u = new URL(url);
  const base = new URL(config.oidcInternalUrl);
  const publicPath = new URL(config.oidcIssuer).pathname.replace(/\/$/, '');
  u.protocol = base.protocol;
  u.host = base.host;
  if (u.pathname.startsWith(publicPath)) u.pathname = base.pathname.replace(/\/$/, '') + u.pathname.slice(publicPath.length);
  return u.toString();
}

async function tokenRequest(config, params) {
  const meta = await discover(config);
  const res = await fetch(internal(config, meta.token_endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ client_id: config.oidcClientId, ...params }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || typeof body.access_token !== 'string') {
    const error = new Error(`token endpoint: ${body.error ?? `HTTP ${res.status}`}`);
    error.oauthError = body.error;
    throw error;
  }
  return body;
}

function claimsOf(idToken) {
  try {
    return JSON.parse(Buffer.from(String(idToken).split('.')[1], 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

function sessionFrom(tokens, previous) {
  const idToken = tokens.id_token ?? previous?.idToken;
  const claims = claimsOf(idToken);
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
    idToken,
    expiresAt: Date.now() + Number(tokens.expires_in ?? 300) * 1000,
    name: typeof claims.name === 'string' ? claims.name : (previous?.name ?? ''),
    sub: String(claims.sub ?? previous?.sub ?? ''),
  };
}

/**
 * One refresh per refresh token at a time, and its answer kept a minute: the identity service
 * rotates refresh tokens and treats a second use of a spent one as theft (ending the session), while
 * a page fires several requests at once with the same cookie.
 */
const refreshing = new Map();
function refreshOnce(config, session) {
  const key = createHash('sha256').update(session.refreshToken).digest('hex');
  let hit = refreshing.get(key);
  if (!hit) {
    hit = tokenRequest(config, { grant_type: 'refresh_token', refresh_token: session.refreshToken }).then((t) => sessionFrom(t, session));
    refreshing.set(key, hit);
    const forget = () => setTimeout(() => refreshing.delete(key), 60_000).unref();
    hit.then(forget, forget);
  }
  return hit;
}

export function createSessions(config) {
  const secret = () => config.sessionKey;
  const secure = (req) => originOf(req, config).startsWith('https:');

  function read(req) {
    const raw = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    const s = raw ? unseal(raw, secret()) : null;
    return s && typeof s.accessToken === 'string' ? s : null;
  }

  function write(req, session) {
    let sealed = seal(session, secret());
    // A browser drops a cookie over 4 kB without a word (a sign-in loop): long tokens cost the ID
    // token, whose only use here is the hint at sign-out (the identity service then asks to confirm).
    if (sealed.length > 3_800) sealed = seal({ ...session, idToken: undefined }, secret());
    return cookie(SESSION_COOKIE, sealed, { maxAge: SESSION_MAX_AGE_S, secure: secure(req) });
  }

  function clear(req) {
    return cookie(SESSION_COOKIE, '', { maxAge: 0, secure: secure(req) });
  }

  /**
   * The caller's session with a live access token (refreshed if need be), and the Set-Cookie
   * header to send back when it changed; `session: null` when signed out or the refresh was refused.
   */
  async function current(req) {
    const session = read(req);
    if (!session) return { session: null, setCookie: undefined };
    if (session.expiresAt - REFRESH_MARGIN_MS > Date.now()) return { session, setCookie: undefined };
    if (!session.refreshToken) return { session: null, setCookie: clear(req) };
    try {
      const renewed = await refreshOnce(config, session);
      return { session: renewed, setCookie: write(req, renewed) };
    } catch {
      return { session: null, setCookie: clear(req) };
    }
  }

  /** GET /auth/login?returnTo=/path: off to the identity service with a fresh state, nonce and PKCE verifier. */
  async function login(req, res, url) {
    const origin = originOf(req, config);
    const returnTo = safePath(url.searchParams.get('returnTo'));
    const verifier = b64url(randomBytes(32));
    const flow = { state: b64url(randomBytes(16)), nonce: b64url(randomBytes(16)), verifier, returnTo, origin, exp: Date.now() + FLOW_TTL_MS };
    let meta;
    try {
      meta = await discover(config);
    } catch {
      return failed(res, 'unavailable');
    }
    const target = new URL(meta.authorization_endpoint);
    target.search = new URLSearchParams({
      response_type: 'code', client_id: config.oidcClientId, redirect_uri: `${origin}/auth/callback`,
      scope: 'openid profile offline_access', state: flow.state, nonce: flow.nonce,
      code_challenge: b64url(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256',
      ...(url.searchParams.get('lang') ? { ui_locales: url.searchParams.get('lang') } : {}),
    }).toString();
    res.writeHead(302, {
      location: target.toString(), 'cache-control': 'no-store',
      'set-cookie': cookie(FLOW_COOKIE, seal(flow, secret()), { maxAge: FLOW_TTL_MS / 1000, path: '/auth', secure: secure(req) }),
    }).end();
  }

  /** GET /auth/callback?code&state: the code exchanged for tokens here, sealed into the session cookie. */
  async function callback(req, res, url) {
    const flow = unseal(parseCookies(req.headers.cookie)[FLOW_COOKIE], secret());
    const dropFlow = cookie(FLOW_COOKIE, '', { maxAge: 0, path: '/auth', secure: secure(req) });
    if (!flow || flow.exp < Date.now() || url.searchParams.get('state') !== flow.state) return failed(res, 'state', dropFlow);
    const code = url.searchParams.get('code');
    if (!code) return failed(res, url.searchParams.get('error') === 'access_denied' ? 'denied' : 'refused', dropFlow);
    let tokens;
    try {
      tokens = await tokenRequest(config, { grant_type: 'authorization_code', code, redirect_uri: `${flow.origin}/auth/callback`, code_verifier: flow.verifier });
    } catch {
      return failed(res, 'refused', dropFlow);
    }
    const claims = claimsOf(tokens.id_token);
    const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    // The ID token came straight from the token endpoint over our own connection; still, it must be
    // the one this sign-in asked for.
    if (claims.nonce !== flow.nonce || claims.iss !== config.oidcIssuer || !audience.includes(config.oidcClientId)) return failed(res, 'refused', dropFlow);
    res.writeHead(302, { location: flow.returnTo, 'cache-control': 'no-store', 'set-cookie': [dropFlow, write(req, sessionFrom(tokens))] }).end();
  }

  /** POST /auth/logout (a form of this app): the session cookie goes, then the identity service ends its own. */
  async function logout(req, res) {
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    if (!sameOrigin(req, config)) return void res.writeHead(403, { 'content-type': 'text/plain' }).end('Sign-out must come from this app');
    const session = read(req);
    const origin = originOf(req, config);
    let location = `${origin}/`;
    try {
      const meta = await discover(config);
      if (meta.end_session_endpoint) {
        const end = new URL(meta.end_session_endpoint);
        end.search = new URLSearchParams({ client_id: config.oidcClientId, post_logout_redirect_uri: `${origin}/`, ...(session?.idToken ? { id_token_hint: session.idToken } : {}) }).toString();
        location = end.toString();
      }
    } catch {
      // The identity service is away: the session here still ends.
    }
    res.writeHead(303, { location, 'cache-control': 'no-store', 'set-cookie': clear(req) }).end();
  }

  /** A failed sign-in: the app's callback screen says so (in the person's language) and offers to try again. */
  function failed(res, reason, setCookie) {
    res.writeHead(302, { location: `/auth/callback?failed=${reason}`, 'cache-control': 'no-store', ...(setCookie ? { 'set-cookie': setCookie } : {}) }).end();
  }

  return { current, login, callback, logout, read };
}

/** Only paths of this app: never an open redirect. */
export function safePath(p) {
  return typeof p === 'string' && p.startsWith('/') && !p.startsWith('//') && !p.startsWith('/\\') && !p.startsWith('/auth/') ? p : '/';
}
