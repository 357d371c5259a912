import { PeriodType, Predicate } from './enums';

/**
 * WEB.md, "why every verdict is what it is": each rule that fired in a reward decision, as a code with
 * its values, so that a screen says it in the reader's language. `reasonText` is the English sentence
 * the decision's `reasons` keep answering with; `reasonFromText` reads such a sentence back (decisions
 * stored before the codes existed).
 */
export enum RewardReasonCode {
  ALLOWANCE = 'ALLOWANCE',
  PERIOD_ALLOWANCE_ONLY = 'PERIOD_ALLOWANCE_ONLY',
  CERTIFICATE = 'CERTIFICATE',
  FOLLOW_UP_COACHING = 'FOLLOW_UP_COACHING',
  FOLLOW_UP_IMPROVEMENT_TRACK = 'FOLLOW_UP_IMPROVEMENT_TRACK',
  PROMOTION_NOT_APPLICABLE_PPPK = 'PROMOTION_NOT_APPLICABLE_PPPK',
  PROMOTION_EMPLOYMENT_TYPE_UNKNOWN = 'PROMOTION_EMPLOYMENT_TYPE_UNKNOWN',
  PROMOTION_NOT_ELIGIBLE = 'PROMOTION_NOT_ELIGIBLE',
  PROMOTION_ELIGIBLE = 'PROMOTION_ELIGIBLE',
  CREDIT_POINTS_POSITION_UNKNOWN = 'CREDIT_POINTS_POSITION_UNKNOWN',
  CREDIT_POINTS_COEFFICIENT_UNKNOWN = 'CREDIT_POINTS_COEFFICIENT_UNKNOWN',
  CREDIT_POINTS = 'CREDIT_POINTS',
  REVISION = 'REVISION',
  /** A sentence no code describes (kept as text). */
  OTHER = 'OTHER',
}

/** One year's annual predicate as a reason uses it: null when none is recorded; `was` in a revision. */
export interface ReasonYear {
  year: number;
  predicate: Predicate | null;
  was?: Predicate | null;
}

/** One rule that fired: the code and the values its sentence names. */
export interface RewardReasonData {
  code: RewardReasonCode;
  predicate?: Predicate;
  /** Allowance, credit-point percent. */
  percent?: number;
  year?: number;
  periodType?: PeriodType;
  period?: number | null;
  policyVersion?: number;
  minimumPredicate?: Predicate;
  annualEvaluations?: number;
  /** PROMOTION_NOT_ELIGIBLE: the years that fall short (null: none recorded); PROMOTION_ELIGIBLE: the window's predicates;
   * REVISION: the years whose predicate changed. */
  years?: ReasonYear[];
  positionKind?: string;
  coefficient?: number;
  creditPoints?: number;
  revision?: number;
  /** OTHER only: the sentence. */
  text?: string;
}

function periodLabel(year: number, periodType: PeriodType, period: number | null | undefined): string {
  if (periodType === PeriodType.MONTHLY) return `${year}-${String(period ?? 0).padStart(2, '0')}`;
  if (periodType === PeriodType.QUARTERLY) return `${year}-Q${period ?? 0}`;
  return String(year);
}

const plural = (n: number) => (n === 1 ? '' : 's');

