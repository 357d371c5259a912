import 'reflect-metadata';
import { auditTrailContribution, buildFederatedSchema, type FederatedSchema } from '@kinerja/subgraph-kit';
import { AwardResolver } from './graphql/award.resolver';
import { EmployeeRecognitionResolver, EvaluationRecognitionResolver } from './graphql/recognition-fields.resolver';
import { resolveEmployeeRef, resolveEvaluationRef } from './graphql/refs';
import { resolveRewardDecisionReference, RewardDecisionResolver } from './graphql/reward-decision.resolver';
import { RewardPolicyResolver } from './graphql/reward-policy.resolver';
import { CoachingSessionResolver, ImprovementPlanResolver, ImprovementStepResolver } from './graphql/improvement.resolver';
import { ExaminationResolver, SanctionHistoryResolver, SanctionResolver } from './graphql/sanction.resolver';

export const SUBGRAPH_NAME = 'recognition';

/** Issue 7: this subgraph's audit rows, merged into personnel's AuditTrail.entries. */
const audit = auditTrailContribution(SUBGRAPH_NAME);

let built: Promise<FederatedSchema> | undefined;

/** The recognition subgraph schema (built once per process; type-graphql metadata is global). */
export function buildRecognitionSchema(): Promise<FederatedSchema> {
  built ??= buildFederatedSchema({
    resolvers: [audit.resolver,
      RewardDecisionResolver, AwardResolver, SanctionResolver, SanctionHistoryResolver, RewardPolicyResolver,
      EmployeeRecognitionResolver, EvaluationRecognitionResolver,
      ImprovementPlanResolver, CoachingSessionResolver, ImprovementStepResolver, ExaminationResolver,
    ],
    orphanedTypes: [audit.type],
    referenceResolvers: {
      ...audit.referenceResolvers, Employee: resolveEmployeeRef, Evaluation: resolveEvaluationRef, RewardDecision: resolveRewardDecisionReference },
  });
  return built;
}

/** Every service's schema module exports buildSubgraph: the supergraph tooling loads them by name. */
export const buildSubgraph = buildRecognitionSchema;
