import { generateRegency } from '@kinerja/demo-regency';
import { defineSubgraph, seedEmployees, sharedMigrations } from '@kinerja/subgraph-kit';
import { z } from 'zod';
import { DEFAULT_PPPK_REQUIRED_HOURS, PPPK_CEILING_HOURS } from './domain/learning-hours';
import { CompetencyRow } from './entities/competency';
import { EnrollmentRow } from './entities/enrollment';
import { ActivityCompetencyRow, ActivityUnitRow, LearningActivityRow } from './entities/learning-activity';
import { LearningActivityResolver } from './graphql/activity.resolver';
import { CompetencyResolver } from './graphql/competency.resolver';
import { EmployeeLearningResolver, LearningHoursResolver } from './graphql/employee-learning.resolver';
import { EnrollmentResolver } from './graphql/enrollment.resolver';
import {
  resolveCompetencyReference, resolveEmployeeReference, resolveEnrollmentReference, resolveLearningActivityReference,
  resolveOrganizationUnitReference,
} from './graphql/references';
import { UnitLearningResolver } from './graphql/unit-learning.resolver';
import { CompetencyInitial1764460800000 } from './migrations/1764460800000-competency-initial';
import { isEmpty, seedCompetency } from './seed';
import { competencySettings, DEFAULT_SETTINGS } from './settings';

export interface CompetencyExtraOptions {
  /** JP a PPPK employee is owed a year (default DEFAULT_PPPK_REQUIRED_HOURS). */
  pppkRequiredHours?: number;
  /** Today as YYYY-MM-DD (WIB by default); tests pin it. */
  today?: () => string;
}

const configShape = { PPPK_REQUIRED_HOURS: z.coerce.number().int().min(0).max(PPPK_CEILING_HOURS).default(DEFAULT_PPPK_REQUIRED_HOURS) };

/** The competency subgraph: the competency catalogue, learning activities, enrollments and learning hours (JP). */
export const competency = defineSubgraph<CompetencyExtraOptions, object, typeof configShape>({
  name: 'competency',
  entities: [CompetencyRow, LearningActivityRow, ActivityUnitRow, ActivityCompetencyRow, EnrollmentRow],
  migrations: [CompetencyInitial1764460800000, ...sharedMigrations('competency')],
  schema: {
    resolvers: [CompetencyResolver, LearningActivityResolver, EnrollmentResolver, EmployeeLearningResolver, LearningHoursResolver, UnitLearningResolver],
    referenceResolvers: {
      Employee: resolveEmployeeReference,
      OrganizationUnit: resolveOrganizationUnitReference,
      Competency: resolveCompetencyReference,
      LearningActivity: resolveLearningActivityReference,
      Enrollment: resolveEnrollmentReference,
    },
  },
  directory: true,
  publishes: ['learning.completed'],
  config: {
    shape: configShape,
    options: (config) => ({ pppkRequiredHours: config.PPPK_REQUIRED_HOURS }),
  },
  start({ options, dataSource }) {
    competencySettings.bind(dataSource, {
      pppkRequiredHours: options.pppkRequiredHours ?? DEFAULT_SETTINGS.pppkRequiredHours, today: options.today ?? DEFAULT_SETTINGS.today,
    });
    return {};
  },
  seed: {
    isEmpty,
    async run(ds, say) {
      const done = await seedCompetency(ds, generateRegency({ employees: seedEmployees() }), (n, total) => say(`seeded ${n}/${total} enrollments`));
      say(`seeded ${done.activities} learning activities`);
    },
  },
});
