import { getNullableType, isInputObjectType, isNonNullType, type GraphQLInputField, type GraphQLInputType, type GraphQLNullableType } from 'graphql';
import { BAD, BAD_INPUT, withValue } from '../src/bad-input';
import { call, codes, leaksInternals, tokensFor } from '../src/callers';
import { buildFixture } from '../src/fixture';
import { startSeededGraph, type SeededGraph } from '../src/graph';
import type { Fixture, Relation } from '../src/matrix';
import { apiSchema } from '../src/schema';

const CONTRACT_CODES = ['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED'];
/** Counters a refused public call may move by design (rate limiting counts attempts). */
const COUNTERS = new Set(['rate_limit']);

const schema = apiSchema();
const mutationFields = schema.getMutationType()!.getFields();
/** Whether the argument at `path` (e.g. "i.title") is required: null is only malformed there. */
function required(doc: string, path: string): boolean {
  const [first, ...rest] = path.split('.') as [string, ...string[]];
  // Variables are named in the document; map the variable to its argument's type through the document's declaration.
  const decl = new RegExp(`\\$${first}: ([\\w!\\[\\]]+)`).exec(doc)?.[1] ?? '';
  if (rest.length === 0) return decl.endsWith('!');
  let type: GraphQLInputType | undefined = schema.getType(decl.replace(/[![\]]/g, '')) as GraphQLInputType;
  for (const [i, k] of rest.entries()) {
    const t: GraphQLNullableType | undefined = type ? getNullableType(type) : undefined;
    if (!isInputObjectType(t)) return false;
    const f: GraphQLInputField | undefined = t.getFields()[k];
    if (!f) return false;
    if (i === rest.length - 1) return isNonNullType(f.type);
    type = f.type;
  }
  return false;
}

let g: SeededGraph;
let tokens: Record<Relation, string | undefined>;
let fx: Fixture;
beforeAll(async () => {
  g = await startSeededGraph('sec-badinput');
  tokens = await tokensFor(g.cast);
  fx = await buildFixture(g, tokens);
}, 120_000);
afterAll(async () => g?.stop());

test('every mutation has bad-input rows', () => {
  const covered = new Set(BAD_INPUT.map((r) => r.op));
  const pending = ['auditTrail'];
  expect(Object.keys(mutationFields).filter((m) => !covered.has(m) && !pending.includes(m))).toEqual([]);
});

test('malformed inputs get a contract error, no 500, no internals, and write nothing', async () => {
  const failures: string[] = [];
  let sent = 0;
  const perOp: Record<string, number> = {};
  let before = await g.counts();
  for (const row of BAD_INPUT) {
    const base = row.base(fx);
    for (const [path, kind] of Object.entries(row.args)) {
      const baseValue = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], base);
      for (const value of BAD[kind](fx)) {
        const optional = !required(row.doc, path);
        // Null, or an empty/blank free text, in an optional argument means "not given" (services normalise it to null);
        // an empty id is still malformed.
        const freeText = kind === 'text' || kind === 'name' || kind === 'code';
        if (optional && (value === null || (freeText && typeof value === 'string' && value.trim() === ''))) continue;
        if (value === baseValue) continue;
        sent++;
        perOp[row.op] = (perOp[row.op] ?? 0) + 1;
        const vars = withValue(base, path, value);
        const r = await call(g.graph.url, row.doc, vars, tokens[row.as]);
        const body = JSON.stringify(r);
        const where = `${row.op} ${path}=${JSON.stringify(value)?.slice(0, 40)}`;
        const got = codes(r);
        if (r.status >= 500) failures.push(`${where}: HTTP ${r.status}`);
        if (!got.length) failures.push(`${where}: accepted ${body.slice(0, 160)}`);
        const odd = got.filter((c) => !CONTRACT_CODES.includes(c));
        if (odd.length) failures.push(`${where}: codes ${odd.join(',')} ${r.errors?.[0]?.message?.slice(0, 120)}`);
        const leak = leaksInternals(body);
        if (leak) failures.push(`${where}: leaks ${leak} ${body.slice(0, 200)}`);
        const after = await g.counts();
        for (const [db, tables] of Object.entries(after)) {
          for (const [t, n] of Object.entries(tables)) {
            if (!COUNTERS.has(t) && n !== before[db]?.[t]) failures.push(`${where}: ${db}.${t} ${before[db]?.[t]} → ${n}`);
          }
        }
        before = after;
      }
    }
  }
  console.info(`bad input: ${sent} malformed calls over ${Object.keys(perOp).length} mutations`);
  expect(failures).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(200);
}, 300_000);
