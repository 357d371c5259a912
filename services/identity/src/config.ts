import { baseConfigShape, ConfigError, DEV_SHARED_SECRET, loadConfig } from '@kinerja/subgraph-kit';
import { z } from 'zod';

/** Development defaults (printed by `npm start`); each is refused in production. */
export const DEV_COOKIE_KEY = 'kinerja-dev-identity-cookie-key-not-secret';
export const DEV_PASSWORD = 'kinerja-dev-2026';

const urlList = (what: string) => z.string().refine((v) => v.split(',').map((s) => s.trim()).filter(Boolean).every((u) => URL.canParse(u)), `must be comma-separated ${what} URLs`);

const shape = {
  ...baseConfigShape,
  ISSUER: z.string().url('must be a URL').optional(),
  COOKIE_KEYS: z.string().refine((v) => v.split(',').every((k) => k.trim().length >= 32), 'must be comma-separated keys of at least 32 characters'),
  OIDC_AUDIENCE: z.string().min(1).default('urn:kinerja:gateway'),
  WEB_CLIENT_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, . _ -').default('kinerja-web'),
  WEB_REDIRECT_URIS: urlList('redirect').default('http://localhost:3000/auth/callback,http://127.0.0.1:3000/auth/callback'),
  WEB_POST_LOGOUT_URIS: urlList('post-logout').default('http://localhost:3000/,http://127.0.0.1:3000/'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900, 'must be at most 900 (15 minutes)').default(600),
  LOCK_BASE_MINUTES: z.coerce.number().min(0.01).max(1440).default(5),
  ACTIVATION_TTL_HOURS: z.coerce.number().min(1).max(24 * 14).default(72),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  DEV_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SEED_EMPLOYEES: z.coerce.number().int().min(1).default(2400),
};

export function loadIdentityConfig(env = process.env) {
  const config = loadConfig(shape, {
    PORT: '4010',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kinerja_identity',
    GATEWAY_SHARED_SECRET: DEV_SHARED_SECRET,
    COOKIE_KEYS: DEV_COOKIE_KEY,
    DEV_PASSWORD,
  }, env);
  if (config.NODE_ENV === 'production') {
    // No development password exists in production, and no default secret is accepted.
    if (env.DEV_PASSWORD) throw new ConfigError('Invalid configuration: DEV_PASSWORD: is refused in production');
    if (config.COOKIE_KEYS.split(',').some((k) => k.trim() === DEV_COOKIE_KEY) || config.GATEWAY_SHARED_SECRET === DEV_SHARED_SECRET) {
      throw new ConfigError('Invalid configuration: COOKIE_KEYS/GATEWAY_SHARED_SECRET: the development secrets are refused in production');
    }
    if (!config.ISSUER) throw new ConfigError('Invalid configuration: ISSUER: is required in production (the public https URL)');
  }
  const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    ...config,
    cookieKeys: list(config.COOKIE_KEYS),
    redirectUris: list(config.WEB_REDIRECT_URIS),
    postLogoutUris: list(config.WEB_POST_LOGOUT_URIS),
    devPassword: config.NODE_ENV === 'production' ? undefined : config.DEV_PASSWORD,
  };
}

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;
