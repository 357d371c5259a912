// publicUnit through the gateway: the citizen feedback page (WEB.md) shows a unit's name with no sign-in.
import { generateRegency } from '@kinerja/demo-regency';
import { graphql, startGraph, type TestGraph } from '@kinerja/testing';
import { personnelService } from '../src';
import { seedPersonnel } from '../src/seed';

describe('publicUnit: a unit\'s public name for citizens', () => {
  let graph: TestGraph;
  const regency = generateRegency({ employees: 120 });
  const dinkes = regency.unitByCode.get('DINKES')!;

  beforeAll(async () => {
    graph = await startGraph([personnelService], 'public_unit');
    await seedPersonnel(graph.services.personnel!.dataSource, regency);
  });
  afterAll(() => graph?.stop());

  it('answers a caller without any token with the unit\'s code, name and kind', async () => {
    const r = await graphql(graph.url, 'query($c: String!) { publicUnit(code: $c) { code name kind } }', { c: 'DINKES' });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ publicUnit: { code: 'DINKES', name: dinkes.name, kind: dinkes.kind } });
  });

  it('gives nothing but name and kind: no id, head or staff can be asked for', async () => {
    for (const field of ['id', 'head { name }', 'employees { totalCount }', 'parent { code }']) {
      const r = await graphql(graph.url, `{ publicUnit(code: "DINKES") { ${field} } }`);
      expect([field, r.errors?.[0]?.extensions?.code]).toEqual([field, 'GRAPHQL_VALIDATION_FAILED']);
    }
  });

  it('answers null for a code that names no unit, and refuses an over-long code naming the field', async () => {
    const missing = await graphql(graph.url, '{ publicUnit(code: "TIDAK-ADA") { name } }');
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ publicUnit: null });
    const long = await graphql(graph.url, 'query($c: String!) { publicUnit(code: $c) { name } }', { c: 'X'.repeat(40) });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toMatch(/^code: /);
  });

  it('the same signed in: the organizationUnit query stays for signed-in callers only', async () => {
    const anonymous = await graphql(graph.url, '{ organizationUnit(code: "DINKES") { name } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const token = await graph.token(regency.admin.id);
    const signedIn = await graphql(graph.url, '{ publicUnit(code: "DINKES") { name } }', {}, { token });
    expect(signedIn.data).toEqual({ publicUnit: { name: dinkes.name } });
  });
});
