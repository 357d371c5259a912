import { loadIdentityConfig } from '../src/config';

describe('identity configuration', () => {
  const production = { NODE_ENV: 'production', PORT: '4010', DATABASE_URL: 'postgres://identity@db/kinerja_identity', GATEWAY_SHARED_SECRET: 'a-real-shared-secret-123', COOKIE_KEYS: 'k'.repeat(40), ISSUER: 'https://masuk.bungokab.go.id' };

  it('has a development password and defaults outside production', () => {
    const c = loadIdentityConfig({});
    expect(c.devPassword).toBe('kinerja-dev-2026');
    expect(c.PORT).toBe(4010);
    expect(c.OIDC_AUDIENCE).toBe('urn:kinerja:gateway');
  });

  it('refuses the development defaults and any development password in production', () => {
    expect(loadIdentityConfig(production).devPassword).toBeUndefined();
    expect(() => loadIdentityConfig({ ...production, DEV_PASSWORD: 'kinerja-dev-2026' })).toThrow(/DEV_PASSWORD: is refused in production/);
    expect(() => loadIdentityConfig({ ...production, COOKIE_KEYS: undefined })).toThrow(/COOKIE_KEYS/);
    expect(() => loadIdentityConfig({ ...production, COOKIE_KEYS: 'kinerja-dev-identity-cookie-key-not-secret' })).toThrow(/development secrets are refused/);
    expect(() => loadIdentityConfig({ ...production, GATEWAY_SHARED_SECRET: undefined })).toThrow(/GATEWAY_SHARED_SECRET/);
    expect(() => loadIdentityConfig({ ...production, ISSUER: undefined })).toThrow(/ISSUER: is required in production/);
  });

  it('names a bad variable', () => {
    expect(() => loadIdentityConfig({ ACCESS_TOKEN_TTL_SECONDS: '3600' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS: must be at most 900/);
    expect(() => loadIdentityConfig({ COOKIE_KEYS: 'short' })).toThrow(/COOKIE_KEYS: must be comma-separated keys of at least 32 characters/);
    expect(() => loadIdentityConfig({ WEB_REDIRECT_URIS: 'not a url' })).toThrow(/WEB_REDIRECT_URIS/);
  });
});
