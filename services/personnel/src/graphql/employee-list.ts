import { BadInput, decodeCursor, pageSize, toConnection, type ConnectionShape, type KitContext } from '@kinerja/subgraph-kit';
import { EmployeeStatus } from '../domain/enums';
import './enums';
import { normalizeNip } from '../domain/nip';
import { EmployeeRow } from '../entities/employee';

export interface EmployeeFilter {
  unitIds?: string[] | undefined;
  search?: string | null | undefined;
  status?: EmployeeStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}

const COLUMNS = `e.id, e.nip, e.name, e.gender, e.birth_date::text AS "birthDate", e.employment_type AS "employmentType",
  e.grade, e.pppk_grade AS "pppkGrade", e.position_title AS "positionTitle", e.position_kind AS "positionKind", e.unit_id AS "unitId",
  e.supervisor_id AS "supervisorId", e.status, e.version`;

function cursorPosition(after: string | null | undefined): [string, string] | null {
  const pos = decodeCursor(after, 2);
  if (!pos) return null;
  const [name, id] = pos;
  if (typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new BadInput('after', 'is not a cursor this API gave out', 'cursor tidak dikenal');
  }
  return [name, id];
}

/** Employees ordered by name, keyset-paginated; two statements whatever the page size. */
/** The name-part predicate of `employees(search:)`; the trigram index employee_name_trgm_idx is on this expression. */
export const NAME_SEARCH = 'lower(e.name) LIKE ?';

