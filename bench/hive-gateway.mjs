// Hive Gateway (@graphql-hive/gateway, the Node peer) serving the SAME supergraph file as our gateway,
// with the same trust model: it verifies the caller's JWT with the same verifier and signs the
// identity header (x-kinerja-identity, HMAC with GATEWAY_SHARED_SECRET) on every subgraph request,
// exactly as services/gateway does. Run by bench/run.mjs as its own process:
//   PORT=4111 SUPERGRAPH_PATH=... PERSONNEL_URL=... GOALS_URL=... node bench/hive-gateway.mjs
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { createTokenVerifier, clientKey, TokenError } from '@kinerja/gateway';
import { SUBGRAPH_NAMES, urlEnv } from '../scripts/lib/catalog.mjs';
import { IDENTITY_HEADER, signIdentity } from '@kinerja/subgraph-kit';

const env = process.env;
const secret = env.GATEWAY_SHARED_SECRET ?? 'kinerja-dev-gateway-secret';
const verify = createTokenVerifier({ secret: env.JWT_SECRET ?? 'kinerja-dev-secret', issuer: 'kinerja', audience: 'kinerja' });

// The subgraph URLs recorded in the supergraph, pointed at this run's subgraphs (as our gateway's *_URL do).
let supergraph = readFileSync(env.SUPERGRAPH_PATH, 'utf8');
for (const name of SUBGRAPH_NAMES) {
  const url = env[urlEnv(name)];
  if (url) supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
}

const identityPlugin = {
  // Verify once per request, as ours does before planning; a bad token is a 401 like ours.
  async onContextBuilding({ context, extendContext }) {
    const requestId = randomUUID();
    const auth = context.request.headers.get('authorization');
    let identity = { employeeId: null, roles: [], requestId, client: clientKey('127.0.0.1', secret) };
    if (auth) {
      const match = /^Bearer\s+(\S+)$/i.exec(auth);
      try {
        if (!match) throw new TokenError('The Authorization header must be "Bearer <token>"');
        identity = { ...(await verify(match[1])), requestId };
      } catch (error) {
        throw Object.assign(new Error(error instanceof TokenError ? error.message : 'The token is not valid'), { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
    }
    extendContext({ kinerjaIdentity: identity });
  },
  // Sign for each subgraph call, as SignedIdentityDataSource.willSendRequest does.
  onFetch({ context, options, setOptions }) {
    const identity = context?.kinerjaIdentity ?? { employeeId: null, roles: [] };
    setOptions({ ...options, headers: { ...options.headers, [IDENTITY_HEADER]: signIdentity(identity, secret) } });
  },
};

// Hive deduplicates identical in-flight subgraph queries by URL and body; the identity header is set
// later (onFetch), so with dedupe on, one caller's subgraph answer can be handed to another caller
// whose rights differ. Our trust model needs it off (HIVE_DEDUPLICATE=false, the benchmark's default
// comparison); HIVE_DEDUPLICATE=true runs Hive as shipped, for reference.
const deduplicate = env.HIVE_DEDUPLICATE === 'true';

const gateway = createGatewayRuntime({
  supergraph,
  transportEntries: { '*': { options: { deduplicateInflightRequests: deduplicate } } },
  logging: env.LOG_LEVEL === 'debug' ? 'debug' : 'warn',
  landingPage: false,
  graphiql: false,
  plugins: () => [identityPlugin],
});

const server = createServer(gateway);
server.keepAliveTimeout = 65_000;
server.listen(Number(env.PORT ?? 4111), env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`hive gateway listening on ${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 4111}\n`);
});
const stop = () => server.close(() => gateway.dispose().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
