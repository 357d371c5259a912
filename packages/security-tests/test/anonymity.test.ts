import { signIdentity } from '@kinerja/subgraph-kit';
import { graphql, graphqlOk, makeToken, TEST_SHARED_SECRET } from '@kinerja/testing';
import { startSeededGraph, type SeededGraph } from '../src/graph';

// CONTRACT.md: an employee never sees who wrote PEER, SUBORDINATE or PUBLIC feedback about them.
// The evaluated employee here is a supervisor (PENGAWAS) so all three anonymous sources apply.
let g: SeededGraph;
let evaluated: { id: string; nip: string };
let evaluationIds: string[];
let hidden: string[];
let evalToken: string;
const FEEDBACK = 'feedback { id source score comment author { id nip name } }';

beforeAll(async () => {
  g = await startSeededGraph('sec-anonymity');
  const { cast, graph } = g;
  const sup = cast.directSupervisor;
  evaluated = { id: sup.id, nip: sup.nip };
  evalToken = await makeToken({ sub: sup.id });
  const q = (sql: string, p: unknown[]) => graph.services.evaluation!.dataSource.query(sql, p) as Promise<any[]>;
  const draft = (await q("SELECT id FROM evaluation WHERE employee_id = $1 AND status = 'DRAFT'", [sup.id]))[0].id as string;
  // One of each anonymous source, written now through the gateway.
  await graphqlOk(graph.url, 'mutation($id: ID!) { giveFeedback(evaluationId: $id, input: { source: SUBORDINATE, coreValue: LOYAL, score: 2, comment: "Dari bawahan" }) { id } }', { id: draft }, { token: await makeToken({ sub: cast.target.id }) });
  await graphqlOk(graph.url, 'mutation($id: ID!) { giveFeedback(evaluationId: $id, input: { source: PEER, coreValue: LOYAL, score: 3, comment: "Dari rekan" }) { id } }', { id: draft }, { token: await makeToken({ sub: cast.indirectSupervisor.id === sup.id ? cast.unitHead.id : otherPengawas(g) }) });
  await graphqlOk(graph.url, 'mutation($n: String) { submitPublicFeedback(input: { employeeNip: $n, coreValue: BERORIENTASI_PELAYANAN, score: 5, comment: "Dari warga" }) }', { n: sup.nip });
  evaluationIds = (await q('SELECT id FROM evaluation WHERE employee_id = $1', [sup.id])).map((r) => r.id as string);
  const authors = await q("SELECT DISTINCT author_id::text AS a FROM feedback WHERE employee_id = $1 AND source IN ('PEER','SUBORDINATE') AND author_id IS NOT NULL", [sup.id]);
  hidden = authors.map((r) => r.a as string);
  const nips = hidden.map((id) => g.cast.regency.employeeById.get(id)?.nip).filter((x): x is string => Boolean(x));
  hidden.push(...nips);
  expect(authors.length).toBeGreaterThanOrEqual(2);
}, 120_000);
afterAll(async () => g?.stop());

/** A PENGAWAS of the same unit as the evaluated one: a PEER. */
function otherPengawas(s: SeededGraph): string {
  const sup = s.cast.directSupervisor;
  return s.cast.regency.employees.find((e) => e.unitId === sup.unitId && e.positionKind === sup.positionKind && e.id !== sup.id && e.status === 'ACTIVE')!.id;
}

function expectAnonymous(body: unknown, path: string) {
  const text = JSON.stringify(body);
  const leaked = hidden.filter((h) => text.includes(h));
  expect({ path, leaked }).toEqual({ path, leaked: [] });
  const anonymousWithAuthor: unknown[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (['PEER', 'SUBORDINATE', 'PUBLIC'].includes(o.source as string) && o.author !== null && o.author !== undefined) anonymousWithAuthor.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(body);
  expect({ path, anonymousWithAuthor }).toEqual({ path, anonymousWithAuthor: [] });
}

test('the evaluated employee sees anonymous feedback without authors through every gateway path', async () => {
  const url = g.graph.url;
  const opts = { token: evalToken };
  const paths: Array<[string, string, Record<string, unknown>]> = [
    ['evaluation(id)', `query($id: ID!) { evaluation(id: $id) { ${FEEDBACK} } }`, { id: evaluationIds[0] }],
    ['evaluation(id) 2', `query($id: ID!) { evaluation(id: $id) { ${FEEDBACK} } }`, { id: evaluationIds[1] }],
    ['me.evaluations', `{ me { evaluations { ${FEEDBACK} } latestEvaluation { ${FEEDBACK} } } }`, {}],
    ['employee(id).evaluations', `query($id: ID) { employee(id: $id) { evaluations { ${FEEDBACK} } latestEvaluation { ${FEEDBACK} } } }`, { id: evaluated.id }],
    ['employee(nip).evaluations', `query($n: String) { employee(nip: $n) { evaluations { ${FEEDBACK} } } }`, { n: evaluated.nip }],
    ['decision → evaluation', `query($id: ID) { employee(id: $id) { rewardDecisions { evaluation { ${FEEDBACK} } } } }`, { id: evaluated.id }],
  ];
  let seen = 0;
  for (const [path, doc, vars] of paths) {
    const r = await graphql(url, doc, vars, opts);
    expectAnonymous(r, path);
    seen += (JSON.stringify(r).match(/"source":"(PEER|SUBORDINATE|PUBLIC)"/g) ?? []).length;
  }
  expect(seen).toBeGreaterThan(0); // the feedback itself is visible, only its authors are not
});

test('clients cannot send _entities through the gateway', async () => {
  const r = await graphql(g.graph.url, 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [{ __typename: 'Evaluation', id: evaluationIds[0] }] }, { token: evalToken });
  expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expectAnonymous(r, 'gateway _entities');
});

test('a raw _entities call to the evaluation subgraph with the evaluated employee\'s signed identity shows no author', async () => {
  const svc = g.graph.services.evaluation!;
  const identity = signIdentity({ employeeId: evaluated.id, roles: ['EMPLOYEE'] }, TEST_SHARED_SECRET);
  const post = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kinerja-identity': identity }, body: JSON.stringify({ query, variables }) });
    expect(res.status).toBeLessThan(500);
    return res.json();
  };
  const FB = 'feedback { id source author { id } }';
  const byEvaluation = await post(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Evaluation { id ${FB} } } }`, {
    r: evaluationIds.map((id) => ({ __typename: 'Evaluation', id })),
  });
  expect(JSON.stringify(byEvaluation)).toContain('"source":"PEER"');
  expectAnonymous(byEvaluation, '_entities Evaluation');
  const byEmployee = await post(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id evaluations { ${FB} } latestEvaluation { ${FB} } } } }`, {
    r: [{ __typename: 'Employee', id: evaluated.id }],
  });
  expect(JSON.stringify(byEmployee)).toContain('"source":');
  expectAnonymous(byEmployee, '_entities Employee');
});
