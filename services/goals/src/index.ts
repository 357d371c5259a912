import { goals } from './service';

/** The declaration (src/service.ts); createServer for tests, goalsService for packages/testing's startGraph. */
export const { createServer, graphService: goalsService } = goals;
export { goals as subgraph };
export { seedGoals, type GoalsSeedOptions } from './seed';
export { computeAchievement, planAchievement, ACHIEVEMENT_CAP } from './domain/achievement';
export { parsePeriod, type Period } from './domain/period';
export * from './domain/enums';
