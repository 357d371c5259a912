import { createHmac, timingSafeEqual } from 'node:crypto';

export type Role = 'ADMIN' | 'ANALYST' | 'EMPLOYEE';
export const ROLES: readonly Role[] = ['ADMIN', 'ANALYST', 'EMPLOYEE'];

/** Who is calling, as the gateway vouches for it. `employeeId` is null for citizens (no login). */
export interface Identity {
  employeeId: string | null;
  roles: Role[];
  nip?: string;
  /** An opaque, hashed client key for rate limits on public operations; never an address. */
  client?: string;
  requestId?: string;
  /** Set when a subgraph calls another for relationship data (e.g. the personnel directory). */
  service?: string;
}

export const IDENTITY_HEADER = 'x-kinerja-identity';

interface SignedPayload extends Identity {
  exp: number;
}

const b64 = (buf: Buffer) => buf.toString('base64url');

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`v1.${body}`).digest();
}

/** Signs the caller's identity for subgraphs (ARCHITECTURE.md, "Trust and identity"). */
export function signIdentity(identity: Identity, secret: string, ttlSeconds = 60, now = Date.now()): string {
  const payload: SignedPayload = { ...identity, exp: Math.floor(now / 1000) + ttlSeconds };
  const body = b64(Buffer.from(JSON.stringify(payload)));
  return `v1.${body}.${b64(mac(secret, body))}`;
}

export type IdentityCheck =
  | { ok: true; identity: Identity }
  | { ok: false; reason: 'missing' | 'malformed' | 'forged' | 'expired' };

/** Verifies a signed identity header; a forged, malformed or expired one is refused. */
export function verifyIdentity(header: string | undefined, secret: string, now = Date.now()): IdentityCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = header.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return { ok: false, reason: 'malformed' };
  const [, body, signature] = parts as [string, string, string];
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let payload: SignedPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignedPayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 < now) return { ok: false, reason: 'expired' };
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r)) : [];
  const identity: Identity = { employeeId: typeof payload.employeeId === 'string' ? payload.employeeId : null, roles };
  if (typeof payload.nip === 'string') identity.nip = payload.nip;
  if (typeof payload.client === 'string') identity.client = payload.client;
  if (typeof payload.requestId === 'string') identity.requestId = payload.requestId;
  if (typeof payload.service === 'string') identity.service = payload.service;
  return { ok: true, identity };
}
