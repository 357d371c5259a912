import { randomUUID } from 'node:crypto';
import { signIdentity, type Identity } from '@kinerja/subgraph-kit';
import { graphql, TEST_SHARED_SECRET, type GraphQLResponse } from '@kinerja/testing';

export const ADMIN_ID = randomUUID();

/** Asks a subgraph directly, as the gateway would, with a signed identity (for `_entities`). */
export function asGateway<T = Record<string, any>>(subgraphUrl: string, identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return graphql<T>(subgraphUrl, query, variables, { headers: { 'x-kinerja-identity': signIdentity(identity, TEST_SHARED_SECRET) } });
}
