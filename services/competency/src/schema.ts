import 'reflect-metadata';
import { auditTrailContribution, buildFederatedSchema, type FederatedSchema } from '@kinerja/subgraph-kit';
import { LearningActivityResolver } from './graphql/activity.resolver';
import { CompetencyResolver } from './graphql/competency.resolver';
import { EmployeeLearningResolver, LearningHoursResolver } from './graphql/employee-learning.resolver';
import { EnrollmentResolver } from './graphql/enrollment.resolver';
import {
  resolveCompetencyReference, resolveEmployeeReference, resolveEnrollmentReference, resolveLearningActivityReference,
  resolveOrganizationUnitReference,
} from './graphql/references';
import { UnitLearningResolver } from './graphql/unit-learning.resolver';

export const SUBGRAPH_NAME = 'competency';

/** Issue 7: this subgraph's audit rows, merged into personnel's AuditTrail.entries. */
const audit = auditTrailContribution(SUBGRAPH_NAME);

let built: Promise<FederatedSchema> | undefined;

/** The competency subgraph schema (built once per process; type-graphql metadata is global). */
export function buildCompetencySchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema({
    resolvers: [audit.resolver, CompetencyResolver, LearningActivityResolver, EnrollmentResolver, EmployeeLearningResolver, LearningHoursResolver, UnitLearningResolver],
    orphanedTypes: [audit.type],
    referenceResolvers: {
      ...audit.referenceResolvers,
      Employee: resolveEmployeeReference,
      OrganizationUnit: resolveOrganizationUnitReference,
      Competency: resolveCompetencyReference,
      LearningActivity: resolveLearningActivityReference,
      Enrollment: resolveEnrollmentReference,
    },
  });
  return built;
}

/** Every service's schema module exports buildSubgraph: the supergraph tooling loads them by name. */
export const buildSubgraph = buildCompetencySchema;
