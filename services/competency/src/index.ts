import type { CompetencyExtraOptions } from './service';
import type { SubgraphOptions } from '@kinerja/subgraph-kit';
import { competency } from './service';

/** The declaration (src/service.ts); createServer for tests, competencyService for packages/testing's startGraph. */
export const { createServer, graphService: competencyService } = competency;
export { competency as subgraph };
export type CompetencyOptions = SubgraphOptions & CompetencyExtraOptions;
export { seedCompetency } from './seed';
export * from './domain/enums';
export { activityProblems, isOpenTo } from './domain/activity-rules';
export { nextStatus, enrollmentProblem, completionDate } from './domain/enrollment-flow';
export { PNS_REQUIRED_HOURS, requiredHours } from './domain/learning-hours';
