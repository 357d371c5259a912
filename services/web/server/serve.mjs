#!/usr/bin/env node
// The web app's server: the built files of dist/ on :3000, the sign-in session (session.mjs: the
// browser holds no token), and /graphql and /files proxied to the gateway with the session's access
// token (WEB.md "Running and testing"). Each page carries the app's boot data (who is signed in, and
// for the home screen its data, fetched here), so a returning person's first screen needs one round
// trip. Plain node:http, so the image needs nothing beyond Node.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicy } from './csp.mjs';
import { createSessions, sameOrigin } from './session.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};
/** Request headers passed to the gateway; the rest (cookies above all) stay here. */
const FORWARDED = ['authorization', 'content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name', 'traceparent'];
const MAX_BODY = 1024 * 1024;

/**
 * Reads the configuration from the environment, with a clear message naming the bad variable
 * (ARCHITECTURE.md "Running it").
 */
export function loadWebConfig(env = process.env) {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const gatewayUrl = env.GATEWAY_URL ?? (production ? undefined : 'http://127.0.0.1:4000/graphql');
  if (!gatewayUrl) throw new Error('GATEWAY_URL is required in production (the gateway\'s /graphql URL)');
  try { new URL(gatewayUrl); } catch { throw new Error(`GATEWAY_URL must be a URL, got "${gatewayUrl}"`); }
  const oidcIssuer = env.OIDC_ISSUER ?? (production ? undefined : 'http://127.0.0.1:4010');
  if (!oidcIssuer) throw new Error('OIDC_ISSUER is required in production (the identity provider\'s issuer URL)');
  try { new URL(oidcIssuer); } catch { throw new Error(`OIDC_ISSUER must be a URL, got "${oidcIssuer}"`); }
  // Empty counts as unset (compose passes `${WEB_SESSION_KEY:-}`).
  const sessionKey = env.WEB_SESSION_KEY || (production ? undefined : 'kinerja-development-web-session-key-2026');
  if (!sessionKey) throw new Error('WEB_SESSION_KEY is required in production (at least 32 characters; it seals the sign-in cookie)');
  if (sessionKey.length < 32) throw new Error('WEB_SESSION_KEY must be at least 32 characters');
  const oidcInternalUrl = env.OIDC_ISSUER_INTERNAL_URL || undefined;
  if (oidcInternalUrl) try { new URL(oidcInternalUrl); } catch { throw new Error(`OIDC_ISSUER_INTERNAL_URL must be a URL, got "${oidcInternalUrl}"`); }
  const publicUrl = env.WEB_PUBLIC_URL || undefined;
  if (publicUrl) try { new URL(publicUrl); } catch { throw new Error(`WEB_PUBLIC_URL must be a URL, got "${publicUrl}"`); }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    sessionKey,
    publicUrl,
    oidcInternalUrl,
    gatewayUrl,
    oidcIssuer: oidcIssuer.replace(/\/$/, ''),
    oidcClientId: env.OIDC_CLIENT_ID ?? 'kinerja-web',
    distDir: path.resolve(env.WEB_DIST ?? path.join(HERE, '..', 'dist')),
    trustedProxyHops: Number(env.TRUSTED_PROXY_HOPS ?? 0),
  };
}