/** The English sentence of a reason (what `RewardDecision.reasons` answers). */
export function reasonText(r: RewardReasonData): string {
  switch (r.code) {
    case RewardReasonCode.ALLOWANCE:
      return `Allowance (TPP): predicate ${r.predicate} earns ${r.percent}% of the performance allowance for ${periodLabel(r.year!, r.periodType!, r.period)} (policy version ${r.policyVersion}).`;
    case RewardReasonCode.PERIOD_ALLOWANCE_ONLY:
      return `${r.periodType} evaluation: only the period's allowance is decided; certificates, promotion, credit points and follow-ups follow the annual evaluation.`;
    case RewardReasonCode.CERTIFICATE:
      return `Certificate: predicate ${r.predicate} earns a certificate of recognition (piagam penghargaan).`;
    case RewardReasonCode.FOLLOW_UP_COACHING:
      return `Follow-up: predicate ${r.predicate} calls for coaching by the direct supervisor and a competency development plan.`;
    case RewardReasonCode.FOLLOW_UP_IMPROVEMENT_TRACK:
      return `Follow-up: predicate ${r.predicate} opens a 6-month improvement plan owned by the direct supervisor (PP 30/2019 art. 56-58), an administrative measure.`;
    case RewardReasonCode.PROMOTION_NOT_APPLICABLE_PPPK:
      return 'Promotion: not applicable; a PPPK has no pangkat, and promotion (kenaikan pangkat, PP 99/2000) is for PNS only.';
    case RewardReasonCode.PROMOTION_EMPLOYMENT_TYPE_UNKNOWN:
      return 'Promotion: not decided; the employee\'s employment type is unknown to personnel, and promotion is for PNS only.';
    case RewardReasonCode.PROMOTION_NOT_ELIGIBLE: {
      const n = r.annualEvaluations ?? 1;
      const window = Array.from({ length: n }, (_, i) => (r.year ?? 0) - n + 1 + i);
      const problems = (r.years ?? []).map((y) => (y.predicate === null ? `no annual predicate is recorded for ${y.year}` : `${y.year} was ${y.predicate}`));
      return `Promotion: not eligible; it needs at least ${r.minimumPredicate} in each of the last ${n} annual evaluation${plural(n)} (${window.join(', ')}): ${problems.join('; ')}.`;
    }
    case RewardReasonCode.PROMOTION_ELIGIBLE:
      return `Promotion: eligible for a promotion recommendation (kenaikan pangkat); annual predicates ${(r.years ?? []).map((y) => `${y.year} ${y.predicate}`).join(', ')} are each ${r.minimumPredicate} or better.`;
    case RewardReasonCode.CREDIT_POINTS_POSITION_UNKNOWN:
      return 'Credit points: not computed, the employee\'s position kind is unknown to personnel.';
    case RewardReasonCode.CREDIT_POINTS_COEFFICIENT_UNKNOWN:
      return `Credit points: a ${r.positionKind} position earns ${r.percent}% of its yearly credit-point coefficient for predicate ${r.predicate} (Peraturan BKN 3/2023); the coefficient is not known from the position title.`;
    case RewardReasonCode.CREDIT_POINTS:
      return `Credit points: a ${r.positionKind} position earns ${r.percent}% of its yearly credit-point coefficient ${r.coefficient} for predicate ${r.predicate}: ${r.creditPoints} (Peraturan BKN 3/2023).`;
    case RewardReasonCode.REVISION:
      return `Revision ${r.revision}: decided again because ${(r.years ?? []).map((y) => `the ${y.year} annual predicate is now ${y.predicate ?? 'not recorded'} (was ${y.was ?? 'not recorded'})`).join('; ')}.`;
    case RewardReasonCode.OTHER:
      return r.text ?? '';
  }
}

const PREDICATE = '(SANGAT_BAIK|BAIK|BUTUH_PERBAIKAN|KURANG|SANGAT_KURANG)';
const asPredicate = (s: string | undefined): Predicate | null => (s && s in Predicate ? (s as Predicate) : null);
const num = (s: string | undefined) => Number(s);

function periodFrom(label: string): { year: number; periodType: PeriodType; period: number | null } {
  const m = /^(\d{4})(?:-(Q)?(\d{1,2}))?$/.exec(label);
  if (!m) return { year: 0, periodType: PeriodType.ANNUAL, period: null };
  if (m[3] === undefined) return { year: num(m[1]), periodType: PeriodType.ANNUAL, period: null };
  return { year: num(m[1]), periodType: m[2] ? PeriodType.QUARTERLY : PeriodType.MONTHLY, period: num(m[3]) };
}

type Reader = [RegExp, (m: RegExpExecArray) => Omit<RewardReasonData, 'code'> & { code: RewardReasonCode }];

