import { createHash, randomBytes } from 'node:crypto';
import { recordAudit, type AuditActor } from '@kinerja/subgraph-kit';
import type { DataSource } from 'typeorm';
import { afterFailure, afterSuccess, DEFAULT_LOCKOUT, FRESH, isLocked, type LockoutPolicy, type LockoutState } from './domain/lockout';
import { normalizeNip } from './domain/nip';
import { DEFAULT_COST, hashPassword, needsRehash, passwordProblems, verifyPassword, type PasswordProblem, type ScryptCost } from './domain/password';
import { SlidingWindowLimiter } from './domain/rate-limit';
import { isActive, type PersonnelAccount, type PersonnelLookup } from './personnel';

export type Authentication =
  | { ok: true; account: PersonnelAccount }
  /** One answer for an unknown NIP, a wrong password, a locked or inactive account: nothing to enumerate. */
  | { ok: false; reason: 'INVALID' | 'RATE_LIMITED' | 'UNAVAILABLE' };

export interface CredentialOptions {
  lockout?: LockoutPolicy;
  cost?: ScryptCost;
  /** The clock for locks and link expiry (tests move it; never sleep). */
  now?: () => Date;
  /** Attempts per account (NIP) and per client address in `windowMs`. */
  limits?: { perAccount: number; perAddress: number; windowMs: number };
}

interface CredentialRow { password_hash: string | null; failed_attempts: number; lock_count: number; locked_until: Date | null }

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Passwords, locks and activation links, keyed by personnel's employee id. */
export class Credentials {
  readonly lockout: LockoutPolicy;
  readonly cost: ScryptCost;
  readonly now: () => Date;
  private readonly perAccount: SlidingWindowLimiter;
  private readonly perAddress: SlidingWindowLimiter;
  private readonly dummyHash: Promise<string>;

  constructor(private readonly ds: DataSource, private readonly lookup: PersonnelLookup, options: CredentialOptions = {}) {
    this.lockout = options.lockout ?? DEFAULT_LOCKOUT;
    this.cost = options.cost ?? DEFAULT_COST;
    this.now = options.now ?? (() => new Date());
    const limits = options.limits ?? { perAccount: 10, perAddress: 30, windowMs: 15 * 60_000 };
    const clock = () => this.now().getTime();
    this.perAccount = new SlidingWindowLimiter(limits.perAccount, limits.windowMs, clock);
    this.perAddress = new SlidingWindowLimiter(limits.perAddress, limits.windowMs, clock);
    // Compared against when there is no real hash, so an unknown NIP costs the same time as a wrong password.
    this.dummyHash = hashPassword(randomBytes(16).toString('hex'), this.cost);
  }

  private async burn(password: string): Promise<void> {
    await verifyPassword(password, await this.dummyHash);
  }

  /** Checks a NIP and password: rate limits, then personnel (ACTIVE only), then the lock, then the hash. */
  async authenticate(rawNip: string, password: string, clientAddress: string): Promise<Authentication> {
    const nip = normalizeNip(rawNip);
    const accountKey = nip ?? rawNip.slice(0, 64);
    if (!this.perAddress.take(clientAddress) || !this.perAccount.take(accountKey)) return { ok: false, reason: 'RATE_LIMITED' };
    if (!nip) {
      await this.burn(password);
      return { ok: false, reason: 'INVALID' };
    }
    let account: PersonnelAccount | null;
    try {
      account = await this.lookup.byNip(nip);
    } catch {
      return { ok: false, reason: 'UNAVAILABLE' };
    }
    const rows: CredentialRow[] = isActive(account)
      ? await this.ds.query('SELECT password_hash, failed_attempts, lock_count, locked_until FROM credential WHERE employee_id = $1', [account.id])
      : [];
    const row = rows[0];
    if (!isActive(account) || !row?.password_hash || isLocked(stateOf(row), this.now())) {
      await this.burn(password);
      return { ok: false, reason: 'INVALID' };
    }
    const right = await verifyPassword(password, row.password_hash);
    const outcome = await this.ds.transaction(async (m) => {
      const [current] = await m.query('SELECT password_hash, failed_attempts, lock_count, locked_until FROM credential WHERE employee_id = $1 FOR UPDATE', [account.id]) as CredentialRow[];
      const state = current ? stateOf(current) : FRESH;
      const now = this.now();
      // Locked meanwhile by parallel attempts: even the right password waits for the lock to pass.
      if (isLocked(state, now)) return false;
      const next = right ? afterSuccess() : afterFailure(this.lockout, state, now);
      await m.query(
        `UPDATE credential SET failed_attempts = $2, lock_count = $3, locked_until = $4, updated_at = $5,
           last_sign_in_at = CASE WHEN $6 THEN $5 ELSE last_sign_in_at END WHERE employee_id = $1`,
        [account.id, next.failedAttempts, next.lockCount, next.lockedUntil, now, right],
      );
      return right;
    });
    if (!outcome) return { ok: false, reason: 'INVALID' };
    if (needsRehash(row.password_hash, this.cost)) await this.storePassword(account.id, password);
    return { ok: true, account };
  }

