// The demo seed, and the N+1 guard over it: a federated read of 50 employees' evaluations costs the
// evaluation subgraph as many statements as a read of 5.
import { generateRegency } from '@kinerja/demo-regency';
import { validateEnvelope } from '@kinerja/events';
import { personnelService, seedPersonnel } from '@kinerja/personnel';
import { graphqlOk, startGraph, waitFor, type TestGraph } from '@kinerja/testing';
import { evaluationService } from '../src';
import { isEmpty, seedEvaluation } from '../src/seed';
import { ADMIN_ID } from './helpers';

describe('demo seed', () => {
  let graph: TestGraph;
  let seeded: Awaited<ReturnType<typeof seedEvaluation>>;
  const regency = generateRegency({ employees: 300 });
  const db = () => graph.services.evaluation!.dataSource;

  beforeAll(async () => {
    graph = await startGraph([personnelService, evaluationService], 'evaluation-seed');
    await seedPersonnel(graph.services.personnel!.dataSource, regency);
    expect(await isEmpty(db())).toBe(true);
    seeded = await seedEvaluation(db(), regency);
  });
  afterAll(() => graph?.stop());

  it('completes 2025 for everyone with an evaluator, with a curve a Baik-rated regency can defend, and opens 2026', async () => {
    expect(await isEmpty(db())).toBe(false);
    const cycles = await db().query(`SELECT year, status FROM evaluation_cycle ORDER BY year`);
    expect(cycles).toEqual([{ year: 2025, status: 'CLOSED' }, { year: 2026, status: 'OPEN' }]);
    const active = regency.employees.filter((e) => e.status === 'ACTIVE').length;
    const rows = await db().query(`SELECT c.year, e.status, e.predicate, count(*)::int AS n FROM evaluation e JOIN evaluation_cycle c ON c.id = e.cycle_id GROUP BY 1, 2, 3`);
    const completed = rows.filter((r: { year: number }) => r.year === 2025);
    const total = completed.reduce((s: number, r: { n: number }) => s + r.n, 0);
    expect(total).toBe(active - 1); // all but the Sekda, who has no one above
    expect(completed.every((r: { status: string }) => r.status === 'COMPLETED')).toBe(true);
    const share = (p: string) => (completed.find((r: { predicate: string }) => r.predicate === p)?.n ?? 0) / total;
    expect(share('BAIK')).toBeLessThanOrEqual(0.75);
    expect(share('SANGAT_BAIK')).toBeGreaterThan(0.05);
    expect(share('BUTUH_PERBAIKAN') + share('KURANG') + share('SANGAT_KURANG')).toBeGreaterThan(0.1);
    expect(rows.filter((r: { year: number; status: string }) => r.year === 2026).map((r: { status: string }) => r.status)).toEqual(['DRAFT']);
    expect(seeded.feedback).toBeGreaterThan(total * 2);
  });

  it('leaves one valid evaluation.completed event per completed evaluation in the outbox, and the relay publishes them', async () => {
    const rows = await db().query(`SELECT envelope FROM outbox ORDER BY id`);
    expect(rows).toHaveLength(seeded.events);
    expect(rows.every((r: { envelope: unknown }) => validateEnvelope('evaluation.completed', r.envelope).ok)).toBe(true);
    await waitFor(async () => (await db().query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0].n === 0);
  });

  it('sets last year\'s organisation predicates, and at least one unit breaks the curve on first start', async () => {
    const token = await graph.token(ADMIN_ID, ['ADMIN']);
    const q = `query($c: String) { organizationUnit(code: $c) { organizationPredicate(year: 2025) predicateDistribution(year: 2025) { evaluated warnings { rule } } } }`;
    const dishub = (await graphqlOk(graph.url, q, { c: 'DISHUB' }, { token })).organizationUnit;
    expect(dishub.organizationPredicate).toBe('BUTUH_PERBAIKAN');
    expect(dishub.predicateDistribution.evaluated).toBeGreaterThan(0);
    expect(dishub.predicateDistribution.warnings.map((w: { rule: string }) => w.rule)).toContain('BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN');
    const top = regency.units.filter((u) => !u.parentId).length;
    expect(seeded.organizationPredicates).toBe(top);
    const dinkes = (await graphqlOk(graph.url, q, { c: 'DINKES' }, { token })).organizationUnit;
    expect(dinkes.organizationPredicate).toBe('BAIK');
  });

  it('reads 50 employees\' evaluations with as many statements as 5', async () => {
    const token = await graph.token(ADMIN_ID, ['ADMIN']);
    const query = `query($first: Int!) { employees(first: $first) { edges { node { name
      evaluations { predicate cycle { year } evaluator { name } feedback { source author { name } } behaviorSummary { coreValue mean } }
      latestEvaluation { id status } } } } }`;
    await graphqlOk(graph.url, query, { first: 5 }, { token });
    const five = await graph.countSql(() => graphqlOk(graph.url, query, { first: 5 }, { token }));
    const fifty = await graph.countSql(async () => {
      const d = await graphqlOk(graph.url, query, { first: 50 }, { token });
      expect(d.employees.edges.filter((e: any) => e.node.evaluations.length === 2)).toHaveLength(50);
    });
    expect(fifty.evaluation).toBe(five.evaluation);
    expect(fifty.evaluation).toBeLessThanOrEqual(6);
  });
});
