// @vitest-environment node
import { ApolloClient, ApolloLink, gql, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { describe, expect, test } from 'vitest';
import { primePreloaded, setPreloaded } from './preload';

type Data = { me: { id: string; name: string; hours: { total: number; years: Array<{ year: number }> } } | null };
const QUERY: TypedDocumentNode<Data, { year: number }> = gql`
  query Screen($year: Int!) {
    me {
      id
      ...Hours
    }
  }
  fragment Hours on Employee {
    name
    hours(year: $year) {
      total
      years {
        year
      }
    }
  }
`;

const client = () => new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
const read = (c: ApolloClient) => c.cache.diff<Data>({ query: QUERY, variables: { year: 2026 }, returnPartialData: false, optimistic: false });
const answer = (typenames: boolean) => ({
  me: {
    id: 'e1', name: 'Citra', hours: { total: 24, years: [{ year: 2026, ...(typenames ? { __typename: 'Year' } : {}) }], ...(typenames ? { __typename: 'Hours' } : {}) },
    ...(typenames ? { __typename: 'Employee' } : {}),
  },
});

describe('primePreloaded: the answer the web server sent with the page', () => {
  test('a complete answer (with __typename, as scripts/preload.mjs asks) is in the cache before the first render', () => {
    const c = client();
    setPreloaded([{ operationName: 'Screen', variables: { year: 2026 }, data: answer(true) }]);
    primePreloaded(c, QUERY, { year: 2026 });
    expect(read(c).complete).toBe(true);
    expect(read(c).result?.me?.hours?.years).toEqual([{ year: 2026, __typename: 'Year' }]);
  });

  test('an answer the cache cannot read whole (fragments without __typename, a missing field) is left out: the screen asks the graph', () => {
    for (const data of [answer(false), { me: { id: 'e1', __typename: 'Employee', name: 'Citra', hours: { __typename: 'Hours', total: 24 } } }]) {
      const c = client();
      setPreloaded([{ operationName: 'Screen', variables: { year: 2026 }, data }]);
      primePreloaded(c, QUERY, { year: 2026 });
      expect(read(c).complete).toBe(false);
    }
  });

  test('an answer for other variables is not used', () => {
    const c = client();
    setPreloaded([{ operationName: 'Screen', variables: { year: 2025 }, data: answer(true) }]);
    primePreloaded(c, QUERY, { year: 2026 });
    expect(read(c).complete).toBe(false);
  });
});
