import { byKey, groupByKey, rowsById, type KitContext } from '@kinerja/subgraph-kit';
import { EmployeeRow } from '../entities/employee';
import { OrganizationUnitRow } from '../entities/organization-unit';
import { WorkContractRow } from '../entities/work-contract';

/** All units, once per request: a regency has a few hundred, so the tree is read whole. */
export function unitTree(ctx: KitContext) {
  return ctx.loaders
    .get<'all', UnitTree>('unitTree', async () => {
      const units = await ctx.dataSource.getRepository(OrganizationUnitRow).find({ order: { code: 'ASC' } });
      return [new UnitTree(units)];
    })
    .load('all');
}

export class UnitTree {
  readonly byId = new Map<string, OrganizationUnitRow>();
  readonly byCode = new Map<string, OrganizationUnitRow>();
  readonly children = new Map<string, OrganizationUnitRow[]>();
  readonly roots: OrganizationUnitRow[] = [];

  constructor(readonly units: OrganizationUnitRow[]) {
    for (const u of units) {
      this.byId.set(u.id, u);
      this.byCode.set(u.code, u);
    }
    for (const u of units) {
      if (u.parentId && this.byId.has(u.parentId)) {
        const list = this.children.get(u.parentId) ?? [];
        list.push(u);
        this.children.set(u.parentId, list);
      } else {
        this.roots.push(u);
      }
    }
  }

  /** The unit and every unit below it. */
  subtree(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      out.push(next);
      for (const c of this.children.get(next) ?? []) stack.push(c.id);
    }
    return out;
  }

  /** Roots first, then breadth-first, so a client can build the tree in one pass. */
  ordered(): OrganizationUnitRow[] {
    const out: OrganizationUnitRow[] = [];
    let level = [...this.roots];
    while (level.length > 0) {
      out.push(...level);
      level = level.flatMap((u) => this.children.get(u.id) ?? []);
    }
    return out;
  }
}

/** Employees as resolvers answer with them (the kit's rowsById, apart from the guards' cache). */
export function employeeById(ctx: KitContext) {
  return rowsById(ctx, EmployeeRow, { cache: 'answers' });
}

export function employeeByNip(ctx: KitContext) {
  return ctx.loaders.get<string, EmployeeRow | null>('employeeByNip', async (nips) => {
    const rows = await ctx.dataSource.getRepository(EmployeeRow)
      .createQueryBuilder('e').where('e.nip = ANY(:nips)', { nips: [...nips] }).getMany();
    return byKey(nips, rows, (r) => r.nip);
  });
}

export function subordinatesOf(ctx: KitContext) {
  return ctx.loaders.get<string, EmployeeRow[]>('subordinatesOf', async (ids) => {
    const rows = await ctx.dataSource.getRepository(EmployeeRow)
      .createQueryBuilder('e').where('e.supervisor_id = ANY(:ids)', { ids: [...ids] })
      .orderBy('e.name').addOrderBy('e.id').getMany();
    return groupByKey(ids, rows, (r) => r.supervisorId as string);
  });
}

const CHAIN_SQL = `
  WITH RECURSIVE chain(target, ancestor, depth) AS (
    SELECT e.id, e.supervisor_id, 1 FROM employee e WHERE e.id = ANY($1::uuid[]) AND e.supervisor_id IS NOT NULL
    UNION ALL
    SELECT c.target, e.supervisor_id, c.depth + 1
      FROM chain c JOIN employee e ON e.id = c.ancestor
     WHERE e.supervisor_id IS NOT NULL AND c.depth < 64
  )
  SELECT DISTINCT target::text AS target FROM chain WHERE ancestor = $2::uuid`;

/** Whether the caller is in the supervisor chain above each employee (direct or indirect). */
export function viewerSupervises(ctx: KitContext) {
  return ctx.loaders.get<string, boolean>('viewerSupervises', async (ids) => {
    const viewer = ctx.identity.employeeId;
    if (!viewer) return ids.map(() => false);
    const rows: Array<{ target: string }> = await ctx.dataSource.query(CHAIN_SQL, [[...ids], viewer]);
    const supervised = new Set(rows.map((r) => r.target));
    return ids.map((id) => supervised.has(id));
  });
}

/** Supervisor chains (nearest first) for many employees in one recursive statement. */
export function supervisorChains(ctx: KitContext) {
  return ctx.loaders.get<string, string[]>('supervisorChains', async (ids) => {
    const rows: Array<{ target: string; ancestor: string }> = await ctx.dataSource.query(`
      WITH RECURSIVE chain(target, ancestor, depth) AS (
        SELECT e.id, e.supervisor_id, 1 FROM employee e WHERE e.id = ANY($1::uuid[]) AND e.supervisor_id IS NOT NULL
        UNION ALL
        SELECT c.target, e.supervisor_id, c.depth + 1 FROM chain c JOIN employee e ON e.id = c.ancestor
         WHERE e.supervisor_id IS NOT NULL AND c.depth < 64
      ) SELECT target::text AS target, ancestor::text AS ancestor FROM chain ORDER BY target, depth`, [[...ids]]);
    return groupByKey(ids, rows, (r) => r.target).map((list) => list.map((r) => r.ancestor));
  });
}

/**
 * Everyone below each employee in the supervisor chain, direct and indirect (the inverse of supervisorChains, to the same
 * depth), in one recursive statement: the people whose chain holds the employee.
 */
export function reportsOf(ctx: KitContext) {
  return ctx.loaders.get<string, string[]>('reportsOf', async (ids) => {
    const rows: Array<{ root: string; report: string }> = await ctx.dataSource.query(`
      WITH RECURSIVE below(root, report, depth) AS (
        SELECT e.supervisor_id, e.id, 1 FROM employee e WHERE e.supervisor_id = ANY($1::uuid[])
        UNION ALL
        SELECT b.root, e.id, b.depth + 1 FROM below b JOIN employee e ON e.supervisor_id = b.report
         WHERE b.depth < 64
      ) SELECT DISTINCT root::text AS root, report::text AS report FROM below ORDER BY root, report`, [[...ids]]);
    return groupByKey(ids, rows, (r) => r.root).map((list) => list.map((r) => r.report));
  });
}

/** Each employee's work contracts, newest first (one statement for every employee asked). */
export function contractsOf(ctx: KitContext) {
  return ctx.loaders.get<string, WorkContractRow[]>('contractsOf', async (ids) => {
    const rows = await ctx.dataSource.getRepository(WorkContractRow)
      .createQueryBuilder('c').where('c.employee_id = ANY(:ids)', { ids: [...ids] })
      .orderBy('c.sequence', 'DESC').addOrderBy('c.starts_on', 'DESC').getMany();
    return groupByKey(ids, rows, (r) => r.employeeId);
  });
}
