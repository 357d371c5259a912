/**
 * What the deployment files must agree on: the services, their ports and the environment variables
 * the code reads (ARCHITECTURE.md "Running it"; packages/subgraph-kit/src/config.ts;
 * services/gateway/src/config.ts); the services and ports are the kit's catalog.
 */
import { GATEWAY_SERVICE, IDENTITY_SERVICE, SUBGRAPH_CATALOG, SUBGRAPH_NAMES } from '@kinerja/subgraph-kit';

export const SUBGRAPHS: readonly string[] = SUBGRAPH_NAMES;
export type Subgraph = string;
/** identity: the OpenID Provider for regencies without one (ARCHITECTURE.md, "Trust and identity"). */
export const SERVICES: readonly string[] = [...SUBGRAPHS, GATEWAY_SERVICE.name, IDENTITY_SERVICE.name];
export type ServiceName = string;

/** The catalog's ports (packages/subgraph-kit/src/catalog.json). */
export const PORTS: Readonly<Record<ServiceName, number>> = Object.fromEntries([
  ...SUBGRAPH_CATALOG.map((s) => [s.name, s.port] as const),
  [GATEWAY_SERVICE.name, GATEWAY_SERVICE.port],
  [IDENTITY_SERVICE.name, IDENTITY_SERVICE.port],
]);

/** The catalog's workspace packages, by service. */
export const PACKAGES: Readonly<Record<ServiceName, string>> = Object.fromEntries([
  ...SUBGRAPH_CATALOG.map((s) => [s.name, s.package] as const),
  [GATEWAY_SERVICE.name, GATEWAY_SERVICE.package],
  [IDENTITY_SERVICE.name, IDENTITY_SERVICE.package],
]);

/** A service's port; an unknown name is a test's mistake, so it throws. */
export function portOf(name: ServiceName): number {
  const port = PORTS[name];
  if (port === undefined) throw new Error(`${name} is not in the catalog (packages/subgraph-kit/src/catalog.json)`);
  return port;
}

export const POSTGRES_PORT = 5432;
export const KAFKA_PORT = 9092;

/** Variables every subgraph reads. */
export const SUBGRAPH_ENV = [
  'PORT', 'HOST', 'DATABASE_URL', 'KAFKA_BROKERS', 'PERSONNEL_URL', 'GATEWAY_SHARED_SECRET', 'LOG_LEVEL', 'NODE_ENV',
] as const;

/** Variables the gateway reads. */
export const GATEWAY_ENV = [
  'PORT', 'HOST', 'GATEWAY_SHARED_SECRET', 'LOG_LEVEL', 'NODE_ENV',
  'JWT_SECRET', 'JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE', 'CORS_ORIGINS', 'SUPERGRAPH_PATH', 'TRUSTED_PROXY_HOPS',
  'OIDC_ISSUER', 'OIDC_ISSUER_INTERNAL_URL', 'OIDC_AUDIENCE', 'OIDC_NIP_CLAIM', 'OIDC_CACHE_SECONDS',
  ...SUBGRAPH_CATALOG.map((s) => s.urlEnv),
] as const;

/** Variables the identity service reads (services/identity/src/config.ts). */
export const IDENTITY_ENV = [
  'PORT', 'HOST', 'DATABASE_URL', 'PERSONNEL_URL', 'GATEWAY_SHARED_SECRET', 'LOG_LEVEL', 'NODE_ENV', 'ISSUER', 'COOKIE_KEYS',
  'OIDC_AUDIENCE', 'WEB_CLIENT_ID', 'WEB_REDIRECT_URIS', 'WEB_POST_LOGOUT_URIS', 'ACCESS_TOKEN_TTL_SECONDS', 'LOCK_BASE_MINUTES',
  'ACTIVATION_TTL_HOURS', 'TRUSTED_PROXY_HOPS', 'DEV_PASSWORD',
] as const;

/**
 * Read by other code than the config loaders: the demo seed (SEED_EMPLOYEES, services/*\/src/seed-cli.ts),
 * test isolation (KAFKA_TOPIC_PREFIX) and Node itself (NODE_OPTIONS).
 */
export const EXTRA_ENV = ['SEED_EMPLOYEES', 'KAFKA_TOPIC_PREFIX', 'NODE_OPTIONS'] as const;

/** Variables that hold secrets: never a literal value in a Kubernetes manifest. */
export const SECRET_ENV = ['DATABASE_URL', 'GATEWAY_SHARED_SECRET', 'JWT_SECRET', 'COOKIE_KEYS'] as const;

export function serviceUrl(name: Subgraph, host: string = name): string {
  return `http://${host}:${portOf(name)}/graphql`;
}

/**
 * Deployables that are not GraphQL services: the web app (services/web), served by its own small
 * server (services/web/server/serve.mjs) on :3000 with /graphql proxied to the gateway.
 */
export const APPS = ['web'] as const;
export type AppName = (typeof APPS)[number];
export const APP_PORTS: Record<AppName, number> = { web: 3000 };

/** Variables the web server reads (services/web/server/serve.mjs, loadWebConfig). */
export const WEB_ENV = ['PORT', 'HOST', 'NODE_ENV', 'GATEWAY_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_ISSUER_INTERNAL_URL', 'WEB_SESSION_KEY', 'WEB_PUBLIC_URL', 'TRUSTED_PROXY_HOPS', 'WEB_DIST'] as const;

/** The web app's workspace package (services/web/package.json). */
export const APP_PACKAGES: Record<AppName, string> = { web: '@kinerja/web' };

/** The build arguments of SERVICE_DOCKERFILE for a service or app: its workspace, its folder under services/, its port. */
export function buildArgsOf(name: ServiceName | AppName): { WORKSPACE: string; SERVICE: string; PORT: string } {
  const app = (APPS as readonly string[]).includes(name) ? (name as AppName) : undefined;
  const workspace = app ? APP_PACKAGES[app] : PACKAGES[name];
  if (workspace === undefined) throw new Error(`${name} is not in the catalog (packages/subgraph-kit/src/catalog.json) nor an app`);
  return { WORKSPACE: workspace, SERVICE: name, PORT: String(app ? APP_PORTS[app] : portOf(name)) };
}