function securityHeaders(config) {
  return {
    'content-security-policy': contentSecurityPolicy({ oidcIssuer: config.oidcIssuer }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/** The client's address as the gateway should see it: ours to append, theirs kept only behind trusted proxies. */
function forwardedFor(req, hops) {
  const peer = req.socket.remoteAddress ?? '';
  const prior = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const kept = hops > 0 ? prior.slice(-hops) : [];
  return [...kept, peer].join(', ');
}

/**
 * The upstream headers of a proxied request: the session's access token (refreshed if need be) when
 * the person is signed in here, else the caller's own Authorization (scripts, API clients). A
 * cookie-authenticated write from another origin is refused (CSRF); the cookie itself is never sent on.
 */
async function upstreamAuth(req, config, sessions) {
  const { session, setCookie } = await sessions.current(req);
  if (session && req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req, config)) return { refused: true, setCookie };
  return { authorization: session ? `Bearer ${session.accessToken}` : req.headers.authorization, setCookie };
}

function refuseCrossOrigin(req, res, setCookie) {
  req.resume();
  res.writeHead(403, { 'content-type': 'application/json', ...(setCookie ? { 'set-cookie': setCookie } : {}) })
    .end(JSON.stringify({ errors: [{ message: 'A signed-in request must come from this app', extensions: { code: 'FORBIDDEN' } }] }));
}

async function proxyGraphql(req, res, config, sessions) {
  const auth = await upstreamAuth(req, config, sessions);
  if (auth.refused) return refuseCrossOrigin(req, res, auth.setCookie);
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) {
      res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'The request is too large', extensions: { code: 'BAD_REQUEST' } }] }));
      return;
    }
    chunks.push(chunk);
  }
  const headers = { 'x-forwarded-for': forwardedFor(req, config.trustedProxyHops) };
  for (const h of FORWARDED) if (req.headers[h]) headers[h] = String(req.headers[h]);
  if (auth.authorization) headers.authorization = String(auth.authorization);
  else delete headers.authorization;
  const target = new URL(config.gatewayUrl);
  const incoming = new URL(req.url ?? '/graphql', 'http://web');
  target.search = incoming.search;
  try {
    const upstream = await fetch(target, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
      signal: AbortSignal.timeout(30_000),
    });
    const out = { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store', ...(auth.setCookie ? { 'set-cookie': auth.setCookie } : {}) };
    for (const h of ['www-authenticate', 'retry-after']) if (upstream.headers.get(h)) out[h] = upstream.headers.get(h);
    res.writeHead(upstream.status, out).end(Buffer.from(await upstream.arrayBuffer()));
  } catch {
    res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'The gateway did not answer', extensions: { code: 'GATEWAY_UNAVAILABLE' } }] }));
  }
}

/**
 * Evidence files (/files/<subgraph>/...) on the gateway's origin, streamed both ways: uploads and
 * downloads carry the bearer token like /graphql; the gateway and the subgraph check it.
 */
async function proxyFiles(req, res, config, sessions) {
  const auth = await upstreamAuth(req, config, sessions);
  if (auth.refused) return refuseCrossOrigin(req, res, auth.setCookie);
  const target = new URL(config.gatewayUrl);
  const incoming = new URL(req.url ?? '/', 'http://web');
  const headers = { 'x-forwarded-for': forwardedFor(req, config.trustedProxyHops) };
  for (const h of [...FORWARDED, 'content-length', 'x-file-name']) if (req.headers[h]) headers[h] = String(req.headers[h]);
  if (auth.authorization) headers.authorization = String(auth.authorization);
  else delete headers.authorization;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send({ host: target.hostname, port: target.port, method: req.method, path: `${incoming.pathname}${incoming.search}`, headers, agent: false }, (answer) => {
    // Evidence is personal: never cached, never embeddable by another site.
    const out = { 'cache-control': 'no-store', 'cross-origin-resource-policy': 'same-origin', ...(auth.setCookie ? { 'set-cookie': auth.setCookie } : {}) };
    for (const h of ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'etag']) if (answer.headers[h]) out[h] = String(answer.headers[h]);
    res.writeHead(answer.statusCode ?? 502, out);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    req.resume();
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: 'The gateway did not answer', extensions: { code: 'GATEWAY_UNAVAILABLE' } }] }));
  });
  req.pipe(upstream);
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest', '.map']);
const gzipped = new Map();

/** Text files gzip-compressed once and kept in memory (slow networks: WEB.md "Principles"). */
function gzipOf(file) {
  const mtime = statSync(file).mtimeMs;
  const hit = gzipped.get(file);
  if (hit && hit.mtime === mtime) return hit.body;
  const body = gzipSync(readFileSync(file), { level: 9 });
  gzipped.set(file, { mtime, body });
  return body;
}

function sendFile(req, res, file, headers, immutable) {
  const ext = path.extname(file);
  const common = {
    ...headers,
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
  };
  if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    const body = gzipOf(file);
    res.writeHead(200, { ...common, 'content-encoding': 'gzip', 'content-length': body.length });
    return void res.end(req.method === 'HEAD' ? undefined : body);
  }
  res.writeHead(200, { ...common, 'content-length': statSync(file).size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

/**
 * What `npm run build` wrote next to the app (scripts/preload.mjs): per screen, the modules it
 * needs and the operations its first render asks for. Read per request: tests rebuild dist/.
 */
function readPreload(distDir) {
  try {
    return JSON.parse(readFileSync(path.join(distDir, 'preload.json'), 'utf8'));
  } catch {
    return { routes: {} };
  }
}

/** One operation of a screen, asked here with the session's token; null when the graph refused it. */
async function preloadOperation(req, config, session, op) {
  // The year in Kabupaten Bungo (WIB), as the app's currentPeriods() names it (src/lib/periods.ts).
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));
  const variables = Object.fromEntries(Object.entries(op.variables ?? {}).map(([k, v]) => [k, v === '$currentYear' ? year : v]));
  try {
    const r = await fetch(config.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json', accept: 'application/json', 'apollo-require-preflight': 'true',
        authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': forwardedFor(req, config.trustedProxyHops),
      },
      body: JSON.stringify({ operationName: op.operationName, query: op.query, variables }),
      // Short: with the gateway away, the page must not wait; the app then asks the graph itself.
      signal: AbortSignal.timeout(1_500),
    });
    const body = await r.json();
    if (!r.ok || body.errors?.length || !body.data) return null;
    return { operationName: op.operationName, variables, data: body.data };
  } catch {
    return null;
  }
}

