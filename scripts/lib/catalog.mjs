// The platform's services as the kit's catalog lists them (packages/subgraph-kit/src/catalog.json),
// read from the file so that scripts use it before `npm ci` or a build ran.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const catalog = JSON.parse(readFileSync(path.join(ROOT, 'packages', 'subgraph-kit', 'src', 'catalog.json'), 'utf8'));

/** The subgraphs in composition order: { name, port, database, package }. */
export const SUBGRAPHS = catalog.subgraphs;
export const SUBGRAPH_NAMES = SUBGRAPHS.map((s) => s.name);
export const GATEWAY = catalog.gateway;
export const IDENTITY = catalog.identity;
/** The variable a subgraph's URL is read from (the gateway, a sibling subgraph): PERSONNEL_URL. */
export const urlEnv = (name) => `${name.toUpperCase()}_URL`;
/** The subgraph's URL on this machine at its catalog port. */
export const localUrl = (name) => `http://127.0.0.1:${SUBGRAPHS.find((s) => s.name === name).port}/graphql`;
