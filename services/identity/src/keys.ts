import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface KeyPolicy {
  /** A new signing key after this many days; the old one stays published, no longer signing. */
  rotateAfterDays: number;
  /** A retired key is published this long, past the lifetime of anything it signed (tokens ≤ 1 h, sessions aside). */
  publishRetiredDays: number;
}

export const DEFAULT_KEY_POLICY: KeyPolicy = { rotateAfterDays: 30, publishRetiredDays: 2 };

export type PrivateJwk = Record<string, unknown> & { kid: string; alg: string };

interface KeyRow { kid: string; alg: string; private_jwk: PrivateJwk; created_at: Date; retired_at: Date | null }

const KEY_LOCK = 7_320_410; // one replica rotates at a time

function newRsaKey(): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * The provider's signing keys, kept in this service's database so every replica signs with the same
 * key and a restart keeps them. Rotates when the signing key is older than `rotateAfterDays`
 * (checked at start and by `rotateIfDue`); retired keys stay in the JWKS for `publishRetiredDays`
 * so tokens they signed keep verifying, then are deleted. The signing key comes first.
 */
export async function signingKeys(ds: DataSource, policy: KeyPolicy = DEFAULT_KEY_POLICY, now = new Date()): Promise<PrivateJwk[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [KEY_LOCK]);
    const rows: KeyRow[] = await runner.query('SELECT kid, alg, private_jwk, created_at, retired_at FROM signing_key ORDER BY created_at DESC');
    const active = rows.find((r) => !r.retired_at);
    const dueAt = active ? active.created_at.getTime() + policy.rotateAfterDays * 86_400_000 : 0;
    if (!active || dueAt <= now.getTime()) {
      const key = newRsaKey();
      await runner.query('UPDATE signing_key SET retired_at = $1 WHERE retired_at IS NULL', [now]);
      await runner.query('INSERT INTO signing_key (kid, alg, private_jwk, created_at) VALUES ($1, $2, $3, $4)', [key.kid, key.alg, JSON.stringify(key), now]);
    }
    await runner.query('DELETE FROM signing_key WHERE retired_at < $1', [new Date(now.getTime() - policy.publishRetiredDays * 86_400_000)]);
    const kept: KeyRow[] = await runner.query('SELECT kid, alg, private_jwk, created_at, retired_at FROM signing_key ORDER BY (retired_at IS NULL) DESC, created_at DESC');
    return kept.map((r) => r.private_jwk);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [KEY_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
