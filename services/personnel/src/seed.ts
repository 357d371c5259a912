import { signInAccounts, type DemoRegency } from '@kinerja/demo-regency';
import type { DataSource, EntityManager } from 'typeorm';

export type Progress = (done: number, total: number) => void;

/** True when personnel has no employees yet (a fresh database). */
export async function isEmpty(ds: DataSource): Promise<boolean> {
  const rows: Array<{ n: string }> = await ds.query('SELECT count(*) AS n FROM employee');
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Writes the demo regency's units and employees in batches, in one transaction. */
export async function seedPersonnel(ds: DataSource, regency: DemoRegency, progress: Progress = () => {}): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO organization_unit (id, code, name, kind, parent_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[])`,
      [regency.units.map((u) => u.id), regency.units.map((u) => u.code), regency.units.map((u) => u.name),
        regency.units.map((u) => u.kind), regency.units.map((u) => u.parentId)],
    );
    const batch = 2000;
    const all = regency.employees;
    for (let i = 0; i < all.length; i += batch) {
      const part = all.slice(i, i + batch);
      await m.query(
        `INSERT INTO employee (id, nip, name, gender, birth_date, employment_type, grade, position_title, position_kind, unit_id, supervisor_id, status)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::uuid[], $12::text[])`,
        [part.map((e) => e.id), part.map((e) => e.nip), part.map((e) => e.name), part.map((e) => e.gender), part.map((e) => e.birthDate),
          part.map((e) => e.employmentType), part.map((e) => e.grade), part.map((e) => e.positionTitle), part.map((e) => e.positionKind),
          part.map((e) => e.unitId), part.map((e) => e.supervisorId), part.map((e) => e.status)],
      );
      progress(Math.min(i + batch, all.length), all.length);
    }
    await m.query(
      `UPDATE organization_unit u SET head_id = h.head FROM unnest($1::uuid[], $2::uuid[]) AS h(unit, head) WHERE u.id = h.unit`,
      [regency.units.map((u) => u.id), regency.units.map((u) => u.headId)],
    );
    await seedRoles(m, regency);
  });
}

/** The BKPSDM head and one analyst hold ADMIN and ANALYST (README, "Sign-in accounts"). */
export async function seedRoles(m: EntityManager, regency: DemoRegency): Promise<void> {
  const grants = signInAccounts(regency).flatMap((a) => a.grantedRoles.map((role) => [a.employee.id, role] as const));
  if (grants.length === 0) return;
  await m.query(
    `INSERT INTO employee_role (employee_id, role) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING`,
    [grants.map((g) => g[0]), grants.map((g) => g[1])],
  );
}
