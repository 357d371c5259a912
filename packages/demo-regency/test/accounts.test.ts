import { generateRegency, signInAccounts } from '../src';

describe('the development sign-in accounts (README, "Sign-in accounts")', () => {
  const regency = generateRegency({ employees: 2400 });
  const accounts = signInAccounts(regency);
  const byRole = (role: string) => accounts.filter((a) => a.role === role);

  it('lists a supervisor and two of their staff, a unit head, the BKPSDM head, an analyst and a PPPK employee', () => {
    expect(accounts.map((a) => a.role).sort()).toEqual(['ANALYST', 'BKPSDM_HEAD', 'PPPK', 'STAFF', 'STAFF', 'SUPERVISOR', 'UNIT_HEAD'].sort());
    const supervisor = byRole('SUPERVISOR')[0]!.employee;
    expect(byRole('STAFF').map((a) => a.employee.supervisorId)).toEqual([supervisor.id, supervisor.id]);
    const unitHead = byRole('UNIT_HEAD')[0]!.employee;
    expect(regency.units.some((u) => u.headId === unitHead.id)).toBe(true);
    expect(byRole('PPPK')[0]!.employee.employmentType).toBe('PPPK');
  });

  it('gives ADMIN and ANALYST to the BKPSDM head and the analyst only, all accounts active and distinct', () => {
    expect(byRole('BKPSDM_HEAD')[0]!.employee.id).toBe(regency.admin.id);
    for (const a of accounts) expect([a.role, a.grantedRoles]).toEqual([a.role, ['BKPSDM_HEAD', 'ANALYST'].includes(a.role) ? ['ADMIN', 'ANALYST'] : []]);
    expect(accounts.every((a) => a.employee.status === 'ACTIVE')).toBe(true);
    expect(new Set(accounts.map((a) => a.employee.id)).size).toBe(accounts.length);
  });

  it('is the same list for the same regency (npm start prints it, personnel seeds its roles)', () => {
    expect(signInAccounts(generateRegency({ employees: 2400 })).map((a) => a.employee.nip)).toEqual(accounts.map((a) => a.employee.nip));
  });
});
