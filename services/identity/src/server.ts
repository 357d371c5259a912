import { createPublicKey } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDataSource, createLogger, migrate, type CountedDataSource, type Logger } from '@kinerja/subgraph-kit';
import { sweepExpired } from './adapter';
import { Credentials, type CredentialOptions } from './credentials';
import { sendJson } from './http';
import { DEFAULT_KEY_POLICY, signingKeys, type KeyPolicy } from './keys';
import { IdentityInitial1765300000000 } from './migrations/1765300000000-identity-initial';
import { PersonnelLookup } from './personnel';
import { buildProvider, clientOrigins, type ClientConfig } from './provider';
import { identityRoutes } from './routes';

export const migrations = [IdentityInitial1765300000000];

export const DEFAULT_RESOURCE = 'urn:kinerja:gateway';

export interface IdentityOptions {
  databaseUrl: string;
  sharedSecret: string;
  /** Personnel's subgraph URL: who exists and whether they are ACTIVE (read with a signed service identity). */
  personnelUrl: string;
  /** The public issuer URL; default http://<host>:<port> once listening. */
  issuer?: string;
  port?: number;
  host?: string;
  log?: Logger;
  /** Keys signing the session and interaction cookies; the first signs, all verify (rotation). */
  cookieKeys: string[];
  /** The apps signing people in; default: the web app on :3000. */
  clients?: ClientConfig[];
  /** The access tokens' resource indicator and audience: the gateway's OIDC_AUDIENCE. */
  resource?: string;
  /** At most 900 (15 minutes). */
  accessTokenTtlSeconds?: number;
  sessionTtlSeconds?: number;
  activationTtlMs?: number;
  keyPolicy?: KeyPolicy;
  trustedProxyHops?: number;
  production?: boolean;
  /** Development only: these employees get this password unless they have one (README's sign-in accounts). */
  development?: { password: string; employeeIds: string[] };
  credentials?: CredentialOptions;
}

export interface RunningIdentity {
  /** The issuer (discovery at /.well-known/openid-configuration). */
  issuer: string;
  url: string;
  port: number;
  server: Server;
  dataSource: CountedDataSource;
  credentials: Credentials;
  lookup: PersonnelLookup;
  stop(): Promise<void>;
}

export const defaultClients = (webOrigin = 'http://localhost:3000'): ClientConfig[] => [{
  client_id: 'kinerja-web',
  client_name: 'Kinerja',
  redirect_uris: [`${webOrigin}/auth/callback`],
  post_logout_redirect_uris: [`${webOrigin}/`],
}];

export function createIdentityDataSource(databaseUrl: string, log: Logger): CountedDataSource {
  return createDataSource({ url: databaseUrl, entities: [], migrations, log, applicationName: 'kinerja-identity', poolSize: 10 });
}

/** Builds and starts the OpenID Provider against a migrated database (ARCHITECTURE.md, "Trust and identity"). */
export async function createServer(options: IdentityOptions): Promise<RunningIdentity> {
  const log = options.log ?? createLogger('identity');
  const ttl = options.accessTokenTtlSeconds ?? 600;
  if (ttl > 900) throw new Error('accessTokenTtlSeconds: access tokens live at most 15 minutes (900 s)');
  if (options.cookieKeys.length === 0 || options.cookieKeys.some((k) => k.length < 32)) throw new Error('cookieKeys: at least one key of 32 characters or more');
  const dataSource = createIdentityDataSource(options.databaseUrl, log);
  await dataSource.initialize();
  let server: Server | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  try {
    await migrate(dataSource);
    const lookup = new PersonnelLookup(options.personnelUrl, options.sharedSecret);
    const credentials = new Credentials(dataSource, lookup, options.credentials);
    if (options.development && !options.production) {
      await credentials.seedDevelopmentPasswords(options.development.employeeIds, options.development.password);
    }
    const keys = await signingKeys(dataSource, options.keyPolicy ?? DEFAULT_KEY_POLICY);

    let handler: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | undefined;
    let draining = false;
    server = createHttpServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/health') return sendJson(res, 200, { status: 'ok', service: 'identity' });
      if (path === '/ready') return sendJson(res, draining || !handler ? 503 : 200, { status: draining || !handler ? 'not ready' : 'ready', service: 'identity' });
      if (!handler) return sendJson(res, 503, { error: 'starting' });
      handler(req, res);
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
    const issuer = (options.issuer ?? `http://${host}:${port}`).replace(/\/$/, '');
    const clients = options.clients ?? defaultClients();
    const resource = options.resource ?? DEFAULT_RESOURCE;
    const provider = await buildProvider({
      issuer, ds: dataSource, lookup, keys, cookieKeys: options.cookieKeys, clients, resource,
      accessTokenTtlSeconds: ttl, sessionTtlSeconds: options.sessionTtlSeconds ?? 10 * 3600,
      proxy: (options.trustedProxyHops ?? 0) > 0, log,
    });
    const publicJwks = { keys: keys.map((k) => ({ ...(createPublicKey({ key: k as never, format: 'jwk' }).export({ format: 'jwk' }) as Record<string, unknown>), kid: k.kid, alg: k.alg, use: 'sig' })) } as unknown as import('jose').JSONWebKeySet;
    const ours = identityRoutes({
      provider, credentials, lookup, issuer, resource, publicJwks, sharedSecret: options.sharedSecret,
      csrfKey: options.cookieKeys[0] as string, formTargets: clientOrigins(clients),
      corsOrigins: clientOrigins(clients), trustedProxyHops: options.trustedProxyHops ?? 0,
      activationTtlMs: options.activationTtlMs ?? 72 * 3600_000, secureCookies: issuer.startsWith('https:'), log,
    });
    const oidc = provider.callback();
    handler = (req, res) => {
      ours(req, res).then((handled) => {
        if (!handled) oidc(req, res);
      }, (error: unknown) => {
        log.error({ err: error }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      });
    };
    sweeper = setInterval(() => {
      sweepExpired(dataSource).catch((err: unknown) => log.warn({ err }, 'sweeping expired OIDC models failed'));
    }, 10 * 60_000);
    sweeper.unref();
    log.info({ port, issuer }, 'identity listening');
    const running = server;
    let stopping: Promise<void> | undefined;
    return {
      issuer, url: issuer, port, server: running, dataSource, credentials, lookup,
      stop() {
        stopping ??= (async () => {
          draining = true;
          clearInterval(sweeper);
          const closed = new Promise<void>((resolve) => running.close(() => resolve()));
          running.closeIdleConnections();
          running.closeAllConnections();
          await closed;
          await dataSource.destroy();
        })();
        return stopping;
      },
    };
  } catch (error) {
    clearInterval(sweeper);
    server?.close();
    await dataSource.destroy();
    throw error;
  }
}
