import { generateRegency } from '@kinerja/demo-regency';
import { defineSubgraph, seedEmployees, sharedMigrations } from '@kinerja/subgraph-kit';
import { GoalRow } from './entities/goal';
import { IndicatorRow } from './entities/indicator';
import { PerformancePlanRow } from './entities/performance-plan';
import { RealizationRow } from './entities/realization';
import { resolveEmployeeReference } from './graphql/employee-ref';
import { EmployeePlansResolver } from './graphql/employee.resolver';
import { GoalResolver, IndicatorResolver } from './graphql/goal.resolver';
import { PerformancePlanResolver } from './graphql/plan.resolver';
import { EvidenceFileResolver, RealizationResolver, RealizationRevisionResolver } from './graphql/realization.resolver';
import { resolveGoalReference, resolvePlanReference } from './graphql/references';
// After the resolvers: the schema's field order is the order their modules load.
import { startTransferConsumerInBackground } from './events/transfers';
import { DEFAULT_EVIDENCE_LIMITS, evidenceRoutes, type EvidenceLimits } from './files';
import { GoalsInitial1764288000000 } from './migrations/1764288000000-goals-initial';
import { GoalsFullSkp1765600000000 } from './migrations/1765600000000-goals-full-skp';
import { isEmpty, seedGoals } from './seed';

export interface GoalsExtraOptions {
  /** Consume kinerja.employee.changed.v1 (transfers split plans) when Kafka is configured; default true. */
  consumeTransfers?: boolean;
  /** Uploaded evidence: size limit and accepted types (defaults: 5 MB; pdf, png, jpeg). */
  evidence?: Partial<EvidenceLimits>;
}

/** The goals subgraph: yearly performance plans (SKP), their goals, indicators and realizations. */
export const goals = defineSubgraph<GoalsExtraOptions>({
  name: 'goals',
  entities: [PerformancePlanRow, GoalRow, IndicatorRow, RealizationRow],
  migrations: [GoalsInitial1764288000000, ...sharedMigrations('goals'), GoalsFullSkp1765600000000],
  schema: {
    resolvers: [PerformancePlanResolver, GoalResolver, IndicatorResolver, RealizationResolver, EvidenceFileResolver, RealizationRevisionResolver, EmployeePlansResolver],
    referenceResolvers: { Employee: resolveEmployeeReference, PerformancePlan: resolvePlanReference, Goal: resolveGoalReference },
  },
  directory: true,
  publishes: ['plan.approved'],
  consumes: ['employee.changed'],
  start({ options, dataSource, kafka, log, started, routes }) {
    if (kafka && options.consumeTransfers !== false) started(startTransferConsumerInBackground({ dataSource, ...kafka, log }));
    routes(evidenceRoutes({ ...DEFAULT_EVIDENCE_LIMITS, ...options.evidence }));
    return {};
  },
  seed: {
    isEmpty,
    run: (ds, say) => seedGoals(ds, generateRegency({ employees: seedEmployees() }), (stage, done, total) => say(`seeded ${done}/${total} ${stage}`),
      { year: Number(process.env.SEED_YEAR ?? 2026) }),
  },
});
