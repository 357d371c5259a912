import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@kinerja/subgraph-kit';
import { resolveEmployeeReference, resolveOrganizationUnitReference } from './graphql/employee.reference';
import { EmployeeAccessResolver, UnitMembersResolver } from './graphql/access-profile.resolver';
import { EmployeeResolver } from './graphql/employee.resolver';
import { OrganizationUnitResolver } from './graphql/organization-unit.resolver';

export const SUBGRAPH_NAME = 'personnel';

let built: Promise<FederatedSchema> | undefined;

/** The personnel subgraph schema (built once per process; type-graphql metadata is global). */
export function buildPersonnelSchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema({
    resolvers: [EmployeeResolver, OrganizationUnitResolver, EmployeeAccessResolver, UnitMembersResolver],
    referenceResolvers: { Employee: resolveEmployeeReference, OrganizationUnit: resolveOrganizationUnitReference },
  });
  return built;
}

/** Every service's schema module exports buildSubgraph: the supergraph tooling loads them by name. */
export const buildSubgraph = buildPersonnelSchema;
