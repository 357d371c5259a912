import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import type { Boot } from './config';
import { sessionExpired } from './auth/session';

/**
 * The graph over POST with `apollo-require-preflight` (the gateway's CSRF prevention refuses
 * simple requests) to this origin's /graphql, where the web server adds the session's access token;
 * the browser sends only its session cookie.
 */
export function createApolloClient(boot: Pick<Boot, 'graphqlUrl'>) {
  const expired = new ErrorLink(({ error }) => {
    const unauthenticated = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthenticated) sessionExpired();
  });
  const http = new HttpLink({ uri: boot.graphqlUrl, credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } });
  return new ApolloClient({
    link: ApolloLink.from([expired, http]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
