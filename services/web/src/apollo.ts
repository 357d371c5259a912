import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import type { RuntimeConfig } from './config';
import { accessToken, sessionExpired } from './auth/session';

/**
 * The graph over POST with `apollo-require-preflight` (the gateway's CSRF prevention refuses
 * simple requests); the access token from memory on every request.
 */
export function createApolloClient(config: RuntimeConfig) {
  const auth = new SetContextLink((prev) => {
    const token = accessToken();
    return { headers: { ...(prev.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const expired = new ErrorLink(({ error }) => {
    const unauthenticated = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthenticated) void sessionExpired(config);
  });
  const http = new HttpLink({ uri: config.graphqlUrl, headers: { 'apollo-require-preflight': 'true' } });
  return new ApolloClient({
    link: ApolloLink.from([expired, auth, http]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
