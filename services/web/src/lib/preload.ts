import type { ApolloClient, OperationVariables, TypedDocumentNode } from '@apollo/client';
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

export function primePreloaded<TData, TVariables extends OperationVariables>(
  client: ApolloClient, document: TypedDocumentNode<TData, TVariables>, variables: TVariables,
): void {
  const name = operationName(document as TypedDocumentNode<unknown, OperationVariables>);
  const i = pending.findIndex((p) => p.operationName === name && sameVariables(p.variables, variables));
  const hit = i < 0 ? undefined : pending.splice(i, 1)[0];
  if (hit) client.writeQuery({ query: document, variables, data: hit.data as TData });
}
