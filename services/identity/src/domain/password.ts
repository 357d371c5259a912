import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt from node:crypto (memory-hard, no native add-on to install).
 * OWASP Password Storage Cheat Sheet lists equivalent scrypt minimums; we take N=2^15, r=8, p=3
 * (32 MiB per hash rather than 128 MiB for N=2^17, p=1, so a burst of sign-ins at 07:30 does not
 * exhaust a small pod's memory). The cost is in the stored string, so it can rise later: a hash with
 * an older cost is re-hashed at the next successful sign-in. services/identity/README.md gives the
 * measurements.
 */
export interface ScryptCost { N: number; r: number; p: number }

export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password.normalize('NFC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

const maxmem = (c: ScryptCost) => 128 * c.N * c.r * c.p + 16 * 1024 * 1024;

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, { ...cost, maxmem: maxmem(cost) });
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export function costOf(hash: string): ScryptCost | null {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  return Number.isInteger(N) && Number.isInteger(r) && Number.isInteger(p) ? { N, r, p } : null;
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const cost = costOf(hash);
  if (!cost) return false;
  const parts = hash.split('$');
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const expected = Buffer.from(parts[5] as string, 'base64url');
  const key = await scrypt(password, salt, expected.length, { ...cost, maxmem: maxmem(cost) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export function needsRehash(hash: string, cost: ScryptCost): boolean {
  const c = costOf(hash);
  return !c || c.N !== cost.N || c.r !== cost.r || c.p !== cost.p;
}

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'CONTROL_CHARACTERS' | 'IS_NIP' | 'MISMATCH';

/**
 * NIST SP 800-63B 5.1.1.2: at least 8 characters (we ask 10), up to at least 64 (we allow 128), any
 * printable characters incl. spaces, no composition rules; the NIP itself is refused.
 */
export function passwordProblems(password: string, confirmation: string, nip: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < 10) problems.push('TOO_SHORT');
  if (length > 128) problems.push('TOO_LONG');
  if (/[\p{Cc}\p{Cf}]/u.test(password)) problems.push('CONTROL_CHARACTERS');
  if (password.replace(/\s/g, '') === nip) problems.push('IS_NIP');
  if (password !== confirmation) problems.push('MISMATCH');
  return problems;
}
