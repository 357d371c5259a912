import { generateRegency } from '@kinerja/demo-regency';
import { buildFederatedSchema, defineSubgraph, outboxMigration, seedEmployees, sharedMigrations, type FederatedSchema } from '@kinerja/subgraph-kit';
import { EmployeeRow } from './entities/employee';
import { OrganizationUnitRow } from './entities/organization-unit';
import { WorkContractRow } from './entities/work-contract';
import { EmployeeRoleRow } from './entities/employee-role';
import { SupervisorCorrectionRow } from './entities/supervisor-correction-request';
import { resolveEmployeeReference, resolveOrganizationUnitReference } from './graphql/employee.reference';
import { AccessProfileResolver, EmployeeAccessResolver, UnitMembersResolver } from './graphql/access-profile.resolver';
import { ContractResolver } from './graphql/contract.resolver';
import { EmployeeResolver } from './graphql/employee.resolver';
import { EmployeeRoleResolver } from './graphql/role.resolver';
import { OrganizationUnitResolver } from './graphql/organization-unit.resolver';
import { SupervisorCorrectionResolver } from './graphql/supervisor-correction.resolver';
import { AUDIT_SOURCES, AuditTrailResolver, auditSdlFor, resolveAuditTrailReference } from './graphql/audit-trail.resolver';
import { PersonnelInitial1764201600000 } from './migrations/1764201600000-personnel-initial';
import { PersonnelNameSearch1765000000000 } from './migrations/1765000000000-personnel-name-search';
import { PersonnelPppkContracts1765214000000 } from './migrations/1765214000000-personnel-pppk-contracts';
import { PersonnelRoles1765300000000 } from './migrations/1765300000000-personnel-roles';
import { PersonnelSupervisorCorrection1765400000000 } from './migrations/1765400000000-personnel-supervisor-correction';
import { isEmpty, seedPersonnel } from './seed';

export interface PersonnelExtraOptions {
  /** Subgraphs in this supergraph whose audit rows AuditTrail.entries merges (default: all the others). */
  auditSources?: readonly string[];
}

const built = new Map<string, Promise<FederatedSchema>>();

/** Built once per process and audit-source set (type-graphql metadata is global). */
function buildPersonnelSchema(auditSources: readonly string[] = AUDIT_SOURCES): Promise<FederatedSchema> {
  const key = AUDIT_SOURCES.filter((s) => auditSources.includes(s)).join(',');
  let schema = built.get(key);
  if (!schema) {
    schema = buildFederatedSchema({
      resolvers: [EmployeeResolver, ContractResolver, OrganizationUnitResolver, EmployeeAccessResolver, AccessProfileResolver, UnitMembersResolver, AuditTrailResolver, EmployeeRoleResolver, SupervisorCorrectionResolver],
      referenceResolvers: { Employee: resolveEmployeeReference, OrganizationUnit: resolveOrganizationUnitReference, AuditTrail: resolveAuditTrailReference },
      transformSdl: auditSdlFor(auditSources),
    });
    built.set(key, schema);
  }
  return schema;
}

/** The personnel subgraph: employees (NIP), organisation units, work contracts, roles and the audit trail. */
export const personnel = defineSubgraph<PersonnelExtraOptions>({
  name: 'personnel',
  entities: [EmployeeRow, OrganizationUnitRow, WorkContractRow, EmployeeRoleRow, SupervisorCorrectionRow],
  migrations: [
    PersonnelInitial1764201600000, outboxMigration('personnel', 1764201700000), ...sharedMigrations('personnel'),
    PersonnelNameSearch1765000000000, PersonnelPppkContracts1765214000000, PersonnelRoles1765300000000,
    PersonnelSupervisorCorrection1765400000000,
  ],
  // Personnel owns AuditTrail: its `entries` merges the audit rows of the subgraphs present.
  schema: (options) => buildPersonnelSchema(options?.auditSources),
  auditTrail: false,
  publishes: ['employee.changed', 'contract.changed'],
  fromGraph: (o) => (o.subgraphs ? { auditSources: o.subgraphs } : {}),
  seed: {
    isEmpty,
    run: (ds, say) => seedPersonnel(ds, generateRegency({ employees: seedEmployees() }), (done, total) => say(`seeded ${done}/${total} employees`)),
  },
});
