import {
  getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isScalarType, Kind, parse, print, TypeInfo, visit, visitWithTypeInfo,
  type GraphQLInputType, type ValueNode,
} from 'graphql';
import { call, codes, tokensFor } from '../src/callers';
import { buildFixture } from '../src/fixture';
import { startSeededGraph, type SeededGraph } from '../src/graph';
import { MATRIX, RELATIONS, type Fixture, type Relation } from '../src/matrix';
import { apiSchema } from '../src/schema';

/**
 * Authorization comes before validation (CONTRACT.md, "Errors"; the kit's @Guard): a caller
 * without the right gets FORBIDDEN whatever the input, and learns nothing of the input rules.
 * Every mutation of the supergraph is called by every signed-in matrix column its row denies, with
 * every argument the schema lets through made invalid: each text too long and carrying a control
 * character, each number negative, and (where the right is ADMIN's alone, so no subject can grant
 * it) each id malformed. Ids that name the subject stay valid where the right depends on the
 * caller's relation to it, so the guard can look that relation up. Dates, enums and booleans are
 * kept: a malformed one is refused by GraphQL itself before any resolver runs.
 */

const schema = apiSchema();
const mutations = Object.keys(schema.getMutationType()!.getFields());
const SIGNED_IN = RELATIONS.filter((r) => !['noToken', 'expiredToken', 'wrongKey'].includes(r)) as Relation[];
const BAD_TEXT = `\u0007${'x'.repeat(6000)}`;
const BAD_ID = 'not-a-uuid';

/** The value made invalid for its input type, as far as the schema lets it through. */
function spoil(type: GraphQLInputType, value: unknown, ids: boolean): unknown {
  const t = getNullableType(type);
  if (value === null || value === undefined) return value;
  if (isListType(t)) return (value as unknown[]).map((v) => spoil(t.ofType, v, ids));
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fields[k] ? spoil(fields[k].type, v, ids) : v]));
  }
  if (isScalarType(t)) {
    if (t.name === 'String') return BAD_TEXT;
    if (t.name === 'ID') return ids ? BAD_ID : value;
    if (t.name === 'Int' || t.name === 'Float') return -1;
  }
  return value;
}

/** The same, for a literal written in the document. */
function spoilLiteral(type: GraphQLInputType | null | undefined, node: ValueNode, ids: boolean): ValueNode {
  if (!type) return node;
  const named = getNamedType(type);
  if (isEnumType(named) || !isScalarType(named)) return node;
  if (named.name === 'String' && node.kind === Kind.STRING) return { kind: Kind.STRING, value: BAD_TEXT };
  if (named.name === 'ID' && ids && node.kind === Kind.STRING) return { kind: Kind.STRING, value: BAD_ID };
  if ((named.name === 'Int' || named.name === 'Float') && (node.kind === Kind.INT || node.kind === Kind.FLOAT)) return { kind: Kind.INT, value: '-1' };
  return node;
}

function spoiled(doc: string, vars: Record<string, unknown>, ids: boolean): { doc: string; vars: Record<string, unknown> } {
  const ast = parse(doc);
  const info = new TypeInfo(schema);
  const varTypes: Record<string, GraphQLInputType> = {};
  const out = visit(ast, visitWithTypeInfo(info, {
    VariableDefinition(node) {
      const t = info.getInputType();
      if (t) varTypes[node.variable.name.value] = t;
    },
    StringValue(node) { return spoilLiteral(info.getInputType(), node, ids); },
    IntValue(node) { return spoilLiteral(info.getInputType(), node, ids); },
    FloatValue(node) { return spoilLiteral(info.getInputType(), node, ids); },
  }));
  const spoiledVars = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, varTypes[k] ? spoil(varTypes[k], v, ids) : v]));
  return { doc: print(out), vars: spoiledVars };
}

let g: SeededGraph;
let tokens: Record<Relation, string | undefined>;
let fx: Fixture;
beforeAll(async () => {
  g = await startSeededGraph('sec-authfirst');
  tokens = await tokensFor(g.cast);
  fx = await buildFixture(g, tokens);
}, 120_000);
afterAll(async () => g?.stop());

test('every mutation answers a caller without the right FORBIDDEN, whatever the input, and writes nothing', async () => {
  const failures: string[] = [];
  const covered = new Set<string>();
  const openToAll: string[] = [];
  let calls = 0;
  let before = await g.counts();
  for (const op of mutations) {
    const row = MATRIX.find((r) => r.op === `Mutation.${op}`);
    if (!row) {
      failures.push(`${op}: no row in the authorization matrix`);
      continue;
    }
    const denied = SIGNED_IN.filter((r) => !row.allow.includes(r));
    if (denied.length === 0) {
      openToAll.push(op);
      continue;
    }
    // An ADMIN-only right holds under no subject: then the ids may be as malformed as the rest.
    const adminOnly = row.allow.length === 1 && row.allow[0] === 'ADMIN';
    const { doc, vars } = spoiled(row.doc, row.vars?.(fx) ?? {}, adminOnly);
    for (const relation of denied) {
      calls++;
      const r = await call(g.graph.url, doc, vars, tokens[relation]);
      const got = codes(r);
      if (got.length !== 1 || got[0] !== 'FORBIDDEN') {
        failures.push(`${op} as ${relation}: ${got.join(',') || 'no error'} ${r.errors?.[0]?.message?.slice(0, 140) ?? JSON.stringify(r.data).slice(0, 140)}`);
      }
    }
    covered.add(op);
    const after = await g.counts();
    for (const [db, tables] of Object.entries(after)) {
      for (const [t, n] of Object.entries(tables)) {
        if (n !== before[db]?.[t]) failures.push(`${op}: ${db}.${t} ${before[db]?.[t]} → ${n}`);
      }
    }
    before = after;
  }
  console.info(`authorize first: ${calls} calls over ${covered.size} of ${mutations.length} mutations; open to every signed-in caller: ${openToAll.join(', ') || 'none'}`);
  expect(failures).toEqual([]);
  // Nobody lacks the right to two mutations: submitPublicFeedback (citizens call it without login) and
  // requestSupervisorCorrection (every employee may ask about their own supervisor, and only that).
  expect(openToAll.sort()).toEqual(['requestSupervisorCorrection', 'submitPublicFeedback']);
  expect(covered.size).toBe(mutations.length - 2);
}, 300_000);
