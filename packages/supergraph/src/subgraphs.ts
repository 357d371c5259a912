import type { SubgraphDefinition } from '@kinerja/gateway';
import { localSubgraphUrl, SUBGRAPH_CATALOG, subgraphEntry, SUBGRAPH_NAMES } from '@kinerja/subgraph-kit';

/** The subgraphs in the supergraph, in composition order: the kit's catalog (catalog.json). */
export const SUBGRAPHS: readonly string[] = SUBGRAPH_NAMES;

/** Each service's entry exports its declaration as `subgraph` (packages/subgraph-kit, defineSubgraph). */
interface ServiceModule {
  subgraph: { buildSchema(): Promise<{ sdl: string }> };
}

/** The URL recorded in the supergraph: localhost ports; deployments override with <NAME>_URL. */
export function defaultUrl(name: string): string {
  return localSubgraphUrl(name);
}

export async function loadSubgraph(name: string): Promise<SubgraphDefinition> {
  const entry = subgraphEntry(name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(entry.package) as ServiceModule;
  const { sdl } = await mod.subgraph.buildSchema();
  return { name, url: defaultUrl(name), sdl };
}

export async function loadAllSubgraphs(): Promise<SubgraphDefinition[]> {
  const out: SubgraphDefinition[] = [];
  for (const { name } of SUBGRAPH_CATALOG) out.push(await loadSubgraph(name));
  return out;
}
