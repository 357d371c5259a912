export { createServer, createPersonnelDataSource, entities, migrations, type PersonnelOptions, type RunningPersonnel } from './server';
export { buildPersonnelSchema, SUBGRAPH_NAME } from './schema';
export { parseNip, nipDisagreements, formatNip, type Nip, type NipResult } from './domain/nip';
export * from './domain/enums';

/** How tests and tooling start this subgraph (packages/testing's startGraph). */
export const personnelService = {
  name: 'personnel',
  start: (o: { databaseUrl: string; sharedSecret: string; log?: import('@kinerja/subgraph-kit').Logger; kafka?: { brokers: string; topicPrefix: string }; subgraphs?: string[] }) =>
    createServerFn({ databaseUrl: o.databaseUrl, sharedSecret: o.sharedSecret, ...(o.log ? { log: o.log } : {}), ...(o.kafka ? { kafka: o.kafka } : {}),
      ...(o.subgraphs ? { auditSources: o.subgraphs } : {}) }),
};
import { createServer as createServerFn } from './server';
export { Role, GRANTED_ROLES, decideGrant, decideRevoke, type RoleChange } from './domain/roles';
