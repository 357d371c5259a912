import { graphqlOk } from '@kinerja/testing';
import { seedCompetency } from '../src/seed';
import { startRegencyGraph, type Regency } from './helpers';

describe('the N+1 guard', () => {
  let r: Regency;

  beforeAll(async () => {
    r = await startRegencyGraph('competency-nplus1', {}, 600);
    await seedCompetency(r.graph.services.competency!.dataSource, r.regency);
  });
  afterAll(() => r?.graph.stop());

  /**
   * Statements per subgraph for one request, the least of three runs: the outbox relays poll on the
   * same DataSources about once a second, and a poll landing inside a run is not the request's cost.
   */
  const count = async (fn: () => Promise<unknown>): Promise<Record<string, number>> => {
    const runs = [await r.graph.countSql(fn), await r.graph.countSql(fn), await r.graph.countSql(fn)];
    return Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, Math.min(...runs.map((x) => x[k]!))]));
  };
  const measure = async (query: string, token: string, check: (data: any, n: number) => void) => {
    await graphqlOk(r.graph.url, query, { n: 5 }, { token }); // warm the query plans
    const five = await count(async () => check(await graphqlOk(r.graph.url, query, { n: 5 }, { token }), 5));
    const fifty = await count(async () => check(await graphqlOk(r.graph.url, query, { n: 50 }, { token }), 50));
    return [five, fifty] as const;
  };

  it("reads 50 employees' learning hours and enrollments with as many statements as 5", async () => {
    const query = `query($n: Int!) { employees(first: $n) { edges { node { name
      learningHours(year: 2026) { completedHours requiredHours met }
      enrollments(year: 2026) { status activity { title participatingUnits { code } competencies { code } } }
    } } } }`;
    const [five, fifty] = await measure(query, r.adminToken, (data, n) => {
      expect(data.employees.edges).toHaveLength(n);
      if (n === 50) {
        expect(data.employees.edges.filter((e: any) => e.node.learningHours.completedHours > 0).length).toBeGreaterThan(5);
        expect(data.employees.edges.some((e: any) => e.node.enrollments.length > 0)).toBe(true);
      }
    });
    expect(fifty.competency).toBe(five.competency);
    expect(fifty.personnel).toBe(five.personnel);
    expect(fifty.competency).toBeLessThanOrEqual(6);
  });

  it('checks a unit head\'s right to 50 people with as many statements as for 5', async () => {
    const token = await r.token(r.head('DISDIKBUD'));
    const query = `query($n: Int!) { organizationUnit(code: "DISDIKBUD") { employees(first: $n, includeSubunits: true) { edges { node { name learningHours(year: 2026) { completedHours met } } } } } }`;
    const [five, fifty] = await measure(query, token, (data, n) => expect(data.organizationUnit.employees.edges).toHaveLength(n));
    expect(fifty.competency).toBe(five.competency);
    expect(fifty.personnel).toBe(five.personnel);
    expect(fifty.competency).toBe(1);
  });

  it('answers every unit\'s compliance and collaborations in a constant number of statements', async () => {
    const q = `{ organizationUnits { code learningCompliance(year: 2026) { employees metRequirement ratio } collaborations(year: 2026) { title participatingUnits { name } } } }`;
    const counts = await count(async () => {
      const d = await graphqlOk(r.graph.url, q, {}, { token: r.adminToken });
      expect(d.organizationUnits.length).toBeGreaterThan(70);
      expect(d.organizationUnits.find((u: any) => u.code === 'BAPPEDA').collaborations.length).toBeGreaterThanOrEqual(2);
    });
    expect(counts.competency).toBeLessThanOrEqual(3);
  });
});
