import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from '@kinerja/gateway';
import { loadAllSubgraphs } from './subgraphs';

export * from './subgraphs';
export * from './check';

export const SUPERGRAPH_FILE = join(__dirname, '..', '..', '..', 'infra', 'supergraph', 'supergraph.graphql');

const HEADER = '# Composed by `npm run supergraph` from every subgraph\'s SDL; do not edit. CI fails when it is stale.\n';

/** The supergraph as composition makes it now, with the file header. */
export async function currentSupergraph(): Promise<string> {
  return HEADER + composeSupergraph(await loadAllSubgraphs()) + '\n';
}

export function checkedInSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}
