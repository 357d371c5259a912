import { composeSupergraph, CompositionError } from '@kinerja/gateway';
import { checkedInSupergraph, currentSupergraph, loadAllSubgraphs } from '../src';

describe('the checked-in supergraph', () => {
  it('is what composing every subgraph gives now (run `npm run supergraph` when this fails)', async () => {
    expect(checkedInSupergraph()).toBe(await currentSupergraph());
  });

  it('refuses a subgraph that breaks composition, with Apollo\'s error', async () => {
    const subgraphs = await loadAllSubgraphs();
    const broken = {
      name: 'broken',
      url: 'http://127.0.0.1:1/graphql',
      // Employee.id as String conflicts with personnel's ID!.
      sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
            type Employee @key(fields: "id") { id: String! }
            type Query { broken: Int }`,
    };
    expect(() => composeSupergraph([...subgraphs, broken])).toThrow(CompositionError);
  });
});
