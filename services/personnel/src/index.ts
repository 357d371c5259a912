import type { RunningService, SubgraphOptions } from '@kinerja/subgraph-kit';
import { personnel, type PersonnelExtraOptions } from './service';

export { personnel as subgraph };
export type PersonnelOptions = SubgraphOptions & PersonnelExtraOptions;
export type RunningPersonnel = RunningService;
export const createServer = personnel.createServer;
export const personnelService = personnel.graphService;
export { seedPersonnel, seedRoles } from './seed';
export { parseNip, nipDisagreements, formatNip, normalizeNip, type Nip, type NipResult, type NipLayout } from './domain/nip';
export * from './domain/enums';
export { Role, GRANTED_ROLES, decideGrant, decideRevoke, type RoleChange } from './domain/roles';
