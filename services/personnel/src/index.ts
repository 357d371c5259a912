import type { RunningService } from '@kinerja/subgraph-kit';
import { personnel } from './service';

/** The declaration (src/service.ts); createServer for tests, personnelService for packages/testing's startGraph. */
export const { createServer, graphService: personnelService } = personnel;
export { personnel as subgraph };
export type RunningPersonnel = RunningService;
export { seedPersonnel, seedRoles } from './seed';
export { parseNip, nipDisagreements, formatNip, normalizeNip, type Nip, type NipResult, type NipLayout } from './domain/nip';
export * from './domain/enums';
export { Role, GRANTED_ROLES, decideGrant, decideRevoke, type RoleChange } from './domain/roles';