const READERS: Reader[] = [
  [new RegExp(`^Allowance \\(TPP\\): predicate ${PREDICATE} earns ([\\d.]+)% of the performance allowance for (\\S+) \\(policy version (\\d+)\\)\\.$`),
    (m) => ({ code: RewardReasonCode.ALLOWANCE, predicate: m[1] as Predicate, percent: num(m[2]), ...periodFrom(m[3]!), policyVersion: num(m[4]) })],
  [/^(MONTHLY|QUARTERLY) evaluation: only the period's allowance is decided/, (m) => ({ code: RewardReasonCode.PERIOD_ALLOWANCE_ONLY, periodType: m[1] as PeriodType })],
  [new RegExp(`^Certificate: predicate ${PREDICATE} earns a certificate`), (m) => ({ code: RewardReasonCode.CERTIFICATE, predicate: m[1] as Predicate })],
  [new RegExp(`^Follow-up: predicate ${PREDICATE} calls for coaching`), (m) => ({ code: RewardReasonCode.FOLLOW_UP_COACHING, predicate: m[1] as Predicate })],
  [new RegExp(`^Follow-up: predicate ${PREDICATE} opens a 6-month improvement plan`), (m) => ({ code: RewardReasonCode.FOLLOW_UP_IMPROVEMENT_TRACK, predicate: m[1] as Predicate })],
  [/^Promotion: not applicable; a PPPK/, () => ({ code: RewardReasonCode.PROMOTION_NOT_APPLICABLE_PPPK })],
  [/^Promotion: not decided; the employee's employment type is unknown/, () => ({ code: RewardReasonCode.PROMOTION_EMPLOYMENT_TYPE_UNKNOWN })],
  [new RegExp(`^Promotion: not eligible; it needs at least ${PREDICATE} in each of the last (\\d+) annual evaluations? \\(([\\d, ]+)\\): (.*)\\.$`), (m) => ({
    code: RewardReasonCode.PROMOTION_NOT_ELIGIBLE, minimumPredicate: m[1] as Predicate, annualEvaluations: num(m[2]), year: num(m[3]!.split(', ').pop()),
    years: m[4]!.split('; ').map((problem) => {
      const missing = /^no annual predicate is recorded for (\d{4})$/.exec(problem);
      if (missing) return { year: num(missing[1]), predicate: null };
      const [y, , p] = problem.split(' ');
      return { year: num(y), predicate: asPredicate(p) };
    }),
  })],
  [new RegExp(`^Promotion: eligible for a promotion recommendation \\(kenaikan pangkat\\); annual predicates (.*) are each ${PREDICATE} or better\\.$`), (m) => ({
    code: RewardReasonCode.PROMOTION_ELIGIBLE, minimumPredicate: m[2] as Predicate,
    years: m[1]!.split(', ').map((s) => { const [y, p] = s.split(' '); return { year: num(y), predicate: asPredicate(p) }; }),
  })],
  [/^Credit points: not computed, the employee's position kind is unknown/, () => ({ code: RewardReasonCode.CREDIT_POINTS_POSITION_UNKNOWN })],
  [new RegExp(`^Credit points: a (\\S+) position earns ([\\d.]+)% of its yearly credit-point coefficient for predicate ${PREDICATE} `), (m) => ({
    code: RewardReasonCode.CREDIT_POINTS_COEFFICIENT_UNKNOWN, positionKind: m[1], percent: num(m[2]), predicate: m[3] as Predicate,
  })],
  [new RegExp(`^Credit points: a (\\S+) position earns ([\\d.]+)% of its yearly credit-point coefficient ([\\d.]+) for predicate ${PREDICATE}: ([\\d.]+) `), (m) => ({
    code: RewardReasonCode.CREDIT_POINTS, positionKind: m[1], percent: num(m[2]), coefficient: num(m[3]), predicate: m[4] as Predicate, creditPoints: num(m[5]),
  })],
  [/^Revision (\d+): decided again because (.*)\.$/, (m) => ({
    code: RewardReasonCode.REVISION, revision: num(m[1]),
    years: m[2]!.split('; ').map((part) => {
      const c = /^the (\d{4}) annual predicate is now (\S+) \(was (.+)\)$/.exec(part);
      return { year: num(c?.[1]), predicate: asPredicate(c?.[2]), was: asPredicate(c?.[3]) };
    }),
  })],
];

/** The reason an English sentence of `reasonText` states; OTHER (with the text) for any other sentence. */
export function reasonFromText(text: string): RewardReasonData {
  for (const [pattern, read] of READERS) {
    const m = pattern.exec(text);
    if (m) return read(m);
  }
  return { code: RewardReasonCode.OTHER, text };
}
