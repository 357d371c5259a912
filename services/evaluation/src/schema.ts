import 'reflect-metadata';
import { auditTrailContribution, buildFederatedSchema, type FederatedSchema } from '@kinerja/subgraph-kit';
import { EvaluationCycleResolver } from './graphql/cycle.resolver';
import { EmployeeEvaluationsResolver } from './graphql/employee.resolver';
import { EvaluationResolver, FeedbackResolver } from './graphql/evaluation.resolver';
import { GroundingResolver } from './graphql/grounding.resolver';
import { OrganizationUnitCurveResolver } from './graphql/organization.resolver';
import { resolveEmployeeReference, resolveEvaluationCycleReference, resolveEvaluationReference, resolveOrganizationUnitReference } from './graphql/references';
import { EvaluationReviewResolver, ObjectionResolver, ObjectionStatementResolver } from './graphql/review.resolver';

export const SUBGRAPH_NAME = 'evaluation';

/** Issue 7: this subgraph's audit rows, merged into personnel's AuditTrail.entries. */
const audit = auditTrailContribution(SUBGRAPH_NAME);

let built: Promise<FederatedSchema> | undefined;

/** The evaluation subgraph schema (built once per process; type-graphql metadata is global). */
export function buildEvaluationSchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema({
    resolvers: [audit.resolver, EvaluationCycleResolver, EvaluationResolver, FeedbackResolver, EmployeeEvaluationsResolver, GroundingResolver,
      EvaluationReviewResolver, ObjectionResolver, ObjectionStatementResolver, OrganizationUnitCurveResolver],
    orphanedTypes: [audit.type],
    referenceResolvers: {
      ...audit.referenceResolvers,
      Evaluation: resolveEvaluationReference,
      EvaluationCycle: resolveEvaluationCycleReference,
      Employee: resolveEmployeeReference,
      OrganizationUnit: resolveOrganizationUnitReference,
    },
  });
  return built;
}

/** Every service's schema module exports buildSubgraph: the supergraph tooling loads them by name. */
export const buildSubgraph = buildEvaluationSchema;
