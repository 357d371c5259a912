import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, localSubgraphUrl, runMain } from '@kinerja/subgraph-kit';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';
import { personnelUrlFrom } from './oidc';

const log = createLogger('gateway');

runMain('gateway', async () => {
  const config = loadGatewayConfig();
  const path = config.SUPERGRAPH_PATH ?? join(__dirname, '..', '..', '..', 'infra', 'supergraph', 'supergraph.graphql');
  const supergraphSdl = readFileSync(path, 'utf8');
  return createGateway({
    supergraphSdl,
    serviceUrls: config.serviceUrls,
    sharedSecret: config.GATEWAY_SHARED_SECRET,
    jwt: {
      // The development HS256 secret is never accepted in production.
      secret: config.NODE_ENV === 'production' ? undefined : config.JWT_SECRET,
      jwksUrl: config.JWT_JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE,
      oidc: config.oidcIssuers.length > 0 ? {
        issuers: config.oidcIssuers, audience: config.OIDC_AUDIENCE, nipClaim: config.OIDC_NIP_CLAIM,
        personnelUrl: config.serviceUrls.personnel ?? personnelUrlFrom(supergraphSdl) ?? localSubgraphUrl('personnel'),
        sharedSecret: config.GATEWAY_SHARED_SECRET, cacheMs: config.OIDC_CACHE_SECONDS * 1000,
        internalUrls: config.oidcInternalUrls,
      } : undefined,
    },
    log,
    port: config.PORT,
    host: config.HOST,
    production: config.NODE_ENV === 'production',
    corsOrigins: config.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
  });
}, log);
