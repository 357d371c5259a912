import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Identity, type Role } from '@kinerja/subgraph-kit';
import { createOidcVerifier, OidcTokenError, type OidcSettings } from './oidc';

export interface JwtSettings {
  /** HS256 secret (development). */
  secret?: string | undefined;
  /** RS256 keys (production). */
  jwksUrl?: string | undefined;
  issuer: string;
  audience: string;
  /** People's tokens from OpenID Providers (OIDC_ISSUER): roles from personnel, never from the token. */
  oidc?: OidcSettings | undefined;
}

export class TokenError extends Error {}

/** Verifies the caller's JWT: signature, expiry, not-before, issuer and audience. */
export function createTokenVerifier(settings: JwtSettings): (token: string) => Promise<Identity> {
  const jwks: JWTVerifyGetKey | undefined = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : undefined;
  const secret = settings.secret ? new TextEncoder().encode(settings.secret) : undefined;
  const oidc = settings.oidc && settings.oidc.issuers.length > 0 ? createOidcVerifier(settings.oidc) : undefined;
  return async (token: string) => {
    if (oidc) {
      // A token from a trusted OpenID Provider: chosen by its (still unverified) iss, then verified by that issuer's keys.
      let iss: unknown;
      let alg: unknown;
      try {
        iss = decodeJwt(token).iss;
        alg = decodeProtectedHeader(token).alg;
      } catch {
        throw new TokenError('The token is not valid');
      }
      if (oidc.trusts(iss)) {
        try {
          return await oidc.verify(token, iss);
        } catch (error) {
          if (error instanceof OidcTokenError) throw new TokenError(error.message);
          throw error;
        }
      }
      // Neither a trusted issuer nor the development secret's HS256 nor the configured JWKS: refused.
      if (!(alg === 'HS256' && secret) && !jwks) throw new TokenError('The token is not valid');
    }
    let payload: JWTPayload;
    try {
      const options = { issuer: settings.issuer, audience: settings.audience, clockTolerance: 5 };
      payload = jwks
        ? (await jwtVerify(token, jwks, { ...options, algorithms: ['RS256'] })).payload
        : (await jwtVerify(token, secret as Uint8Array, { ...options, algorithms: ['HS256'] })).payload;
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new TokenError(code === 'ERR_JWT_EXPIRED' ? 'The token has expired' : 'The token is not valid');
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new TokenError('The token has no subject (sub)');
    const roles = Array.isArray(payload.roles) ? (payload.roles as unknown[]).filter((r): r is Role => ROLES.includes(r as Role)) : [];
    const identity: Identity = { employeeId: payload.sub, roles };
    if (typeof payload.nip === 'string') identity.nip = payload.nip;
    return identity;
  };
}

/**
 * The anonymous caller's address. Behind `trustedHops` proxies (an ingress controller, a load
 * balancer) the socket is the nearest proxy, so every citizen would share one rate limit: each trusted
 * proxy appends the address it saw to X-Forwarded-For, so the client is the entry `trustedHops` from
 * the right of [...X-Forwarded-For, socket]. Entries further left are the client's own claims and are
 * never trusted; with 0 hops the header is ignored.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = socketAddress ?? 'unknown';
  if (trustedHops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor ?? '';
  const chain = [...header.split(',').map((a) => a.trim()).filter(Boolean), socket];
  // Fewer entries than trusted hops: a proxy is missing; the leftmost is the best there is.
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}

/** A rate-limit key for anonymous callers: a keyed hash, so no address is ever stored downstream. */
export function clientKey(address: string, secret: string): string {
  return createHash('sha256').update(`${secret}:${address}`).digest('base64url').slice(0, 22);
}
