import { FeedbackTargetsResolver } from './graphql/feedback-targets.resolver';
import { generateRegency } from '@kinerja/demo-regency';
import { defineSubgraph, localSubgraphUrl, seedEmployees, sharedMigrations } from '@kinerja/subgraph-kit';
import { z } from 'zod';
import { EvaluationCycleRow } from './entities/evaluation-cycle';
import { EvaluationRow } from './entities/evaluation';
import { FeedbackRow } from './entities/feedback';
import { GoalRatingRow } from './entities/goal-rating';
import { ObjectionRow, ObjectionStatementRow } from './entities/objection';
import { OrganizationPredicateRow } from './entities/organization-predicate';
import { GoalsLookup } from './goals-lookup';
import { PersonnelLookup } from './personnel-lookup';
import { EvaluationCycleResolver } from './graphql/cycle.resolver';
import { EmployeeEvaluationsResolver } from './graphql/employee.resolver';
import { EvaluationResolver, FeedbackResolver } from './graphql/evaluation.resolver';
import { GroundingResolver } from './graphql/grounding.resolver';
import { OrganizationUnitCurveResolver } from './graphql/organization.resolver';
import { resolveEmployeeReference, resolveEvaluationCycleReference, resolveEvaluationReference, resolveOrganizationUnitReference } from './graphql/references';
import { EvaluationReviewResolver, ObjectionResolver, ObjectionStatementResolver } from './graphql/review.resolver';
import { EvaluationInitial1764400000000 } from './migrations/1764400000000-evaluation-initial';
import { EvaluationReview1765315000000 } from './migrations/1765315000000-evaluation-review';
import { EvaluationGoalRatings1765610000000 } from './migrations/1765610000000-evaluation-goal-ratings';
import { isEmpty, seedEvaluation } from './seed';
import { DEFAULT_BKPSDM_UNIT_CODE, DEFAULT_PUBLIC_FEEDBACK_LIMITS, evaluationSettings, type PublicFeedbackLimits } from './settings';

export interface EvaluationExtraOptions {
  /**
   * The goals subgraph: startEvaluation needs an approved SKP covering the period, and RHK ratings and
   * the suggested result rating come from it. main.ts always sets it (GOALS_URL); without it (tests of
   * evaluation alone) evaluations are not grounded, and the server says so at start.
   */
  goalsUrl?: string | null;
  publicFeedback?: Partial<PublicFeedbackLimits>;
  /** BKPSDM's unit code (objections where the evaluator has no supervisor); default BKPSDMD. */
  bkpsdmUnitCode?: string;
}

const configShape = {
  // Required: this service produces evaluation.completed, which recognition's rewards depend on.
  KAFKA_BROKERS: z.string().min(1, 'is required: the outbox relay publishes kinerja.evaluation.completed.v1'),
  // DOMAIN.md: an evaluation starts only with an approved SKP, which goals holds.
  GOALS_URL: z.string().url('must be a URL').default(localSubgraphUrl('goals')),
  PUBLIC_FEEDBACK_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_PUBLIC_FEEDBACK_LIMITS.perMinute),
  PUBLIC_FEEDBACK_PER_DAY: z.coerce.number().int().min(1).default(DEFAULT_PUBLIC_FEEDBACK_LIMITS.perDay),
  // BKPSDM's unit: its head reviews objections where the evaluator has no supervisor (PP 30/2019 art. 59).
  BKPSDM_UNIT_CODE: z.string().min(1).default(DEFAULT_BKPSDM_UNIT_CODE),
};

/** The evaluation subgraph: evaluation cycles, evaluations and their predicate, feedback, objections. */
export const evaluation = defineSubgraph<EvaluationExtraOptions, object, typeof configShape>({
  name: 'evaluation',
  entities: [EvaluationCycleRow, EvaluationRow, FeedbackRow, GoalRatingRow, ObjectionRow, ObjectionStatementRow, OrganizationPredicateRow],
  migrations: [EvaluationInitial1764400000000, ...sharedMigrations('evaluation'), EvaluationReview1765315000000, EvaluationGoalRatings1765610000000],
  schema: {
    resolvers: [FeedbackTargetsResolver, EvaluationCycleResolver, EvaluationResolver, FeedbackResolver, EmployeeEvaluationsResolver, GroundingResolver,
      EvaluationReviewResolver, ObjectionResolver, ObjectionStatementResolver, OrganizationUnitCurveResolver],
    referenceResolvers: {
      Evaluation: resolveEvaluationReference,
      EvaluationCycle: resolveEvaluationCycleReference,
      Employee: resolveEmployeeReference,
      OrganizationUnit: resolveOrganizationUnitReference,
    },
  },
  directory: true,
  publishes: ['evaluation.completed', 'objection.decided'],
  config: {
    shape: configShape,
    devDefaults: { KAFKA_BROKERS: '127.0.0.1:9092' },
    options: (config) => ({
      goalsUrl: config.GOALS_URL,
      publicFeedback: { perMinute: config.PUBLIC_FEEDBACK_PER_MINUTE, perDay: config.PUBLIC_FEEDBACK_PER_DAY },
      bkpsdmUnitCode: config.BKPSDM_UNIT_CODE,
    }),
  },
  start({ options, dataSource, log }) {
    evaluationSettings.bind(dataSource, {
      personnel: new PersonnelLookup(options.personnelUrl ?? localSubgraphUrl('personnel'), options.sharedSecret, 'evaluation'),
      goals: options.goalsUrl ? new GoalsLookup(options.goalsUrl, options.sharedSecret, 'evaluation') : null,
      publicFeedback: { ...DEFAULT_PUBLIC_FEEDBACK_LIMITS, ...options.publicFeedback },
      bkpsdmUnitCode: options.bkpsdmUnitCode ?? DEFAULT_BKPSDM_UNIT_CODE,
    });
    if (!options.goalsUrl) log.warn('started without the goals subgraph (goalsUrl): evaluations start without an approved SKP and have no RHK grounding');
    return {};
  },
  // Subgraphs started before this one: goals' URL grounds evaluations when goals is in the graph.
  fromGraph: (o) => ({ goalsUrl: o.goalsUrl ?? o.serviceUrls?.goals ?? null }),
  seed: {
    isEmpty,
    async run(ds, say) {
      const seeded = await seedEvaluation(ds, generateRegency({ employees: seedEmployees() }), (done, total, what) => say(`seeded ${done}/${total} ${what}`));
      say(`${seeded.evaluations} evaluations, ${seeded.feedback} feedback, ${seeded.organizationPredicates} organisation predicates for 2025, ${seeded.events} evaluation.completed events waiting for the relay`);
    },
  },
});
