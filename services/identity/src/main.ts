import { generateRegency, signInAccounts } from '@kinerja/demo-regency';
import { createLogger, runMain } from '@kinerja/subgraph-kit';
import { loadIdentityConfig } from './config';
import { createServer } from './server';

const log = createLogger('identity');

runMain('identity', async () => {
  const config = loadIdentityConfig();
  const development = config.devPassword
    ? { password: config.devPassword, employeeIds: signInAccounts(generateRegency({ employees: config.SEED_EMPLOYEES })).map((a) => a.employee.id) }
    : undefined;
  return createServer({
    databaseUrl: config.DATABASE_URL, sharedSecret: config.GATEWAY_SHARED_SECRET, personnelUrl: config.PERSONNEL_URL,
    ...(config.ISSUER ? { issuer: config.ISSUER } : {}),
    port: config.PORT, host: config.HOST, log, cookieKeys: config.cookieKeys,
    clients: [{ client_id: config.WEB_CLIENT_ID, client_name: 'Kinerja', redirect_uris: config.redirectUris, post_logout_redirect_uris: config.postLogoutUris }],
    resource: config.OIDC_AUDIENCE, accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    activationTtlMs: config.ACTIVATION_TTL_HOURS * 3600_000, trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    production: config.NODE_ENV === 'production',
    ...(development ? { development } : {}),
    credentials: { lockout: { threshold: 5, baseLockMs: config.LOCK_BASE_MINUTES * 60_000, maxLockMs: 24 * 3600_000 } },
  });
}, log);
