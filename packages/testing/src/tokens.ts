import { SignJWT } from 'jose';

export const TEST_JWT_SECRET = process.env.JWT_SECRET ?? 'kinerja-dev-secret';
export const TEST_SHARED_SECRET = process.env.GATEWAY_SHARED_SECRET ?? 'kinerja-dev-gateway-secret';

export interface TokenOptions {
  sub: string;
  roles?: Array<'ADMIN' | 'ANALYST' | 'EMPLOYEE'>;
  nip?: string;
  secret?: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative gives an expired token. */
  expiresIn?: number;
  notBefore?: number;
}

/** An HS256 token as the development identity provider would issue it. */
export async function makeToken(options: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ roles: options.roles ?? ['EMPLOYEE'], ...(options.nip ? { nip: options.nip } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.sub)
    .setIssuer(options.issuer ?? 'kinerja')
    .setAudience(options.audience ?? 'kinerja')
    .setIssuedAt(now - 1)
    .setExpirationTime(now + (options.expiresIn ?? 3600));
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}
