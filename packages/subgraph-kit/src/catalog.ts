import catalog from './catalog.json';

/**
 * The platform's services, listed once (ARCHITECTURE.md, "Running it"). The data is catalog.json so
 * that scripts (scripts/start.mjs, bench/, infra/postgres) read it before anything is built; this
 * module is its typed face. Adding a subgraph: a row in catalog.json and the new service.
 */
export interface SubgraphEntry {
  /** The subgraph's name in the supergraph, its logs and its audit rows. */
  name: string;
  /** Local development port (`npm start`, the composed supergraph's URLs, deployment files). */
  port: number;
  /** Its own PostgreSQL database (ARCHITECTURE.md: no service reads another's tables). */
  database: string;
  /** The workspace package; `<package>/schema` exports buildSubgraph for the supergraph tooling. */
  package: string;
  /** `<package>/schema`. */
  schemaModule: string;
  /** The variable a caller (the gateway, a sibling subgraph) reads its URL from: PERSONNEL_URL. */
  urlEnv: string;
}

export interface ServiceEntry {
  name: string;
  port: number;
  package: string;
  database?: string;
}

export const SUBGRAPH_CATALOG: readonly SubgraphEntry[] = catalog.subgraphs.map((s) => ({
  ...s, schemaModule: `${s.package}/schema`, urlEnv: `${s.name.toUpperCase()}_URL`,
}));

/** The subgraph names in composition order (personnel first: the others ask it). */
export const SUBGRAPH_NAMES: readonly string[] = SUBGRAPH_CATALOG.map((s) => s.name);

export const GATEWAY_SERVICE: ServiceEntry = catalog.gateway;
/** The OpenID Provider for regencies without one (ARCHITECTURE.md, "Trust and identity"). */
export const IDENTITY_SERVICE: ServiceEntry = catalog.identity;

export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPH_CATALOG.find((s) => s.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}"; the catalog has: ${SUBGRAPH_NAMES.join(', ')}`);
  return entry;
}

/** The subgraph's URL on this machine (development defaults, the checked-in supergraph). */
export function localSubgraphUrl(name: string, host = '127.0.0.1'): string {
  return `http://${host}:${subgraphEntry(name).port}/graphql`;
}
