import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DirectoryClient, type Identity, type Role } from '@kinerja/subgraph-kit';

/**
 * People's tokens from OpenID Providers (ARCHITECTURE.md, "Trust and identity"): services/identity
 * by default, or the regency's own (Keycloak, the national SSO). The IdP only says who someone is,
 * by the NIP claim; personnel says whether they are active and which roles BKPSDM granted.
 */
export interface OidcSettings {
  /** Trusted issuers, exactly as they appear in `iss` (OIDC_ISSUER, comma-separated). */
  issuers: string[];
  /** The gateway's audience (OIDC_AUDIENCE): identity's resource indicator, Keycloak's audience mapper. */
  audience: string;
  /** The claim carrying the NIP (OIDC_NIP_CLAIM): `nip`, or `preferred_username` where the IdP keeps it there. */
  nipClaim: string;
  /** Personnel's subgraph URL, read with a signed service identity. */
  personnelUrl: string;
  sharedSecret: string;
  /** How long a personnel answer is reused; default 15 s, so a revoked role or a retirement bites within that. */
  cacheMs?: number;
  clockToleranceSeconds?: number;
  /**
   * Where the gateway itself reaches an issuer, when that differs from the public URL in `iss`
   * (containers: the browser's http://localhost:4010 is http://identity:4010 from the gateway).
   * Discovery and JWKS URLs under the issuer are fetched there instead.
   */
  internalUrls?: Record<string, string>;
}

export class OidcTokenError extends Error {}
export class IdentityUnavailable extends Error {}

interface PersonnelAccount { id: string; nip: string; status: string; roles: Array<'ADMIN' | 'ANALYST'> }

const DISCOVERY_RETRY_MS = 30_000;

export function createOidcVerifier(s: OidcSettings) {
  const issuers = new Map<string, { keys?: JWTVerifyGetKey; failedAt?: number; pending?: Promise<JWTVerifyGetKey> }>(s.issuers.map((i) => [i, {}]));
  const directory = new DirectoryClient(s.personnelUrl, s.sharedSecret, 'gateway');
  const cache = new Map<string, { at: number; value: PersonnelAccount | null }>();
  const cacheMs = s.cacheMs ?? 15_000;

  /** Discovery once per issuer, then its JWKS (jose refetches on an unknown `kid`, at most every 30 s). */
  async function keysFor(issuer: string): Promise<JWTVerifyGetKey> {
    const entry = issuers.get(issuer);
    if (!entry) throw new OidcTokenError('The token is not valid');
    if (entry.keys) return entry.keys;
    if (entry.failedAt && Date.now() - entry.failedAt < DISCOVERY_RETRY_MS) throw new IdentityUnavailable(`the identity provider ${issuer} cannot be reached`);
    const base = issuer.replace(/\/$/, '');
    const internal = s.internalUrls?.[issuer]?.replace(/\/$/, '');
    const reach = (url: string) => (internal && url.startsWith(base) ? internal + url.slice(base.length) : url);
    entry.pending ??= (async () => {
      const res = await fetch(reach(`${base}/.well-known/openid-configuration`), { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`discovery answered HTTP ${res.status}`);
      const meta = (await res.json()) as { issuer?: string; jwks_uri?: string };
      if (meta.issuer !== issuer || typeof meta.jwks_uri !== 'string') throw new Error('discovery names another issuer or no jwks_uri');
      return createRemoteJWKSet(new URL(reach(meta.jwks_uri)), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 5000 });
    })();
    try {
      entry.keys = await entry.pending;
      return entry.keys;
    } catch (error) {
      entry.failedAt = Date.now();
      throw new IdentityUnavailable(`the identity provider ${issuer} cannot be reached: ${(error as Error).message}`);
    } finally {
      entry.pending = undefined;
    }
  }

  async function account(nip: string): Promise<PersonnelAccount | null> {
    const hit = cache.get(nip);
    if (hit && Date.now() - hit.at < cacheMs) return hit.value;
    let value: PersonnelAccount | null;
    try {
      const data = await directory.query<{ _entities: Array<PersonnelAccount | null> }>(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id nip status roles } } }',
        { r: [{ __typename: 'Employee', nip }] },
      );
      const found = data._entities[0];
      value = found && typeof found.id === 'string' ? found : null;
    } catch (error) {
      throw new IdentityUnavailable(`personnel cannot be reached: ${(error as Error).message}`);
    }
    if (cache.size > 20_000) cache.clear();
    if (cacheMs > 0) cache.set(nip, { at: Date.now(), value });
    return value;
  }

  return {
    trusts: (issuer: unknown): issuer is string => typeof issuer === 'string' && issuers.has(issuer),
    async verify(token: string, issuer: string): Promise<Identity> {
      const keys = await keysFor(issuer);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer, audience: s.audience, clockTolerance: s.clockToleranceSeconds ?? 5,
          algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        }));
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ERR_JWKS_TIMEOUT') throw new IdentityUnavailable('the identity provider\'s keys cannot be fetched');
        throw new OidcTokenError(code === 'ERR_JWT_EXPIRED' ? 'The token has expired' : 'The token is not valid');
      }
      const raw = payload[s.nipClaim];
      const nip = typeof raw === 'string' ? raw.replace(/\s/g, '') : '';
      if (!/^[0-9]{18}$/.test(nip)) throw new OidcTokenError(`The token carries no NIP (claim ${s.nipClaim})`);
      const found = await account(nip);
      // Roles come from personnel, never from the token; someone who left active service is refused.
      if (!found || found.status !== 'ACTIVE') throw new OidcTokenError('The token\'s employee is not an active employee');
      const roles: Role[] = [...found.roles.filter((r): r is 'ADMIN' | 'ANALYST' => r === 'ADMIN' || r === 'ANALYST'), 'EMPLOYEE'];
      return { employeeId: found.id, roles, nip: found.nip };
    },
  };
}

/** The personnel URL recorded in a supergraph (`join__Graph` PERSONNEL), when none is configured. */
export function personnelUrlFrom(supergraphSdl: string): string | undefined {
  return /@join__graph\(name:\s*"personnel",\s*url:\s*"([^"]+)"\)/.exec(supergraphSdl)?.[1];
}
