import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import type { KitContext } from './context';
import type { CountedDataSource } from './database';
import { formatError } from './errors';
import { BodyTooLarge, headerMapOf, listenHttp, readBody, sendGraphQLResult, sendJson } from './http';
import { IDENTITY_HEADER, verifyIdentity, type Identity } from './identity';
import { Loaders } from './loaders';
import { requestLogPlugin, responseExtensionsPlugin } from './plugins';
import type { DirectoryClient } from './directory';

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  dataSource: CountedDataSource;
  sharedSecret: string;
  log: Logger;
  port?: number;
  host?: string;
  /** Extra readiness checks (e.g. the outbox relay); all must resolve true. */
  readinessChecks?: Array<() => Promise<boolean>>;
  /** Closed on shutdown after the HTTP server drained (relays, consumers). */
  onClose?: Array<() => Promise<void>>;
  /** More Prometheus text for /metrics (the outbox relay, the consumer); one that fails is left out. */
  metrics?: Array<() => Promise<string>>;
  maxBodyBytes?: number;
  /** Personnel's directory for relationship checks (every subgraph but personnel). */
  directory?: DirectoryClient;
  /** HTTP routes beside /graphql (e.g. goals' evidence files), for callers the gateway vouches for. */
  routes?: SubgraphRoute[];
}

/**
 * A plain HTTP route under `prefix` (e.g. "/files/"). The kit verifies the gateway's signed identity
 * first (401 without it) and hands the handler a request context like a resolver's; the handler
 * reads the body itself (streams, its own size limit).
 */
export interface SubgraphRoute {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, ctx: KitContext, url: URL): Promise<void>;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  server: Server;
  apollo: ApolloServer<KitContext>;
  /** Stops accepting, finishes in-flight requests, runs onClose, closes the pool. */
  stop(): Promise<void>;
}

interface RequestContextSeed extends BaseContext {
  trusted: boolean;
  identityFailure?: string;
}

type Ctx = KitContext & RequestContextSeed;

/** Only `_service` (and `__typename`) may be asked without the gateway's signed identity. */
function onlyServiceFields(operation: OperationDefinitionNode): boolean {
  return operation.operation === 'query' && operation.selectionSet.selections.every(
    (s) => s.kind === 'Field' && (s.name.value === '_service' || s.name.value === '__typename'),
  );
}

function gatewayOnlyPlugin(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (!contextValue.trusted && !(operation && onlyServiceFields(operation))) {
            throw new GraphQLError(
              `This subgraph answers only the gateway: the identity signature is ${contextValue.identityFailure ?? 'invalid'}`,
              { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
            );
          }
        },
      };
    },
  };
}

/**
 * The subgraph factory (STYLE.md: createServer apart from listen): Apollo Server on a plain Node
 * HTTP server with /graphql, /health, /ready and /metrics; `main.ts` only reads config and calls it.
 */
export async function createSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraph> {
  const { log, dataSource, sharedSecret } = options;
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const apollo = new ApolloServer<Ctx>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    plugins: [
      gatewayOnlyPlugin(),
      // What resolvers set with setResponseExtension.
      responseExtensionsPlugin<Ctx>((ctx) => ctx.responseExtensions),
      requestLogPlugin<Ctx>(log, { statements: () => dataSource.queryCounter.count, unexpectedErrors: true }),
      ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  let draining = false;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: options.name });
    if (url.pathname === '/ready') {
      let ready = !draining;
      if (ready) {
        try {
          await dataSource.query('SELECT 1');
          for (const check of options.readinessChecks ?? []) ready = ready && (await check());
        } catch {
          ready = false;
        }
      }
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', service: options.name });
    }
    if (url.pathname === '/metrics') {
      const parts = [`# TYPE kinerja_sql_statements_total counter\nkinerja_sql_statements_total{service="${options.name}"} ${dataSource.queryCounter.count}\n`];
      for (const more of options.metrics ?? []) {
        try {
          parts.push(await more());
        } catch (error) {
          log.warn({ err: error }, 'a metrics source failed; /metrics answers without it');
        }
      }
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(parts.join(''));
      return;
    }
    const route = options.routes?.find((r) => url.pathname.startsWith(r.prefix));
    if (route) {
      const raw = req.headers[IDENTITY_HEADER];
      const signed = verifyIdentity(Array.isArray(raw) ? raw[0] : raw, sharedSecret);
      if (!signed.ok) {
        return sendJson(res, 401, { errors: [{ message: `This subgraph answers only the gateway: the identity signature is ${signed.reason}`, extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      const routeCtx: KitContext = {
        identity: signed.identity, requestId: signed.identity.requestId ?? randomUUID(), loaders: new Loaders(), dataSource, log,
        ...(options.directory ? { directory: options.directory } : {}),
      };
      await route.handle(req, res, routeCtx, url);
      return;
    }
    if (url.pathname !== '/graphql' && url.pathname !== '/') return sendJson(res, 404, { error: 'not found' });
    const headers = headerMapOf(req);
    let body: unknown;
    try {
      const raw = req.method === 'POST' ? await readBody(req, maxBody) : '';
      body = raw && (headers.get('content-type') ?? '').includes('json') ? JSON.parse(raw) : raw;
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      return sendJson(res, tooLarge ? 413 : 400, { errors: [{ message: tooLarge ? 'Request body too large' : 'Body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    }
    const check = verifyIdentity(headers.get(IDENTITY_HEADER), sharedSecret);
    const anonymous: Identity = { employeeId: null, roles: [] };
    const identity = check.ok ? check.identity : anonymous;
    const requestId = identity.requestId ?? randomUUID();
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: async () => ({
        trusted: check.ok,
        identityFailure: check.ok ? undefined : check.reason,
        identity,
        requestId,
        loaders: new Loaders(),
        dataSource,
        log,
        responseExtensions: {},
        ...(options.directory ? { directory: options.directory } : {}),
      }),
    });
    // Input coercion errors (a bad Date variable) come back as HTTP 400 from Apollo; to the gateway
    // they are ordinary GraphQL errors, so they travel as 200 and keep their BAD_USER_INPUT code.
    await sendGraphQLResult(res, result, check.ok && result.status === 400 ? 200 : result.status ?? 200);
  };

  let listener: Awaited<ReturnType<typeof listenHttp>>;
  try {
    listener = await listenHttp(handle, { port: options.port ?? 0, host: options.host ?? '127.0.0.1', log });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const { server, port } = listener;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  log.info({ port, host: options.host ?? '127.0.0.1' }, `${options.name} subgraph listening`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      draining = true;
      await listener.close();
      await apollo.stop();
      for (const close of options.onClose ?? []) await close().catch((err: unknown) => log.warn({ err }, 'close failed'));
      if (dataSource.isInitialized) await dataSource.destroy();
      log.info(`${options.name} subgraph stopped`);
    })();
    return stopping;
  };
  return { url, port, server, apollo: apollo as unknown as ApolloServer<KitContext>, stop };
}
