import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Limits on what one operation may ask, so a single request cannot exhaust the subgraphs. */
export interface QueryLimits {
  /** Deepest nesting of fields (fragments unfolded). */
  maxDepth: number;
  /** Estimated cost: every field costs 1, multiplied by the page sizes (`first`) of the lists above it. */
  maxCost: number;
  /** Fields in one operation at most (aliases count), against alias flooding. */
  maxFields: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 50_000, maxFields: 500 };

/** Page size a list field will return at most, from its `first` argument (default 50, as the contract's). */
function multiplier(field: FieldNode, variables: Record<string, unknown>): number {
  const first = field.arguments?.find((a) => a.name.value === 'first');
  if (!first) return 1;
  if (first.value.kind === Kind.INT) return Math.max(1, Number(first.value.value));
  if (first.value.kind === Kind.VARIABLE) {
    const v = variables[first.value.name.value];
    return typeof v === 'number' && v > 0 ? v : 50;
  }
  return 50;
}

interface Measure {
  depth: number;
  cost: number;
  fields: number;
}

function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): Measure {
  let depth = 0;
  let cost = 0;
  let fields = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      fields += 1;
      if (s.name.value.startsWith('__')) continue;
      const inner = s.selectionSet ? measure(s.selectionSet, fragments, variables, seen) : { depth: 0, cost: 0, fields: 0 };
      depth = Math.max(depth, inner.depth + 1);
      cost += 1 + multiplier(s, variables) * inner.cost;
      fields += inner.fields;
    } else {
      let inner: Measure = { depth: 0, cost: 0, fields: 0 };
      if (s.kind === Kind.INLINE_FRAGMENT) inner = measure(s.selectionSet, fragments, variables, seen);
      else if (!seen.has(s.name.value) && fragments[s.name.value]) {
        // A fragment spread cycle is reported by graphql's own rule; stop unfolding here.
        inner = measure((fragments[s.name.value] as FragmentDefinitionNode).selectionSet, fragments, variables, new Set([...seen, s.name.value]));
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      fields += inner.fields;
    }
  }
  return { depth, cost, fields };
}

/** The first limit an operation breaks, as a GraphQL error naming it; null when within limits. */
export function checkLimits(document: DocumentNode, variables: Record<string, unknown>, limits: QueryLimits, operationName?: string | null): GraphQLError | null {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && d.name?.value !== operationName) continue;
    const m = measure(d.selectionSet, fragments, variables, new Set());
    const name = d.name?.value ?? 'The operation';
    const error = (message: string, limit: string, value: number, max: number) =>
      new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, value, max, http: { status: 400 } } });
    if (m.depth > limits.maxDepth) return error(`${name} is ${m.depth} levels deep; the limit is ${limits.maxDepth}`, 'depth', m.depth, limits.maxDepth);
    if (m.fields > limits.maxFields) return error(`${name} asks for ${m.fields} fields; the limit is ${limits.maxFields}`, 'fields', m.fields, limits.maxFields);
    if (m.cost > limits.maxCost) {
      return error(`${name} has an estimated cost of ${m.cost} (fields × page sizes); the limit is ${limits.maxCost}. Ask for smaller pages.`, 'cost', m.cost, limits.maxCost);
    }
  }
  return null;
}

/** Refuses operations past the limits before any subgraph is called. */
export function queryLimitsPlugin<T extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const error = checkLimits(document, request.variables ?? {}, limits, request.operationName);
          if (error) throw error;
        },
      };
    },
  };
}
