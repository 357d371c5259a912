import { decideGrant, decideRevoke, Role } from '../../src/domain/roles';

describe('granting and revoking roles (CONTRACT.md: nobody can revoke the last ADMIN)', () => {
  it.each([
    [false, 'ACTIVE', 'apply'],
    [true, 'ACTIVE', 'unchanged'],
    [false, 'RETIRED', 'refused'],
    [false, 'INACTIVE', 'refused'],
  ])('grant when held=%s to a %s employee: %s', (holds, status, kind) => {
    expect(decideGrant(holds, status).kind).toBe(kind);
  });

  it.each([
    [Role.ADMIN, true, 1, 'ACTIVE', 'refused'],
    [Role.ADMIN, true, 2, 'ACTIVE', 'apply'],
    [Role.ADMIN, true, 1, 'RETIRED', 'apply'], // a retired holder is not the last active ADMIN
    [Role.ADMIN, false, 1, 'ACTIVE', 'unchanged'],
    [Role.ANALYST, true, 1, 'ACTIVE', 'apply'],
    [Role.ANALYST, false, 0, 'ACTIVE', 'unchanged'],
  ])('revoke %s when held=%s with %i active ADMINs from a %s employee: %s', (role, holds, admins, status, kind) => {
    const d = decideRevoke(role, holds, admins, status);
    expect(d.kind).toBe(kind);
    if (d.kind === 'refused') expect(d.reason).toBe('LAST_ADMIN');
  });
});
