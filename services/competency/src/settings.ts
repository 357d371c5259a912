import type { KitContext } from '@kinerja/subgraph-kit';
import { regencyToday } from './domain/dates';
import { DEFAULT_PPPK_REQUIRED_HOURS } from './domain/learning-hours';

/** Per-server settings resolvers read through their request's DataSource (the schema is global). */
export interface CompetencySettings {
  /** A minimum a regency may set for PPPK by its own regulation (env PPPK_REQUIRED_HOURS, 0 to the 24 JP ceiling; 0 by default). */
  pppkRequiredHours: number;
  /** Today as YYYY-MM-DD in WIB; tests pin it. */
  today: () => string;
}

const DEFAULTS: CompetencySettings = { pppkRequiredHours: DEFAULT_PPPK_REQUIRED_HOURS, today: () => regencyToday() };

const byDataSource = new WeakMap<object, CompetencySettings>();

export function registerSettings(dataSource: object, settings: Partial<CompetencySettings>): CompetencySettings {
  const full = { ...DEFAULTS, ...settings };
  byDataSource.set(dataSource, full);
  return full;
}

export function settingsOf(ctx: Pick<KitContext, 'dataSource'>): CompetencySettings {
  return byDataSource.get(ctx.dataSource) ?? DEFAULTS;
}
