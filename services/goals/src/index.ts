import type { Logger } from '@kinerja/subgraph-kit';
import { createServer } from './server';

export { createServer, createGoalsDataSource, entities, migrations, type GoalsOptions, type RunningGoals } from './server';
export { buildGoalsSchema, SUBGRAPH_NAME } from './schema';
export { computeAchievement, planAchievement, ACHIEVEMENT_CAP } from './domain/achievement';
export { parsePeriod, type Period } from './domain/period';
export * from './domain/enums';

/** How tests and tooling start this subgraph (packages/testing's startGraph). */
export const goalsService = {
  name: 'goals',
  start: (o: { databaseUrl: string; sharedSecret: string; personnelUrl: string; log?: Logger; kafka?: { brokers: string; topicPrefix: string } }) =>
    createServer({
      databaseUrl: o.databaseUrl, sharedSecret: o.sharedSecret, personnelUrl: o.personnelUrl,
      ...(o.kafka ? { kafka: o.kafka } : {}), ...(o.log ? { log: o.log } : {}),
    }),
};
