import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@kinerja/subgraph-kit';
import { resolveEmployeeReference, resolveOrganizationUnitReference } from './graphql/employee.reference';
import { AccessProfileResolver, EmployeeAccessResolver, UnitMembersResolver } from './graphql/access-profile.resolver';
import { ContractResolver } from './graphql/contract.resolver';
import { EmployeeResolver } from './graphql/employee.resolver';
import { EmployeeRoleResolver } from './graphql/role.resolver';
import { SupervisorCorrectionResolver } from './graphql/supervisor-correction.resolver';
import { OrganizationUnitResolver } from './graphql/organization-unit.resolver';
import { AUDIT_SOURCES, AuditTrailResolver, auditSdlFor, resolveAuditTrailReference } from './graphql/audit-trail.resolver';

export const SUBGRAPH_NAME = 'personnel';

const built = new Map<string, Promise<FederatedSchema>>();

/**
 * The personnel subgraph schema (built once per process and audit-source set; type-graphql metadata is global).
 * `auditSources`: the subgraphs present whose audit rows `AuditTrail.entries` merges (default: all).
 */
export function buildPersonnelSchema(auditSources: readonly string[] = AUDIT_SOURCES): Promise<FederatedSchema> {
  const key = AUDIT_SOURCES.filter((s) => auditSources.includes(s)).join(',');
  let schema = built.get(key);
  if (!schema) {
    schema = buildFederatedSchema({
      resolvers: [EmployeeResolver, ContractResolver, OrganizationUnitResolver, EmployeeAccessResolver, AccessProfileResolver, UnitMembersResolver, AuditTrailResolver, EmployeeRoleResolver, SupervisorCorrectionResolver],
      referenceResolvers: {
        Employee: resolveEmployeeReference, OrganizationUnit: resolveOrganizationUnitReference, AuditTrail: resolveAuditTrailReference,
      },
      transformSdl: auditSdlFor(auditSources),
    });
    built.set(key, schema);
  }
  return schema;
}

/** Every service's schema module exports buildSubgraph: the supergraph tooling loads them by name. */
export const buildSubgraph = (): Promise<FederatedSchema> => buildPersonnelSchema();
