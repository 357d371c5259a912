import { DEFAULT_PORTS, type SubgraphDefinition } from '@kinerja/gateway';

/** The subgraphs in the supergraph, in composition order. Add a service here when it joins the graph. */
export const SUBGRAPH_MODULES: Record<string, string> = {
  personnel: '@kinerja/personnel/schema',
  goals: '@kinerja/goals/schema',
  competency: '@kinerja/competency/schema',
  evaluation: '@kinerja/evaluation/schema',
  recognition: '@kinerja/recognition/schema',
};

interface SchemaModule {
  buildSubgraph(): Promise<{ sdl: string }>;
}

/** The URL recorded in the supergraph: localhost ports; deployments override with <NAME>_URL. */
export function defaultUrl(name: string): string {
  return `http://127.0.0.1:${DEFAULT_PORTS[name] ?? 4000}/graphql`;
}

export async function loadSubgraph(name: string): Promise<SubgraphDefinition> {
  const modulePath = SUBGRAPH_MODULES[name];
  if (!modulePath) throw new Error(`Unknown subgraph "${name}"; known: ${Object.keys(SUBGRAPH_MODULES).join(', ')}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(modulePath) as SchemaModule;
  const { sdl } = await mod.buildSubgraph();
  return { name, url: defaultUrl(name), sdl };
}

export async function loadAllSubgraphs(): Promise<SubgraphDefinition[]> {
  const out: SubgraphDefinition[] = [];
  for (const name of Object.keys(SUBGRAPH_MODULES)) out.push(await loadSubgraph(name));
  return out;
}
