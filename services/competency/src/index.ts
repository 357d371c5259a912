import type { RunningService, SubgraphOptions } from '@kinerja/subgraph-kit';
import { competency, type CompetencyExtraOptions } from './service';

export { competency as subgraph };
export type CompetencyOptions = SubgraphOptions & CompetencyExtraOptions;
export type RunningCompetency = RunningService;
export const createServer = competency.createServer;
export const competencyService = competency.graphService;
export { seedCompetency } from './seed';
export * from './domain/enums';
export { activityProblems, isOpenTo } from './domain/activity-rules';
export { nextStatus, enrollmentProblem, completionDate } from './domain/enrollment-flow';
export { PNS_REQUIRED_HOURS, requiredHours } from './domain/learning-hours';
