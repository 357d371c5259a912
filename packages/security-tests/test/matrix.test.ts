import { signIdentity } from '@kinerja/subgraph-kit';
import { graphqlOk, TEST_SHARED_SECRET } from '@kinerja/testing';
import { buildClientSchema, getIntrospectionQuery } from 'graphql';
import { call, codes, DENIAL_CODES, leaksInternals, tokensFor } from '../src/callers';
import { buildFixture } from '../src/fixture';
import { startSeededGraph, type SeededGraph } from '../src/graph';
import { MATRIX, PENDING, RELATIONS, type Fixture, type Relation, type Row } from '../src/matrix';
import { apiSchema, operationsNeedingRows } from '../src/schema';

let g: SeededGraph;
let tokens: Record<Relation, string | undefined>;
let fx: Fixture;
const schema = apiSchema();
const inSchema = new Set(operationsNeedingRows(schema));
const hasField = (op: string) => {
  const [type, field] = op.split('.') as [string, string];
  const t = schema.getType(type) as { getFields?: () => Record<string, unknown> } | undefined;
  return Boolean(t?.getFields?.()[field]);
};
/** Rows for operations a teammate is adding join the matrix once the supergraph has them. */
const ROWS: Row[] = [...MATRIX, ...PENDING.filter((r) => hasField(r.op))];

beforeAll(async () => {
  g = await startSeededGraph('sec-matrix');
  tokens = await tokensFor(g.cast);
  fx = await buildFixture(g, tokens);
}, 120_000);
afterAll(async () => g?.stop());

/** Every leaf occurrence of `field` in the response data. */
function valuesOf(data: unknown, field: string): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === field ? out.push(x) : walk(x));
  };
  walk(data);
  return out;
}

describe('authorization matrix', () => {
  test('every query, mutation and restricted field of the supergraph has a row, and every row an operation', async () => {
    const rows = new Set(ROWS.map((r) => r.op));
    const missing = [...inSchema].filter((op) => !rows.has(op));
    const stale = MATRIX.filter((r) => !hasField(r.op)).map((r) => r.op);
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    // The graph the services compose right now must not have more than the committed supergraph either.
    const live = await graphqlOk(g.graph.url, getIntrospectionQuery(), {}, { token: tokens.ADMIN });
    const liveMissing = operationsNeedingRows(buildClientSchema(live as never)).filter((op) => !rows.has(op));
    expect({ liveMissing }).toEqual({ liveMissing: [] });
    expect(new Set(MATRIX.map((r) => r.op)).size).toBe(MATRIX.length);
  });

  test('every cell holds through the gateway', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const row of ROWS) {
      const vars = row.vars?.(fx) ?? {};
      const allSecrets = (row.secrets?.(fx) ?? []).filter(Boolean);
      const field = row.op.split('.')[1]!;
      // Denied callers first, so an allowed caller's change never turns a refusal into NOT_FOUND.
      const order = [...RELATIONS].sort((a, b) => Number(row.allow.includes(a)) - Number(row.allow.includes(b)));
      for (const rel of order) {
        cells++;
        const r = await call(g.graph.url, row.doc, vars, tokens[rel]);
        const body = JSON.stringify(r);
        const got = codes(r);
        const where = `${row.op} × ${rel}`;
        // The peer's own feedback is theirs to read; everything else stays secret.
        const secrets = rel === 'peer' ? allSecrets.filter((x) => !fx.peerOwn.includes(x)) : allSecrets;
        if (r.status >= 500) failures.push(`${where}: HTTP ${r.status} ${body.slice(0, 200)}`);
        const leak = leaksInternals(body);
        if (leak) failures.push(`${where}: response leaks ${leak}`);
        if (row.allow.includes(rel)) {
          if (got.some((c) => DENIAL_CODES.includes(c))) failures.push(`${where}: allowed but got ${got.join(',')} ${r.errors?.[0]?.message}`);
          continue;
        }
        const refused = got.some((c) => DENIAL_CODES.includes(c));
        const leaked = secrets.filter((s) => body.includes(s));
        if (leaked.length) failures.push(`${where}: denied but the response holds restricted data ${leaked[0]}`);
        if (refused) continue;
        if (row.denyByHiding && r.data !== undefined) {
          const shown = secrets.length ? [] : valuesOf(r.data, field).filter((v) => v !== null && !(Array.isArray(v) && v.length === 0));
          if (shown.length || got.length) failures.push(`${where}: denied but shown ${JSON.stringify(shown).slice(0, 120)} ${got.join(',')}`);
          continue;
        }
        failures.push(`${where}: denied but got ${got.join(',') || 'no error'} ${body.slice(0, 160)}`);
      }
    }
    console.info(`authorization matrix: ${ROWS.length} rows × ${RELATIONS.length} relations = ${cells} cells`);
    expect(failures).toEqual([]);
    expect(cells).toBe(ROWS.length * RELATIONS.length);
  }, 240_000);

  test('every subgraph refuses a direct call without, with an expired or with a forged identity', async () => {
    const query = '{ _entities(representations: [{ __typename: "Employee", id: "00000000-0000-0000-0000-000000000000" }]) { __typename } }';
    const identity = { employeeId: g.cast.admin.id, roles: ['ADMIN' as const] };
    const headers: Record<string, Record<string, string>> = {
      none: {},
      expired: { 'x-kinerja-identity': signIdentity(identity, TEST_SHARED_SECRET, -30) },
      forged: { 'x-kinerja-identity': signIdentity(identity, 'not-the-gateway-secret') },
    };
    const refused: string[] = [];
    for (const [name, svc] of Object.entries(g.graph.services)) {
      for (const [kind, h] of Object.entries(headers)) {
        const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify({ query }) });
        const body = await res.text();
        const ok = res.status !== 200 || /UNAUTHENTICATED|FORBIDDEN/.test(body);
        if (!ok || body.includes('"_entities":[')) refused.push(`${name} accepted a call with ${kind} identity: ${res.status} ${body.slice(0, 120)}`);
        expect(res.status).toBeLessThan(500);
      }
      expect(new URL(svc.url).hostname).toBe('127.0.0.1');
    }
    expect(refused).toEqual([]);
  });
});
