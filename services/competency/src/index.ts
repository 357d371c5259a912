export { createServer, createCompetencyDataSource, entities, migrations, type CompetencyOptions, type RunningCompetency } from './server';
export { buildCompetencySchema, SUBGRAPH_NAME } from './schema';
export * from './domain/enums';
export { activityProblems, isOpenTo } from './domain/activity-rules';
export { nextStatus, enrollmentProblem, completionDate } from './domain/enrollment-flow';
export { PNS_REQUIRED_HOURS, requiredHours } from './domain/learning-hours';

/** How tests and tooling start this subgraph (packages/testing's startGraph). */
export const competencyService = {
  name: 'competency',
  start: (o: {
    databaseUrl: string; sharedSecret: string; personnelUrl: string; log?: import('@kinerja/subgraph-kit').Logger;
    kafka?: { brokers: string; topicPrefix: string };
  }) => createServerFn({
    databaseUrl: o.databaseUrl, sharedSecret: o.sharedSecret, personnelUrl: o.personnelUrl,
    ...(o.log ? { log: o.log } : {}), ...(o.kafka ? { kafka: o.kafka } : {}),
  }),
};
import { createServer as createServerFn } from './server';
