import { SanctionStatus } from './enums';

/**
 * Sanctions (DOMAIN.md): proposed by the system or a unit head, imposed only by a person (ADMIN).
 * An ADMIN imposes or dismisses a proposal, and may later revoke an imposed sanction; a revoked
 * sanction is closed.
 */
export function nextSanctionStatus(current: SanctionStatus, impose: boolean): { ok: true; status: SanctionStatus } | { ok: false; rule: string } {
  if (current === SanctionStatus.PROPOSED) return { ok: true, status: impose ? SanctionStatus.IMPOSED : SanctionStatus.REVOKED };
  if (current === SanctionStatus.IMPOSED) {
    return impose ? { ok: false, rule: 'the sanction is already IMPOSED; pass impose: false to revoke it' } : { ok: true, status: SanctionStatus.REVOKED };
  }
  return { ok: false, rule: 'the sanction was REVOKED; propose a new one instead' };
}
