import { generateKeyPair, SignJWT } from 'jose';
import { clientAddress, createTokenVerifier, TokenError } from '../src/auth';
import { loadGatewayConfig } from '../src/config';

const secret = 'kinerja-dev-secret';
const sign = (claims: Record<string, unknown>, opts: { exp?: number; nbf?: number; iss?: string; aud?: string; key?: string; sub?: string | null } = {}) => {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' })
    .setIssuer(opts.iss ?? 'kinerja').setAudience(opts.aud ?? 'kinerja').setExpirationTime(now + (opts.exp ?? 600));
  if (opts.sub !== null) jwt.setSubject(opts.sub ?? '6f1c0c8e-2c1a-4a39-8f0e-2b8d6f1b0a11');
  if (opts.nbf !== undefined) jwt.setNotBefore(now + opts.nbf);
  return jwt.sign(new TextEncoder().encode(opts.key ?? secret));
};

describe('the gateway\'s token checks', () => {
  const verify = createTokenVerifier({ secret, issuer: 'kinerja', audience: 'kinerja' });

  it('accepts a valid token and keeps only known roles', async () => {
    const identity = await verify(await sign({ roles: ['ADMIN', 'SUPERUSER'], nip: '198609262015051001' }));
    expect(identity).toEqual({ employeeId: '6f1c0c8e-2c1a-4a39-8f0e-2b8d6f1b0a11', roles: ['ADMIN'], nip: '198609262015051001' });
  });

  it.each([
    ['an expired token', { exp: -120 }, /expired/],
    ['a token not valid yet', { nbf: 600 }, /not valid/],
    ['another issuer', { iss: 'someone-else' }, /not valid/],
    ['another audience', { aud: 'other-app' }, /not valid/],
    ['a token signed with another key', { key: 'another-secret-of-16+' }, /not valid/],
    ['a token without subject', { sub: null }, /no subject/],
  ])('refuses %s', async (_name, opts, message) => {
    await expect(verify(await sign({ roles: ['ADMIN'] }, opts as never))).rejects.toThrow(message);
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'x', roles: ['ADMIN'], iss: 'kinerja', aud: 'kinerja', exp: 9e9 })).toString('base64url');
    await expect(verify(`${header}.${body}.`)).rejects.toThrow(TokenError);
  });

  it('refuses an RS256 token where HS256 is configured', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'RS256' }).setSubject('x')
      .setIssuer('kinerja').setAudience('kinerja').setExpirationTime('1h').sign(privateKey);
    await expect(verify(token)).rejects.toThrow(/not valid/);
  });
});

describe('gateway configuration', () => {
  it('uses the documented development secret outside production', () => {
    expect(loadGatewayConfig({ NODE_ENV: 'development' }).JWT_SECRET).toBe('kinerja-dev-secret');
  });

  it('refuses to start in production without JWKS or with development secrets', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', GATEWAY_SHARED_SECRET: 'a-real-shared-secret-123', PORT: '4000' }))
      .toThrow(/OIDC_ISSUER or JWT_JWKS_URL: is required in production/);
    expect(loadGatewayConfig({ NODE_ENV: 'production', PORT: '4000', GATEWAY_SHARED_SECRET: 'a-real-shared-secret-123', OIDC_ISSUER: 'https://id.example, https://sso.example/realms/bungo' }).oidcIssuers)
      .toEqual(['https://id.example', 'https://sso.example/realms/bungo']);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', PORT: '4000', JWT_JWKS_URL: 'https://id.example/jwks', GATEWAY_SHARED_SECRET: 'kinerja-dev-gateway-secret' }))
      .toThrow(/development secrets are refused/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', PORT: '4000', JWT_JWKS_URL: 'https://id.example/jwks' }))
      .toThrow(/GATEWAY_SHARED_SECRET/);
  });

  it('names a bad variable', () => {
    expect(() => loadGatewayConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadGatewayConfig({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS: must be 0 or more/);
    expect(() => loadGatewayConfig({ TRUSTED_PROXY_HOPS: '1.5' })).toThrow(/TRUSTED_PROXY_HOPS: must be a whole number/);
    expect(loadGatewayConfig({ TRUSTED_PROXY_HOPS: '1' }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(loadGatewayConfig({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(() => loadGatewayConfig({ PERSONNEL_URL: 'not a url' })).toThrow(/PERSONNEL_URL: must be a URL/);
    expect(() => loadGatewayConfig({ OIDC_ISSUER: 'id.example' })).toThrow(/OIDC_ISSUER: must be comma-separated issuer URLs/);
    expect(loadGatewayConfig({}).OIDC_NIP_CLAIM).toBe('nip');
    expect(loadGatewayConfig({}).OIDC_AUDIENCE).toBe('urn:kinerja:gateway');
  });
});

describe('the anonymous caller\'s address', () => {
  it('is the socket address unless proxies are trusted', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.7', 0)).toBe('10.0.0.5');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('is the entry the nearest trusted proxies appended, whatever the client put in front', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', ['6.6.6.6', '203.0.113.7, 10.0.0.4'], 2)).toBe('203.0.113.7');
    // Fewer entries than trusted hops: the leftmost there is.
    expect(clientAddress('10.0.0.5', undefined, 1)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', '203.0.113.7', 3)).toBe('203.0.113.7');
  });
});
