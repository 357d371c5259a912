import { instanceSettings } from '@kinerja/subgraph-kit';
import type { GoalsLookup } from './goals-lookup';
import type { PersonnelLookup } from './personnel-lookup';

/** Public feedback limits per client key (e.g. 5 a minute and 50 a day, configurable). */
export interface PublicFeedbackLimits {
  perMinute: number;
  perDay: number;
}

export const DEFAULT_PUBLIC_FEEDBACK_LIMITS: PublicFeedbackLimits = { perMinute: 5, perDay: 50 };

/** Per-instance settings the resolvers need beyond the kit's context. */
export interface EvaluationSettings {
  personnel: PersonnelLookup;
  /** The goals subgraph (SKP grounding); null only where this instance runs without goals (some tests). */
  goals?: GoalsLookup | null;
  publicFeedback: PublicFeedbackLimits;
  /** The code of BKPSDM's unit, whose head reviews objections where the evaluator has no supervisor (default BKPSDMD). */
  bkpsdmUnitCode?: string;
}

export const DEFAULT_BKPSDM_UNIT_CODE = 'BKPSDMD';

export const evaluationSettings = instanceSettings<EvaluationSettings>('evaluation');
export const settingsOf = evaluationSettings.of;
