import 'reflect-metadata';
import { auditTrailContribution, buildFederatedSchema, type FederatedSchema } from '@kinerja/subgraph-kit';
import { resolveEmployeeReference } from './graphql/employee-ref';
import { EmployeePlansResolver } from './graphql/employee.resolver';
import { GoalResolver, IndicatorResolver } from './graphql/goal.resolver';
import { PerformancePlanResolver } from './graphql/plan.resolver';
import { EvidenceFileResolver, RealizationResolver, RealizationRevisionResolver } from './graphql/realization.resolver';
import { resolveGoalReference, resolvePlanReference } from './graphql/references';

export const SUBGRAPH_NAME = 'goals';

/** Issue 7: this subgraph's audit rows, merged into personnel's AuditTrail.entries. */
const audit = auditTrailContribution(SUBGRAPH_NAME);

let built: Promise<FederatedSchema> | undefined;

/** The goals subgraph schema (built once per process; type-graphql metadata is global). */
export function buildGoalsSchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema({
    resolvers: [audit.resolver, PerformancePlanResolver, GoalResolver, IndicatorResolver, RealizationResolver, EvidenceFileResolver, RealizationRevisionResolver, EmployeePlansResolver],
    orphanedTypes: [audit.type],
    referenceResolvers: {
      ...audit.referenceResolvers, Employee: resolveEmployeeReference, PerformancePlan: resolvePlanReference, Goal: resolveGoalReference },
  });
  return built;
}

/** Every service's schema module exports buildSubgraph: the supergraph tooling loads them by name. */
export const buildSubgraph = buildGoalsSchema;
