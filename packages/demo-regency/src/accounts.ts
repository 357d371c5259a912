import type { DemoEmployee, DemoRegency } from './regency';

/** Why a seeded person is on the README's list of development sign-in accounts. */
export type AccountRole = 'BKPSDM_HEAD' | 'ANALYST' | 'UNIT_HEAD' | 'SUPERVISOR' | 'STAFF' | 'PPPK';

export interface SignInAccount {
  role: AccountRole;
  /** What the person is for, in a few words (printed by `npm start`). */
  label: string;
  employee: DemoEmployee;
  /** Roles personnel seeds for them (ADMIN, ANALYST); empty for everyone else. */
  grantedRoles: Array<'ADMIN' | 'ANALYST'>;
}

const active = (e: DemoEmployee | undefined): e is DemoEmployee => !!e && e.status === 'ACTIVE';

/**
 * The seeded people who sign in with the development password (README, "Sign-in accounts"): a
 * supervisor and two of their staff, a unit head, the BKPSDM head, an analyst, a PPPK employee.
 * Chosen by rule, so the list follows the generator; the BKPSDM head and the analyst hold ADMIN and ANALYST.
 */
export function signInAccounts(regency: DemoRegency): SignInAccount[] {
  const out: SignInAccount[] = [];
  const taken = new Set<string>();
  const add = (role: AccountRole, label: string, e: DemoEmployee | undefined, grantedRoles: SignInAccount['grantedRoles'] = []) => {
    if (!active(e) || taken.has(e.id)) return;
    taken.add(e.id);
    out.push({ role, label, employee: e, grantedRoles });
  };
  add('BKPSDM_HEAD', 'Kepala BKPSDMD (ADMIN, ANALYST)', regency.admin, ['ADMIN', 'ANALYST']);
  const bkpsdm = new Set(regency.units.filter((u) => u.code.startsWith('BKPSDMD')).map((u) => u.id));
  const analyst = regency.employees.find((e) => active(e) && bkpsdm.has(e.unitId) && e.positionTitle.startsWith('Analis'))
    ?? regency.employees.find((e) => active(e) && bkpsdm.has(e.unitId) && e.id !== regency.admin.id);
  add('ANALYST', 'Analis SDM Aparatur, BKPSDMD (ADMIN, ANALYST)', analyst, ['ADMIN', 'ANALYST']);
  const dinas = regency.units.find((u) => u.code !== 'BKPSDMD' && u.headId && u.parentId === null && u.code.startsWith('DIN'))
    ?? regency.units.find((u) => !bkpsdm.has(u.id) && u.headId && u.parentId === null && u.code !== 'SETDA');
  add('UNIT_HEAD', 'Kepala OPD (unit head)', dinas?.headId ? regency.employeeById.get(dinas.headId) : undefined);
  const staffOf = (id: string) => regency.employees.filter((e) => active(e) && e.supervisorId === id && e.employmentType === 'PNS');
  const supervisor = regency.employees.find((e) => active(e) && e.positionKind === 'PENGAWAS' && !bkpsdm.has(e.unitId) && staffOf(e.id).length >= 2);
  if (supervisor) {
    add('SUPERVISOR', 'Pengawas with staff (direct supervisor)', supervisor);
    for (const s of staffOf(supervisor.id).slice(0, 2)) add('STAFF', `Staff of ${supervisor.name}`, s);
  }
  add('PPPK', 'PPPK employee', regency.employees.find((e) => active(e) && e.employmentType === 'PPPK' && !taken.has(e.id)));
  return out;
}
