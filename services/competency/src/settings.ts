import { instanceSettings } from '@kinerja/subgraph-kit';
import { regencyToday } from './domain/dates';
import { DEFAULT_PPPK_REQUIRED_HOURS } from './domain/learning-hours';

/** Per-server settings resolvers read through their request's DataSource (the schema is global). */
export interface CompetencySettings {
  /** A minimum a regency may set for PPPK by its own regulation (env PPPK_REQUIRED_HOURS, 0 to the 24 JP ceiling; 0 by default). */
  pppkRequiredHours: number;
  /** Today as YYYY-MM-DD in WIB; tests pin it. */
  today: () => string;
}

export const DEFAULT_SETTINGS: CompetencySettings = { pppkRequiredHours: DEFAULT_PPPK_REQUIRED_HOURS, today: () => regencyToday() };

export const competencySettings = instanceSettings<CompetencySettings>('competency', DEFAULT_SETTINGS);
export const settingsOf = competencySettings.of;
