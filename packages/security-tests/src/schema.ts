import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';

export const SUPERGRAPH_FILE = join(__dirname, '../../../infra/supergraph/supergraph.graphql');

/** The API schema clients see (join directives and internal types removed). */
export function apiSchema(sdl = readFileSync(SUPERGRAPH_FILE, 'utf8')): GraphQLSchema {
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}

/** Types whose every reading is restricted data (reward decisions, sanctions, feedback). */
export const RESTRICTED_TYPES = ['RewardDecision', 'Sanction', 'Feedback', 'ImprovementPlan', 'MonthlyAllowance'];
/** Restricted scalar fields and fields inside restricted types that need their own row. */
export const RESTRICTED_FIELDS = ['Employee.birthDate', 'Employee.contract', 'Employee.contracts', 'Feedback.author', 'Feedback.comment'];

/** Every `Query.x` and `Mutation.x`, and every field that hands out restricted data from an unrestricted parent. */
export function operationsNeedingRows(schema: GraphQLSchema): string[] {
  const out = new Set<string>();
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (root) for (const f of Object.keys(root.getFields())) out.add(`${root.name}.${f}`);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query' || type.name === 'Mutation') continue;
    if (RESTRICTED_TYPES.includes(type.name)) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (RESTRICTED_TYPES.includes(getNamedType(field.type).name)) out.add(`${type.name}.${name}`);
    }
  }
  for (const f of RESTRICTED_FIELDS) out.add(f);
  return [...out].sort();
}