  problems(password: string, confirmation: string, nip: string): PasswordProblem[] {
    return passwordProblems(password, confirmation, nip);
  }

  private async storePassword(employeeId: string, password: string, m: Pick<DataSource, 'query'> = this.ds): Promise<void> {
    const hash = await hashPassword(password, this.cost);
    await m.query(
      `INSERT INTO credential (employee_id, password_hash, password_changed_at, updated_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (employee_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, password_changed_at = EXCLUDED.password_changed_at,
         failed_attempts = 0, lock_count = 0, locked_until = NULL, updated_at = EXCLUDED.updated_at`,
      [employeeId, hash, this.now()],
    );
  }

  /** A signed-in employee changes their password: the current one is checked like a sign-in. */
  async changePassword(rawNip: string, current: string, next: string, confirmation: string, clientAddress: string):
    Promise<{ ok: true } | { ok: false; reason: Exclude<Authentication, { ok: true }>['reason'] } | { ok: false; reason: 'POLICY'; problems: PasswordProblem[] }> {
    const auth = await this.authenticate(rawNip, current, clientAddress);
    if (!auth.ok) return auth;
    const problems = this.problems(next, confirmation, auth.account.nip);
    if (problems.length) return { ok: false, reason: 'POLICY', problems };
    await this.ds.transaction(async (m) => {
      await this.storePassword(auth.account.id, next, m);
      await recordAudit(m, { actorId: auth.account.id, roles: [], service: 'identity' }, { entityType: 'Credential', entityId: auth.account.id, action: 'changePassword' });
    });
    return { ok: true };
  }

  /**
   * A one-time activation link (BKPSDM issues it; the employee sets a password). Only the token's
   * hash is stored; a new link replaces any unused older one.
   */
  async issueActivation(employeeId: string, actor: AuditActor, ttlMs: number): Promise<{ token: string; expiresAt: Date } | null> {
    const account = await this.lookup.byId(employeeId);
    if (!isActive(account)) return null;
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await this.ds.transaction(async (m) => {
      await m.query('DELETE FROM activation_link WHERE employee_id = $1 AND used_at IS NULL', [account.id]);
      await m.query('INSERT INTO activation_link (token_hash, employee_id, issued_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [sha256(token), account.id, actor.actorId ?? null, now, expiresAt]);
      await recordAudit(m, actor, { entityType: 'Credential', entityId: account.id, action: 'issueActivationLink', after: { expiresAt: expiresAt.toISOString() } });
    });
    return { token, expiresAt };
  }

  /** The employee a usable (unused, unexpired) activation token belongs to. */
  async activationFor(token: string): Promise<PersonnelAccount | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const rows: Array<{ employee_id: string }> = await this.ds.query(
      'SELECT employee_id FROM activation_link WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2', [sha256(token), this.now()]);
    if (!rows[0]) return null;
    const account = await this.lookup.byId(rows[0].employee_id);
    return isActive(account) ? account : null;
  }

  /** Sets the password from an activation link, once: the link is consumed in the same transaction. */
  async activate(token: string, password: string, confirmation: string):
    Promise<{ ok: true; account: PersonnelAccount } | { ok: false; reason: 'INVALID_LINK' } | { ok: false; reason: 'POLICY'; problems: PasswordProblem[] }> {
    const account = await this.activationFor(token);
    if (!account) return { ok: false, reason: 'INVALID_LINK' };
    const problems = this.problems(password, confirmation, account.nip);
    if (problems.length) return { ok: false, reason: 'POLICY', problems };
    const used = await this.ds.transaction(async (m) => {
      const now = this.now();
      const rows: Array<{ employee_id: string }> = await m.query(
        `UPDATE activation_link SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING employee_id`, [sha256(token), now]);
      if (!rows[0]) return false;
      await this.storePassword(account.id, password, m);
      await recordAudit(m, { actorId: account.id, roles: [], service: 'identity' }, { entityType: 'Credential', entityId: account.id, action: 'activate' });
      return true;
    });
    return used ? { ok: true, account } : { ok: false, reason: 'INVALID_LINK' };
  }

  /** Development only: the seeded people get the development password unless they already have one. */
  async seedDevelopmentPasswords(employeeIds: string[], password: string): Promise<void> {
    if (employeeIds.length === 0) return;
    const hash = await hashPassword(password, this.cost);
    await this.ds.query(
      `INSERT INTO credential (employee_id, password_hash, password_changed_at) SELECT unnest($1::uuid[]), $2, now() ON CONFLICT (employee_id) DO NOTHING`,
      [employeeIds, hash],
    );
  }
}

function stateOf(row: CredentialRow): LockoutState {
  return { failedAttempts: row.failed_attempts, lockCount: row.lock_count, lockedUntil: row.locked_until };
}