/**
 * The app's page with its boot data as a JSON data block (not a script: the CSP allows no inline
 * script, and none runs here) and the screen's modules preloaded in parallel with the entry. With
 * `rendered` (the home screen's markup from dist-ssr/, src/entry-server.tsx) the markup goes into
 * the root and the app's stylesheet into the page: on Slow 3G a separate stylesheet is one more
 * 2-second round trip before anything is drawn. Styles may be inline (server/csp.mjs); scripts not.
 */
function renderIndex(html, boot, modules, rendered) {
  const json = JSON.stringify(boot).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const links = modules.map((m) => `<link rel="modulepreload" crossorigin href="${m}">`).join('');
  let page = html.replace('</head>', `${links}<script type="application/json" id="kinerja-boot">${json}</script></head>`);
  if (rendered) {
    page = page
      .replace(/<html lang="[a-z]+"/, `<html lang="${rendered.language}"`)
      // The page works without the app's script: the note that it needs one is not true of it.
      .replace(/<noscript>.*?<\/noscript>/s, '')
      .replace(/<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/g, (link, href) => {
        const css = rendered.styles(href);
        return css === null ? link : `<style>${css}</style>`;
      })
      .replace('<div id="root"></div>', () => `<div id="root" data-server-rendered>${rendered.markup}</div>`);
  }
  return page;
}

/** The language the person chose (the app's cookie, src/i18n.ts): the server renders in it. */
function languageOf(req) {
  return /(?:^|;\s*)kinerja_language=en(?:;|$)/.test(String(req.headers.cookie ?? '')) ? 'en' : 'id';
}

/**
 * The home screen's renderer (`npm run build` writes dist-ssr/entry-server.js), loaded once; null
 * where it was not built (`vite` in development): the app then renders in the browser only.
 */
function homeRenderer(config) {
  const file = config.ssrModule ?? path.join(config.distDir, '..', 'dist-ssr', 'entry-server.js');
  let loaded;
  return () => {
    loaded ??= existsSync(file) ? import(pathToFileURL(file).href).then((m) => m.renderHome, () => null) : Promise.resolve(null);
    return loaded;
  };
}

