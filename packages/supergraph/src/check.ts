import { printSchema, Supergraph } from '@apollo/federation-internals';
import { composeSupergraph, type SubgraphDefinition } from '@kinerja/gateway';
import { loadSubgraph, SUBGRAPHS } from './subgraphs';

/**
 * The subgraphs as deployed: extracted from a supergraph (the checked-in file the gateway runs),
 * so `check <service>` answers "can this service ship ALONE, against what the others run now?".
 */
export function deployedSubgraphs(supergraphSdl: string): SubgraphDefinition[] {
  return [...Supergraph.build(supergraphSdl).subgraphs()].map((s) => ({ name: s.name, url: s.url, sdl: printSchema(s.schema) }));
}

export interface ServiceCheck {
  service: string;
  /** The other subgraphs it was composed with. */
  others: string[];
  /** The composed supergraph SDL. */
  supergraph: string;
}

/**
 * Composes `sdl` as subgraph `service` together with `others` (any entry of the same name is
 * replaced). Throws the gateway's CompositionError, whose message lists Apollo's composition errors.
 */
export function composeWithService(service: string, sdl: string, others: SubgraphDefinition[]): ServiceCheck {
  const rest = others.filter((s) => s.name !== service);
  const own = others.find((s) => s.name === service);
  const url = own?.url ?? `http://127.0.0.1/${service}/graphql`;
  const supergraph = composeSupergraph([...rest, { name: service, url, sdl }]);
  return { service, others: rest.map((s) => s.name), supergraph };
}

/** `check <service>`: the service's CURRENT SDL (built from its dist) with the deployed others. */
export async function checkService(service: string, deployed: SubgraphDefinition[]): Promise<ServiceCheck> {
  if (!SUBGRAPHS.includes(service)) throw new Error(`Unknown subgraph "${service}"; known: ${SUBGRAPHS.join(', ')}`);
  const current = await loadSubgraph(service);
  return composeWithService(service, current.sdl, deployed.map((s) => (s.name === service ? { ...s, url: current.url } : s)));
}
