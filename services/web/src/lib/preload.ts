import { InMemoryCache, type ApolloClient, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import type { Preloaded } from '../config';

/**
 * The first screen's data, already asked for by the web server with the page (server/serve.mjs,
 * scripts/preload.mjs): written into Apollo's cache once, so the screen renders without waiting for
 * a round trip; its query then refreshes it in the background (cache-and-network).
 */
let pending: Preloaded[] = [];

export function setPreloaded(preload: Preloaded[]) {
  pending = [...preload];
}

function operationName(document: TypedDocumentNode<unknown, OperationVariables>): string | undefined {
  for (const d of document.definitions) if (d.kind === 'OperationDefinition') return d.name?.value;
  return undefined;
}

const sameVariables = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** `from`: the answers to take it from (each used once); this page's boot data unless given. */
export function primePreloaded<TData, TVariables extends OperationVariables>(
  client: ApolloClient, document: TypedDocumentNode<TData, TVariables>, variables: TVariables, from: Preloaded[] = pending,
): void {
  const name = operationName(document as TypedDocumentNode<unknown, OperationVariables>);
  const i = from.findIndex((p) => p.operationName === name && sameVariables(p.variables, variables));
  const hit = i < 0 ? undefined : from.splice(i, 1)[0];
  if (hit && completeAnswer(document, variables, hit.data)) client.writeQuery({ query: document, variables, data: hit.data as TData });
}

/**
 * Every object below the root names its type, as Apollo's own queries do (scripts/preload.mjs adds
 * `__typename` to the server's query): without it the cache cannot match a fragment's type, drops
 * the fragment's fields on write and then reads the object as complete without them.
 */
function typed(value: unknown, root = false): boolean {
  if (Array.isArray(value)) return value.every((v) => typed(v));
  if (!value || typeof value !== 'object') return true;
  const o = value as Record<string, unknown>;
  if (!root && typeof o.__typename !== 'string') return false;
  return Object.values(o).every((v) => typed(v));
}

/**
 * Whether the preloaded answer holds everything the screen's query reads, tried in a scratch cache
 * first: a half answer written into the app's cache would render as if complete (a list that is
 * not there), where no answer just means the query asks the graph itself.
 */
function completeAnswer<TData, TVariables extends OperationVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, data: unknown): boolean {
  if (!typed(data, true)) return false;
  try {
    const scratch = new InMemoryCache();
    scratch.writeQuery({ query: document, variables, data: data as TData });
    return scratch.diff({ query: document, variables, returnPartialData: false, optimistic: false }).complete;
  } catch {
    return false;
  }
}