export async function listEmployees(ctx: KitContext, filter: EmployeeFilter): Promise<ConnectionShape<EmployeeRow>> {
  const first = pageSize(filter.first);
  const after = cursorPosition(filter.after);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.unitIds) add('e.unit_id = ANY(?::uuid[])', filter.unitIds);
  if (filter.status) add('e.status = ?', filter.status);
  const search = filter.search?.trim();
  if (search) {
    const digits = normalizeNip(search);
    if (/^\d{2,18}$/.test(digits)) add(`e.nip LIKE ?`, `${digits}%`);
    else add(NAME_SEARCH, `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const filterSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const countRows: Array<{ total: string }> = await ctx.dataSource.query(`SELECT count(*) AS total FROM employee e ${filterSql}`, params);
  const pageWhere = [...where];
  const pageParams = [...params];
  if (after) {
    pageParams.push(after[0], after[1]);
    pageWhere.push(`(e.name, e.id) > ($${pageParams.length - 1}, $${pageParams.length}::uuid)`);
  }
  pageParams.push(first + 1);
  const rows: EmployeeRow[] = await ctx.dataSource.query(
    `SELECT ${COLUMNS} FROM employee e ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
      ORDER BY e.name, e.id LIMIT $${pageParams.length}`,
    pageParams,
  );
  return toConnection(rows, first, Number(countRows[0]?.total ?? 0), (r) => [r.name, r.id]);
}

interface UnitPageKey {
  unitId: string;
  scope: string[];
  first: number;
  after: [string, string] | null;
  status: EmployeeStatus | null;
}

/**
 * One unit's page (the usual request) in one statement that reads only the page: keyset order on
 * employee (name, id) and a count over the unit index, so a unit of 20,000 people costs what a unit
 * of 500 does (bench/results/summary.md: the window query below sorts every member of the unit).
 */
async function oneUnitPage(ctx: KitContext, key: UnitPageKey, first: number, after: [string, string] | null, status: EmployeeStatus | null): Promise<ConnectionShape<EmployeeRow>> {
  const params: unknown[] = [key.scope, first + 1];
  const statusSql = status ? `AND e.status = $${params.push(status)}` : '';
  const cursorSql = after ? `AND (e.name, e.id) > ($${params.push(after[0])}, $${params.push(after[1])}::uuid)` : '';
  const rows: Array<EmployeeRow & { total: string }> = await ctx.dataSource.query(
    `SELECT ${COLUMNS}, (SELECT count(*) FROM employee c WHERE c.unit_id = ANY($1::uuid[]) ${statusSql.replace('e.status', 'c.status')}) AS total
       FROM employee e WHERE e.unit_id = ANY($1::uuid[]) ${statusSql} ${cursorSql}
      ORDER BY e.name, e.id LIMIT $2`, params);
  let total = rows[0] ? Number(rows[0].total) : null;
  if (total === null) {
    // An empty page (past the last cursor) still needs the unit's total.
    const [c] = (await ctx.dataSource.query(`SELECT count(*) AS total FROM employee c WHERE c.unit_id = ANY($1::uuid[]) ${status ? 'AND c.status = $2' : ''}`,
      status ? [key.scope, status] : [key.scope])) as Array<{ total: string }>;
    total = Number(c?.total ?? 0);
  }
  return toConnection(rows, first, total, (r) => [r.name, r.id]);
}

/**
 * `OrganizationUnit.employees` for many units in one statement: each unit's page is a window
 * partition, so listing the whole tree with its people costs one query, not one per unit.
 */
export function unitEmployees(ctx: KitContext, key: Omit<UnitPageKey, 'first' | 'after'> & { first?: number | null; after?: string | null }) {
  const first = pageSize(key.first);
  const after = cursorPosition(key.after);
  const groupKey = JSON.stringify([first, after, key.status]);
  const loader = ctx.loaders.get<UnitPageKey, ConnectionShape<EmployeeRow>>(`unitEmployees:${groupKey}`, async (keys) => {
    if (keys.length === 1) return [await oneUnitPage(ctx, keys[0] as UnitPageKey, first, after, key.status)];
    // Each requested page is its own partition (by position in the batch): the same unit may be
    // asked with and without its sub-units in one request.
    const roots: number[] = [];
    const units: string[] = [];
    keys.forEach((k, index) => {
      for (const u of k.scope) {
        roots.push(index);
        units.push(u);
      }
    });
    const params: unknown[] = [roots, units, first + 1];
    let cursorSql = '';
    if (after) {
      params.push(after[0], after[1]);
      cursorSql = `WHERE (x.name, x.id) > ($4, $5::uuid)`;
    }
    let statusSql = '';
    if (key.status) {
      params.push(key.status);
      statusSql = `AND e.status = $${params.length}`;
    }
    const rows: Array<EmployeeRow & { root: number; total: string }> = await ctx.dataSource.query(`
      WITH scope(root, unit_id) AS (SELECT * FROM unnest($1::int[], $2::uuid[]))
      SELECT * FROM (
        SELECT x.*, row_number() OVER (PARTITION BY x.root ORDER BY x.name, x.id) AS rn FROM (
          SELECT s.root, ${COLUMNS}, count(*) OVER (PARTITION BY s.root) AS total
            FROM scope s JOIN employee e ON e.unit_id = s.unit_id ${statusSql}
        ) x ${cursorSql}
      ) y WHERE y.rn <= $3 ORDER BY y.root, y.rn`, params);
    const totals = new Map<number, number>();
    const byRoot = new Map<number, EmployeeRow[]>();
    for (const r of rows) {
      totals.set(r.root, Number(r.total));
      const list = byRoot.get(r.root) ?? [];
      list.push(r);
      byRoot.set(r.root, list);
    }
    // A page that is empty after the cursor still needs its total.
    const missing = keys.map((k, index) => ({ k, index })).filter(({ index }) => !totals.has(index));
    if (missing.length > 0) {
      const countParams: unknown[] = [missing.flatMap(({ k, index }) => k.scope.map(() => index)), missing.flatMap(({ k }) => k.scope)];
      if (key.status) countParams.push(key.status);
      const counts: Array<{ root: number; total: string }> = await ctx.dataSource.query(`
        WITH scope(root, unit_id) AS (SELECT * FROM unnest($1::int[], $2::uuid[]))
        SELECT s.root, count(e.id) AS total FROM scope s
          LEFT JOIN employee e ON e.unit_id = s.unit_id ${key.status ? 'AND e.status = $3' : ''}
         GROUP BY s.root`, countParams);
      for (const c of counts) totals.set(c.root, Number(c.total));
    }
    return keys.map((_k, index) => toConnection(byRoot.get(index) ?? [], first, totals.get(index) ?? 0, (r) => [r.name, r.id]));
  }, { cacheKeyFn: (k) => `${k.unitId}:${k.scope.join(',')}` });
  return loader.load({ unitId: key.unitId, scope: key.scope, first, after, status: key.status });
}
