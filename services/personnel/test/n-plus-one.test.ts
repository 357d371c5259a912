import { generateRegency } from '@kinerja/demo-regency';
import { graphqlOk, startGraph, type TestGraph } from '@kinerja/testing';
import { personnelService } from '../src';
import { seedPersonnel } from '../src/seed';
import { ADMIN_ID } from './helpers';

describe('the N+1 guard', () => {
  let graph: TestGraph;
  let token: string;

  beforeAll(async () => {
    graph = await startGraph([personnelService], 'nplus1');
    await seedPersonnel(graph.services.personnel!.dataSource, generateRegency({ employees: 400 }));
    token = await graph.token(ADMIN_ID, ['ADMIN']);
  });
  afterAll(() => graph?.stop());

  const query = `query($first: Int!) {
    employees(first: $first) { totalCount edges { node { name birthDate unit { name parent { name } head { name } } supervisor { name unit { code } supervisor { name } } subordinates { name } } } }
  }`;

  it('resolves employees\' unit and supervisor with the same number of statements for 5 and for 50', async () => {
    await graphqlOk(graph.url, query, { first: 5 }, { token }); // warm the query plan
    const five = await graph.countSql(async () => {
      const d = await graphqlOk(graph.url, query, { first: 5 }, { token });
      expect(d.employees.edges).toHaveLength(5);
    });
    const fifty = await graph.countSql(async () => {
      const d = await graphqlOk(graph.url, query, { first: 50 }, { token });
      expect(d.employees.edges).toHaveLength(50);
      expect(d.employees.edges.filter((e: any) => e.node.supervisor).length).toBeGreaterThan(40);
    });
    expect(fifty.personnel).toBe(five.personnel);
    expect(fifty.personnel).toBeLessThanOrEqual(8);
  });

  it('lists the whole unit tree with each unit\'s first employees in a constant number of statements', async () => {
    const q = `{ organizationUnits { code head { name } employees(first: 3) { totalCount edges { node { name supervisor { name } } } } } }`;
    const counts = await graph.countSql(async () => {
      const d = await graphqlOk(graph.url, q, {}, { token });
      expect(d.organizationUnits.length).toBeGreaterThan(70);
      expect(d.organizationUnits.every((u: any) => u.employees.totalCount >= 1)).toBe(true);
    });
    expect(counts.personnel).toBeLessThanOrEqual(6);
  });
});
