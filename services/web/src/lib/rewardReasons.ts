import type { TFunction } from 'i18next';

/** A reward reason as the graph gives it (RewardDecision.reasonCodes): a code and the values of its rule. */
export interface RewardReasonView {
  code: string;
  predicate?: string | null;
  percent?: number | null;
  year?: number | null;
  periodType?: string | null;
  period?: number | null;
  policyVersion?: number | null;
  minimumPredicate?: string | null;
  annualEvaluations?: number | null;
  years?: ReadonlyArray<{ year: number; predicate?: string | null; was?: string | null }> | null;
  positionKind?: string | null;
  coefficient?: number | null;
  creditPoints?: number | null;
  revision?: number | null;
  text: string;
}

function num(n: number | null | undefined, language: string): string {
  if (n === null || n === undefined) return '–';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 }).format(n);
}

/**
 * The sentence of one reward reason in the reader's language (WEB.md: why every verdict is what it
 * is). The graph decides the reasons; this only says them. A code the app does not know yet (or
 * OTHER) falls back to the graph's sentence.
 */
export function rewardReasonText(t: TFunction, r: RewardReasonView, language: string): string {
  const predicate = (p: string | null | undefined) => (p ? t(`predicate.${p}`) : t('rewardReason.notRecorded'));
  const period = () => {
    if (r.periodType === 'MONTHLY') {
      const month = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { month: 'long' }).format(new Date(r.year ?? 2000, (r.period ?? 1) - 1, 1));
      return t('rewardReason.period.MONTHLY', { month, year: r.year });
    }
    return t(`rewardReason.period.${r.periodType === 'QUARTERLY' ? 'QUARTERLY' : 'ANNUAL'}`, { period: r.period, year: r.year });
  };
  const list = (parts: string[]) => parts.join('; ');
  const values: Record<string, unknown> = {
    predicate: predicate(r.predicate),
    minimum: predicate(r.minimumPredicate),
    percent: num(r.percent, language),
    coefficient: num(r.coefficient, language),
    creditPoints: num(r.creditPoints, language),
    policyVersion: r.policyVersion,
    count: r.annualEvaluations,
    revision: r.revision,
    positionKind: r.positionKind ? t(`rewardReason.positionKind.${r.positionKind}`, { defaultValue: r.positionKind }) : '',
  };
  switch (r.code) {
    case 'ALLOWANCE':
      return t('rewardReason.ALLOWANCE', { ...values, period: period() });
    case 'PERIOD_ALLOWANCE_ONLY':
      return t('rewardReason.PERIOD_ALLOWANCE_ONLY', { periodType: t(`rewardReason.periodType.${r.periodType}`) });
    case 'PROMOTION_NOT_ELIGIBLE':
      return t('rewardReason.PROMOTION_NOT_ELIGIBLE', {
        ...values,
        problems: list((r.years ?? []).map((y) => (y.predicate ? t('rewardReason.yearWas', { year: y.year, predicate: predicate(y.predicate) }) : t('rewardReason.yearMissing', { year: y.year })))),
      });
    case 'PROMOTION_ELIGIBLE':
      return t('rewardReason.PROMOTION_ELIGIBLE', { ...values, years: (r.years ?? []).map((y) => `${y.year} ${predicate(y.predicate)}`).join(', ') });
    case 'REVISION':
      return t('rewardReason.REVISION', {
        ...values,
        changes: list((r.years ?? []).map((y) => t('rewardReason.change', { year: y.year, predicate: predicate(y.predicate), was: predicate(y.was) }))),
      });
    case 'CERTIFICATE':
    case 'FOLLOW_UP_COACHING':
    case 'FOLLOW_UP_IMPROVEMENT_TRACK':
    case 'PROMOTION_NOT_APPLICABLE_PPPK':
    case 'PROMOTION_EMPLOYMENT_TYPE_UNKNOWN':
    case 'CREDIT_POINTS_POSITION_UNKNOWN':
    case 'CREDIT_POINTS_COEFFICIENT_UNKNOWN':
    case 'CREDIT_POINTS':
      return t(`rewardReason.${r.code}`, values);
    default:
      return r.text;
  }
}
