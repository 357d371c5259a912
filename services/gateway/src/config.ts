import { baseConfigShape, ConfigError, DEV_SHARED_SECRET, GATEWAY_SERVICE, loadConfig, SUBGRAPH_CATALOG } from '@kinerja/subgraph-kit';
import { z } from 'zod';

export const DEV_JWT_SECRET = 'kinerja-dev-secret';

const shape = {
  NODE_ENV: baseConfigShape.NODE_ENV,
  PORT: baseConfigShape.PORT,
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: baseConfigShape.LOG_LEVEL,
  GATEWAY_SHARED_SECRET: baseConfigShape.GATEWAY_SHARED_SECRET,
  JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  JWT_JWKS_URL: z.string().url('must be a URL').optional(),
  JWT_ISSUER: z.string().min(1).default('kinerja'),
  JWT_AUDIENCE: z.string().min(1).default('kinerja'),
  // People's sign-in (ARCHITECTURE.md, "Trust and identity"): the OpenID Providers whose tokens are trusted.
  OIDC_ISSUER: z.string().default('').refine((v) => v.split(',').map((s) => s.trim()).filter(Boolean).every((u) => URL.canParse(u)), 'must be comma-separated issuer URLs'),
  // Same order as OIDC_ISSUER; an empty entry means "the issuer URL itself" (containers: http://identity:4010).
  OIDC_ISSUER_INTERNAL_URL: z.string().default('').refine((v) => v.split(',').map((s) => s.trim()).filter(Boolean).every((u) => URL.canParse(u)), 'must be comma-separated URLs'),
  OIDC_AUDIENCE: z.string().min(1).default('urn:kinerja:gateway'),
  OIDC_NIP_CLAIM: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be a claim name').default('nip'),
  OIDC_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(15),
  SUPERGRAPH_PATH: z.string().optional(),
  CORS_ORIGINS: z.string().default(''),
  // Proxies in front of the gateway that append to X-Forwarded-For: 1 behind an ingress controller.
  TRUSTED_PROXY_HOPS: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(10, 'must be at most 10').default(0),
  // <NAME>_URL per subgraph of the catalog: overrides the URL recorded in the supergraph.
  ...Object.fromEntries(SUBGRAPH_CATALOG.map((s) => [s.urlEnv, z.string().url('must be a URL').optional()])),
};

export function loadGatewayConfig(env = process.env) {
  const config = loadConfig(shape, { PORT: String(GATEWAY_SERVICE.port), GATEWAY_SHARED_SECRET: DEV_SHARED_SECRET, JWT_SECRET: DEV_JWT_SECRET }, env);
  if (config.NODE_ENV === 'production') {
    // Production verifies RS256 tokens from the identity provider; the development secret is never accepted.
    if (!config.JWT_JWKS_URL && !config.OIDC_ISSUER) throw new ConfigError('Invalid configuration: OIDC_ISSUER or JWT_JWKS_URL: is required in production');
    if (config.JWT_SECRET === DEV_JWT_SECRET || config.GATEWAY_SHARED_SECRET === DEV_SHARED_SECRET) {
      throw new ConfigError('Invalid configuration: JWT_SECRET/GATEWAY_SHARED_SECRET: the development secrets are refused in production');
    }
  } else if (!config.JWT_SECRET && !config.JWT_JWKS_URL) {
    throw new ConfigError('Invalid configuration: JWT_SECRET or JWT_JWKS_URL: one is required');
  }
  const serviceUrls: Record<string, string> = {};
  for (const s of SUBGRAPH_CATALOG) {
    const url = (config as Record<string, unknown>)[s.urlEnv];
    if (typeof url === 'string') serviceUrls[s.name] = url;
  }
  const oidcIssuers = config.OIDC_ISSUER.split(',').map((s) => s.trim()).filter(Boolean);
  const internal = config.OIDC_ISSUER_INTERNAL_URL.split(',').map((s) => s.trim());
  const oidcInternalUrls = Object.fromEntries(oidcIssuers.map((issuer, i) => [issuer, internal[i] ?? '']).filter(([, u]) => u));
  return { ...config, serviceUrls, oidcIssuers, oidcInternalUrls };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
