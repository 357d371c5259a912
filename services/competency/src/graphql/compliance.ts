import { unitMembers, type KitContext } from '@kinerja/subgraph-kit';
import { complianceRatio, PNS_REQUIRED_HOURS, yearRange } from '../domain/learning-hours';
import type { UnitLearningCompliance } from './types';

/**
 * learningCompliance(year) for a batch of units: PNS members only (PPPK owe no 20 JP; PP 49/2018
 * art. 40(1) gives them a ceiling, DOMAIN.md "Competency development"). Members (ACTIVE, with sub-units) come from
 * personnel in one directory call; the hours of all of them are summed and compared with each one's
 * requirement in ONE aggregate statement, never a query per employee.
 */
export function unitCompliance(ctx: KitContext, year: number) {
  return ctx.loaders.get<string, UnitLearningCompliance>(`unitCompliance.${year}`, async (unitIds) => {
    const scopes = await Promise.all(unitIds.map((id) => unitMembers(ctx, id, true)));
    const unitCol: string[] = [];
    const employeeCol: string[] = [];
    const requiredCol: number[] = [];
    unitIds.forEach((unitId, i) => {
      for (const member of scopes[i]?.members ?? []) {
        if (member.status !== 'ACTIVE' || member.employmentType !== 'PNS') continue;
        unitCol.push(unitId);
        employeeCol.push(member.id);
        requiredCol.push(PNS_REQUIRED_HOURS);
      }
    });
    const counts = new Map<string, { employees: number; met: number }>();
    if (employeeCol.length > 0) {
      const [from, to] = yearRange(year);
      const rows: Array<{ unitId: string; employees: number; met: number }> = await ctx.dataSource.query(`
        WITH m AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS m(unit_id, employee_id, required)),
             h AS (SELECT employee_id, sum(credited_hours) AS hours FROM enrollment
                    WHERE status = 'COMPLETED' AND completed_on >= $4::date AND completed_on < $5::date
                      AND employee_id IN (SELECT employee_id FROM m)
                    GROUP BY employee_id)
        SELECT m.unit_id::text AS "unitId", count(*)::int AS employees,
               count(*) FILTER (WHERE coalesce(h.hours, 0) >= m.required)::int AS met
          FROM m LEFT JOIN h ON h.employee_id = m.employee_id
         GROUP BY m.unit_id`, [unitCol, employeeCol, requiredCol, from, to]);
      for (const r of rows) counts.set(r.unitId, { employees: r.employees, met: r.met });
    }
    return unitIds.map((unitId) => {
      const c = counts.get(unitId) ?? { employees: 0, met: 0 };
      return { year, employees: c.employees, metRequirement: c.met, ratio: complianceRatio(c.employees, c.met) };
    });
  });
}
