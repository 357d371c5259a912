#!/usr/bin/env node
// The web app's server: the built files of dist/ on :3000, /graphql proxied to the gateway, and
// /config.json telling the app where to sign in (WEB.md "Running and testing"). Plain node:http,
// so the image needs nothing beyond Node.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicy } from './csp.mjs';

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
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
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

async function proxyGraphql(req, res, config) {
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
    const out = { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' };
    for (const h of ['www-authenticate', 'retry-after']) if (upstream.headers.get(h)) out[h] = upstream.headers.get(h);
    res.writeHead(upstream.status, out).end(Buffer.from(await upstream.arrayBuffer()));
  } catch {
    res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'The gateway did not answer', extensions: { code: 'GATEWAY_UNAVAILABLE' } }] }));
  }
}

/**
 * Evidence files (README "Evidence files"): /files/... streams to the gateway's /files/... with the
 * caller's bearer token, the file's type and name; the goals service enforces size, type and who may.
 */
function proxyFiles(req, res, config) {
  const gateway = new URL(config.gatewayUrl);
  const incoming = new URL(req.url ?? '/', 'http://web');
  const headers = { 'x-forwarded-for': forwardedFor(req, config.trustedProxyHops) };
  for (const h of ['authorization', 'content-type', 'content-length', 'x-file-name', 'apollo-require-preflight']) if (req.headers[h]) headers[h] = String(req.headers[h]);
  const upstream = httpRequest({
    protocol: gateway.protocol, host: gateway.hostname, port: gateway.port, method: req.method, path: `${incoming.pathname}${incoming.search}`, headers, agent: false,
    timeout: 60_000,
  }, (answer) => {
    const out = { 'cache-control': 'no-store' };
    for (const h of ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'etag', 'retry-after']) if (answer.headers[h]) out[h] = answer.headers[h];
    res.writeHead(answer.statusCode ?? 502, out);
    answer.pipe(res);
    answer.on('end', () => req.resume());
  });
  upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
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

/** The server, not yet listening; `listen()` resolves to its URL. Tests start it on port 0. */
export function createWebServer(config) {
  const indexFile = path.join(config.distDir, 'index.html');
  const server = createServer((req, res) => {
    // Read per request: a test may point a listening server at an identity service started after it.
    const headers = securityHeaders(config);
    const configJson = JSON.stringify({ oidcAuthority: config.oidcIssuer, oidcClientId: config.oidcClientId, graphqlUrl: '/graphql' });
    const url = new URL(req.url ?? '/', 'http://web');
    if (url.pathname === '/graphql') return void proxyGraphql(req, res, config);
    if (url.pathname.startsWith('/files/')) return void proxyFiles(req, res, config);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    if (url.pathname === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    if (url.pathname === '/ready') {
      const ok = existsSync(indexFile);
      return void res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ready' : 'no build in dist/' }));
    }
    if (url.pathname === '/config.json') {
      return void res.writeHead(200, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(configJson);
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
    return sendFile(req, res, indexFile, headers, false);
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
