import type { RunningService, SubgraphOptions } from '@kinerja/subgraph-kit';
import { goals, type GoalsExtraOptions } from './service';

export { goals as subgraph };
export type GoalsOptions = SubgraphOptions & GoalsExtraOptions;
export type RunningGoals = RunningService;
export const createServer = goals.createServer;
export const goalsService = goals.graphService;
export { seedGoals, type GoalsSeedOptions } from './seed';
export { computeAchievement, planAchievement, ACHIEVEMENT_CAP } from './domain/achievement';
export { parsePeriod, type Period } from './domain/period';
export * from './domain/enums';
