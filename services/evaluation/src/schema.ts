import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@kinerja/subgraph-kit';
import { EvaluationCycleResolver } from './graphql/cycle.resolver';
import { EmployeeEvaluationsResolver } from './graphql/employee.resolver';
import { EvaluationResolver, FeedbackResolver } from './graphql/evaluation.resolver';
import { resolveEmployeeReference, resolveEvaluationCycleReference, resolveEvaluationReference } from './graphql/references';

export const SUBGRAPH_NAME = 'evaluation';

let built: Promise<FederatedSchema> | undefined;

/** The evaluation subgraph schema (built once per process; type-graphql metadata is global). */
export function buildEvaluationSchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema({
    resolvers: [EvaluationCycleResolver, EvaluationResolver, FeedbackResolver, EmployeeEvaluationsResolver],
    referenceResolvers: {
      Evaluation: resolveEvaluationReference,
      EvaluationCycle: resolveEvaluationCycleReference,
      Employee: resolveEmployeeReference,
    },
  });
  return built;
}

/** Every service's schema module exports buildSubgraph: the supergraph tooling loads them by name. */
export const buildSubgraph = buildEvaluationSchema;