/** The server, not yet listening; `listen()` resolves to its URL. Tests start it on port 0. */
export function createWebServer(config) {
  // Without a configured key (tests), sessions last as long as this process.
  if (!config.sessionKey) config.sessionKey = randomBytes(32).toString('hex');
  const sessions = createSessions(config);
  const indexFile = path.join(config.distDir, 'index.html');
  const renderer = homeRenderer(config);
  const stylesheets = new Map();
  /** The built stylesheet at `href`, read once per build (tests rebuild dist/); null if it is not there. */
  const styles = (href) => {
    const file = path.join(config.distDir, path.normalize(href));
    if (!file.startsWith(config.distDir + path.sep) || !existsSync(file)) return null;
    const mtime = statSync(file).mtimeMs;
    const hit = stylesheets.get(file);
    if (hit?.mtime === mtime) return hit.css;
    const css = readFileSync(file, 'utf8').replace(/<\/style/gi, '<\\/style');
    stylesheets.set(file, { mtime, css });
    return css;
  };

  /** The home screen's markup, or null: a render that fails leaves the page to the browser, as before. */
  async function renderHome(boot, language) {
    const render = await renderer();
    if (!render) return null;
    try {
      const markup = await render(boot, language);
      return markup ? { markup, language, styles } : null;
    } catch (error) {
      process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), msg: 'home not rendered on the server; the browser renders it', err: error instanceof Error ? error.message : String(error) })}\n`);
      return null;
    }
  }

  async function sendIndex(req, res, headers, url) {
    const preload = readPreload(config.distDir);
    const route = preload.routes?.[url.pathname.replace(/(.)\/$/, '$1')];
    const { session, setCookie } = await sessions.current(req);
    if (route?.signIn && !session) {
      // A screen behind sign-in, and nobody signed in: straight to sign-in, without loading the app.
      const returnTo = `${url.pathname}${url.search}`;
      res.writeHead(302, { location: `/auth/login?${new URLSearchParams({ returnTo })}`, 'cache-control': 'no-store', vary: 'cookie', ...(setCookie ? { 'set-cookie': setCookie } : {}) });
      return void res.end();
    }
    const boot = { graphqlUrl: '/graphql', session: session ? { name: session.name, sub: session.sub } : null, preload: [] };
    const started = performance.now();
    if (session && route?.operations?.length) {
      boot.preload = (await Promise.all(route.operations.map((op) => preloadOperation(req, config, session, op)))).filter(Boolean);
    }
    const asked = performance.now();
    const rendered = session && url.pathname === '/' ? await renderHome(boot, languageOf(req)) : null;
    // What the page waited for here (the graph, the render): in the browser's developer tools and bench/web.mjs.
    const timing = `preload;dur=${(asked - started).toFixed(1)}, render;dur=${(performance.now() - asked).toFixed(1)}`;
    const body = Buffer.from(renderIndex(readFileSync(indexFile, 'utf8'), boot, route?.modules ?? preload.boot ?? [], rendered));
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const out = gzip ? gzipSync(body) : body;
    res.writeHead(200, {
      ...headers, 'content-type': TYPES['.html'], 'content-length': out.length, vary: 'accept-encoding, cookie', 'server-timing': timing,
      // A signed-in page carries the person's data: never stored by the browser or a proxy.
      'cache-control': session ? 'no-store' : 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}), ...(setCookie ? { 'set-cookie': setCookie } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : out);
  }

  const server = createServer((req, res) => {
    // Read per request: a test may point a listening server at an identity service started after it.
    const headers = securityHeaders(config);
    const url = new URL(req.url ?? '/', 'http://web');
    const fail = (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(error instanceof Error ? 'The web server could not answer' : '');
    };
    if (url.pathname === '/graphql') return void proxyGraphql(req, res, config, sessions).catch(fail);
    if (url.pathname.startsWith('/files/')) return void proxyFiles(req, res, config, sessions).catch(fail);
    if (url.pathname === '/auth/logout') return void sessions.logout(req, res).catch(fail);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    if (url.pathname === '/auth/login') return void sessions.login(req, res, url).catch(fail);
    if (url.pathname === '/auth/callback' && !url.searchParams.has('failed')) return void sessions.callback(req, res, url).catch(fail);
    if (url.pathname === '/auth/session') {
      // The boot data without a page, for `vite` in development (its index.html has none).
      return void sessions.current(req).then(({ session, setCookie }) => res.writeHead(200, {
        'content-type': 'application/json', 'cache-control': 'no-store', ...(setCookie ? { 'set-cookie': setCookie } : {}),
      }).end(JSON.stringify({ graphqlUrl: '/graphql', session: session ? { name: session.name, sub: session.sub } : null, preload: [] })), fail);
    }
    if (url.pathname === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    if (url.pathname === '/ready') {
      const ok = existsSync(indexFile);
      return void res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ready' : 'no build in dist/' }));
    }
    let rel;
    try { rel = decodeURIComponent(url.pathname); } catch { return void res.writeHead(400).end(); }
    const file = path.join(config.distDir, path.normalize(rel));
    if (file.startsWith(config.distDir + path.sep) && existsSync(file) && statSync(file).isFile()) {
      return sendFile(req, res, file, headers, rel.startsWith('/assets/'));
    }
    // A missing asset is a 404; any other path is a screen of the app (client-side routes).
    if (rel.startsWith('/assets/') || path.extname(rel)) return void res.writeHead(404, headers).end();
    if (!existsSync(indexFile)) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('The web app is not built: run npm run build');
    return void sendIndex(req, res, headers, url).catch(fail);
  });
  return {
    server,
    listen: () => new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        const a = server.address();
        resolve(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${a.port}`);
      });
    }),
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let config;
  try {
    config = loadWebConfig();
  } catch (error) {
    process.stderr.write(`web: ${error.message}\n`);
    process.exit(1);
  }
  const web = createWebServer(config);
  web.listen().then((url) => {
    process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: 'web listening', url, gateway: config.gatewayUrl })}\n`);
  });
  const stop = () => web.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
