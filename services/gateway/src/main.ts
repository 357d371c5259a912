import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, runMain } from '@kinerja/subgraph-kit';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

const log = createLogger('gateway');

runMain('gateway', async () => {
  const config = loadGatewayConfig();
  const path = config.SUPERGRAPH_PATH ?? join(__dirname, '..', '..', '..', 'infra', 'supergraph', 'supergraph.graphql');
  const supergraphSdl = readFileSync(path, 'utf8');
  return createGateway({
    supergraphSdl,
    serviceUrls: config.serviceUrls,
    sharedSecret: config.GATEWAY_SHARED_SECRET,
    jwt: { secret: config.JWT_SECRET, jwksUrl: config.JWT_JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    log,
    port: config.PORT,
    host: config.HOST,
    production: config.NODE_ENV === 'production',
    corsOrigins: config.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
  });
}, log);
