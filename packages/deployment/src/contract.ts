/**
 * What the deployment files must agree on: the services, their ports and the environment variables
 * the code reads (ARCHITECTURE.md "Running it"; packages/subgraph-kit/src/config.ts;
 * services/gateway/src/config.ts).
 */
export const SUBGRAPHS = ['personnel', 'goals', 'competency', 'evaluation', 'recognition'] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];
/** identity: the OpenID Provider for regencies without one (ARCHITECTURE.md, "Trust and identity"). */
export const SERVICES = [...SUBGRAPHS, 'gateway', 'identity'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const PORTS: Record<ServiceName, number> = {
  gateway: 4000,
  personnel: 4001,
  goals: 4002,
  competency: 4003,
  evaluation: 4004,
  recognition: 4005,
  identity: 4010,
};

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
  ...SUBGRAPHS.map((s) => `${s.toUpperCase()}_URL`),
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
  return `http://${host}:${PORTS[name]}/graphql`;
}

/**
 * Deployables that are not GraphQL services: the web app (services/web), served by its own small
 * server (services/web/server/serve.mjs) on :3000 with /graphql proxied to the gateway.
 */
export const APPS = ['web'] as const;
export type AppName = (typeof APPS)[number];
export const APP_PORTS: Record<AppName, number> = { web: 3000 };

/** Variables the web server reads (services/web/server/serve.mjs, loadWebConfig). */
export const WEB_ENV = ['PORT', 'HOST', 'NODE_ENV', 'GATEWAY_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'TRUSTED_PROXY_HOPS', 'WEB_DIST'] as const;
