/**
 * Granted roles (CONTRACT.md, "Additions of December 2026"): BKPSDM grants ADMIN and ANALYST;
 * EMPLOYEE is everyone signed in and is never stored. Roles are held here, never in a token
 * (ARCHITECTURE.md, "Trust and identity").
 */
export enum Role { ADMIN = 'ADMIN', ANALYST = 'ANALYST' }

export const GRANTED_ROLES: readonly Role[] = [Role.ADMIN, Role.ANALYST];

export type RoleChange =
  | { kind: 'apply' }
  | { kind: 'unchanged' }
  | { kind: 'refused'; reason: 'LAST_ADMIN' | 'NOT_ACTIVE'; message: string; messageId: string };

/** Whether a grant changes anything: a role is granted only to an active employee, once. */
export function decideGrant(holds: boolean, employeeStatus: string): RoleChange {
  if (employeeStatus !== 'ACTIVE') {
    return { kind: 'refused', reason: 'NOT_ACTIVE', message: 'employeeId: roles are granted only to active employees', messageId: 'Peran hanya dapat diberikan kepada pegawai aktif' };
  }
  return holds ? { kind: 'unchanged' } : { kind: 'apply' };
}

/**
 * Whether a revoke changes anything. CONTRACT.md: nobody can revoke the last ADMIN, so the platform
 * always keeps someone able to grant roles. `activeAdmins` counts active employees holding ADMIN.
 */
export function decideRevoke(role: Role, holds: boolean, activeAdmins: number, employeeStatus: string): RoleChange {
  if (!holds) return { kind: 'unchanged' };
  if (role === Role.ADMIN && employeeStatus === 'ACTIVE' && activeAdmins <= 1) {
    return { kind: 'refused', reason: 'LAST_ADMIN', message: 'role: this is the last ADMIN; grant ADMIN to someone else first', messageId: 'Tidak dapat mencabut ADMIN terakhir' };
  }
  return { kind: 'apply' };
}
