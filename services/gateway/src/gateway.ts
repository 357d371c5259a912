import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Fetcher } from '@apollo/utils.fetcher';
import {
  BodyTooLarge, headerMapOf, IDENTITY_HEADER, listenHttp, readBody, requestLogPlugin, responseExtensionsPlugin, sendGraphQLResult, sendJson, signIdentity,
  type Identity, type Logger,
} from '@kinerja/subgraph-kit';
import { clientAddress, clientKey, createTokenVerifier, TokenError, type JwtSettings } from './auth';
import { IdentityUnavailable } from './oidc';
import { keepAliveFetcher } from './fetcher';
import { FILE_SUBGRAPHS, forwardFile, subgraphUrlOf } from './files';
import { DEFAULT_LIMITS, queryLimitsPlugin, type QueryLimits } from './limits';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  /** Subgraph response extensions kept for the client's response (FORWARDED_EXTENSIONS). */
  forwardedExtensions?: Record<string, unknown[]>;
}

/**
 * Subgraph response `extensions` the client gets (CONTRACT.md: completeEvaluation's curveWarnings).
 * @apollo/gateway drops every subgraph's extensions; these keys are collected from each subgraph
 * answer and merged into the client's response (arrays concatenated). Nothing else passes, so a
 * subgraph's internals never reach a client by accident.
 */
export const FORWARDED_EXTENSIONS: readonly string[] = ['curveWarnings'];

export interface GatewayOptions {
  supergraphSdl: string;
  /** Overrides the subgraph URLs recorded in the supergraph, by subgraph name. */
  serviceUrls?: Record<string, string>;
  sharedSecret: string;
  jwt: JwtSettings;
  log: Logger;
  port?: number;
  host?: string;
  production?: boolean;
  corsOrigins?: string[];
  maxBodyBytes?: number;
  limits?: QueryLimits;
  /** Proxies in front of the gateway that append to X-Forwarded-For (TRUSTED_PROXY_HOPS); default 0. */
  trustedProxyHops?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

type ReceivedResponse = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

/** Forwards the verified caller to subgraphs in a signed, short-lived header. */
class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(config: { url: string; name: string; fetcher: Fetcher }, private readonly secret: string) {
    super({ url: config.url, fetcher: config.fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = (context as Partial<GatewayContext>).identity ?? { employeeId: null, roles: [] };
    request.http?.headers.set(IDENTITY_HEADER, signIdentity({ ...identity, requestId: (context as Partial<GatewayContext>).requestId }, this.secret));
  }

  override didReceiveResponse({ response, context }: ReceivedResponse): ReceivedResponse['response'] {
    const extensions = response.extensions;
    if (extensions) {
      const ctx = context as Partial<GatewayContext>;
      for (const key of FORWARDED_EXTENSIONS) {
        const value = extensions[key];
        if (value === undefined) continue;
        ctx.forwardedExtensions ??= {};
        (ctx.forwardedExtensions[key] ??= []).push(...(Array.isArray(value) ? value : [value]));
      }
    }
    return response;
  }
}

/** The federated gateway: verifies the caller's JWT, plans over the supergraph, signs identity. */
export async function createGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { log } = options;
  const verify = createTokenVerifier(options.jwt);
  // One keep-alive client for all subgraphs (bench/: the default fetcher was the gateway's largest own cost).
  const fetcher = keepAliveFetcher();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedIdentityDataSource({ name, url: options.serviceUrls?.[name] ?? (url as string), fetcher }, options.sharedSecret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // Batched HTTP requests stay off (Apollo's default): one operation per request, so the limits hold.
    allowBatchedHttpRequests: false,
    plugins: [
      queryLimitsPlugin(options.limits ?? DEFAULT_LIMITS),
      // The FORWARDED_EXTENSIONS subgraphs answered with.
      responseExtensionsPlugin<GatewayContext>((ctx) => ctx.forwardedExtensions),
      requestLogPlugin<GatewayContext>(log),
      options.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();

  const maxBody = options.maxBodyBytes ?? 256_000;
  const allowed = new Set(options.corsOrigins ?? []);
  let draining = false;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const origin = req.headers.origin;
    const cors: Record<string, string> = {};
    if (origin && allowed.has(origin)) {
      Object.assign(cors, {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight, x-file-name',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        vary: 'Origin',
      });
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (url.pathname === '/ready') return sendJson(res, draining ? 503 : 200, { status: draining ? 'not ready' : 'ready', service: 'gateway' });
    const fileRoute = /^\/files\/([a-z]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute && FILE_SUBGRAPHS.includes(fileRoute[1] as string)) {
      const subgraphUrl = options.serviceUrls?.[fileRoute[1] as string] ?? subgraphUrlOf(options.supergraphSdl, fileRoute[1] as string);
      if (!subgraphUrl) return sendJson(res, 404, { error: 'not found' }, cors);
      const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      let fileIdentity: Identity;
      try {
        if (!match) throw new TokenError('Files need a signed-in caller: send "Authorization: Bearer <token>"');
        fileIdentity = { ...(await verify(match[1] as string)), requestId: randomUUID() };
      } catch (error) {
        req.resume();
        const message = error instanceof TokenError ? error.message : 'The token is not valid';
        return sendJson(res, 401, { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }, { ...cors, 'www-authenticate': 'Bearer' });
      }
      return forwardFile(req, res, { subgraphUrl, rest: fileRoute[2] as string, search: url.search, identity: fileIdentity, secret: options.sharedSecret, log, cors });
    }
    if (url.pathname !== '/graphql' && url.pathname !== '/') return sendJson(res, 404, { error: 'not found' });

    const requestId = randomUUID();
    let identity: Identity = { employeeId: null, roles: [], requestId };
    const auth = req.headers.authorization;
    if (auth) {
      const match = /^Bearer\s+(\S+)$/i.exec(auth);
      try {
        if (!match) throw new TokenError('The Authorization header must be "Bearer <token>"');
        identity = { ...(await verify(match[1] as string)), requestId };
      } catch (error) {
        if (error instanceof IdentityUnavailable) {
          log.warn({ err: error.message, requestId }, 'cannot verify a token now');
          return sendJson(res, 503, { errors: [{ message: 'Sign-in cannot be checked right now; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }, { ...cors, 'retry-after': '5' });
        }
        const message = error instanceof TokenError ? error.message : 'The token is not valid';
        return sendJson(res, 401, { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }, { ...cors, 'www-authenticate': 'Bearer' });
      }
    } else {
      identity.client = clientKey(clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], options.trustedProxyHops ?? 0), options.sharedSecret);
    }

    const headers = headerMapOf(req);
    let body: unknown = undefined;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, maxBody);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        return sendJson(res, 413, { errors: [{ message: `The request is larger than ${maxBody} bytes`, extensions: { code: 'BAD_REQUEST' } }] }, cors);
      }
      try {
        body = (headers.get('content-type') ?? '').includes('json') ? JSON.parse(raw) : raw;
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'The body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }, cors);
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: async () => ({ identity, requestId }),
    });
    for (const [key, value] of Object.entries(cors)) res.setHeader(key, value);
    await sendGraphQLResult(res, result);
  };

  const listener = await listenHttp(handle, { port: options.port ?? 0, host: options.host ?? '127.0.0.1', log });
  const { server, port } = listener;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  log.info({ port }, 'gateway listening');
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    server,
    stop() {
      stopping ??= (async () => {
        draining = true;
        await listener.close();
        await apollo.stop();
        fetcher.close();
      })();
      return stopping;
    },
  };
}
