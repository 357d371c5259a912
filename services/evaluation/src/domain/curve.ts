import { OrganizationPredicate, Predicate, Rating } from './enums';

/**
 * The distribution curve (kurva) of PermenPANRB 6/2022, as DOMAIN.md's table states it: a unit's
 * employee predicates must follow the curve for the unit's organisation predicate. The curve warns,
 * it never blocks. Percentages are of the unit's employees evaluated in the year's annual cycle
 * (completed, not superseded); evaluations still in progress are counted apart.
 */

export interface PredicateCount {
  predicate: Predicate;
  count: number;
  /** Of the evaluated employees, 0-100, two decimals. */
  percent: number;
}

export interface CurveWarning {
  /** A stable id for the broken rule, e.g. BAIK_MAX_70_BAIK. */
  rule: string;
  message: string;
}

export interface Distribution {
  organizationPredicate: OrganizationPredicate | null;
  evaluated: number;
  inProgress: number;
  counts: PredicateCount[];
  warnings: CurveWarning[];
  /** Why nothing was checked (no organisation predicate set, nobody evaluated yet), else null. */
  note: string | null;
  /** The predicate of the DRAFT counted as if completed (distributionAssuming), else null. */
  assumed: Predicate | null;
}

const ORDER: Predicate[] = [Predicate.SANGAT_BAIK, Predicate.BAIK, Predicate.BUTUH_PERBAIKAN, Predicate.KURANG, Predicate.SANGAT_KURANG];

type Counts = Record<Predicate, number>;

/** One rule of the table: at most / at least `percent` of the evaluated have one of `predicates`. */
interface CurveRule {
  rule: string;
  predicates: Predicate[];
  bound: 'atMost' | 'atLeast';
  percent: number;
  /** English text of the rule, for the warning. */
  says: string;
}

const rule = (rule: string, bound: CurveRule['bound'], percent: number, predicates: Predicate[], says: string): CurveRule => ({ rule, bound, percent, predicates, says });
const { SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG } = Predicate;

/** DOMAIN.md, "Organisation predicate and the distribution curve". "At least one" is atLeast with percent 0 (see breaks()). */
export const CURVE: Record<OrganizationPredicate, CurveRule[]> = {
  [OrganizationPredicate.ISTIMEWA]: [
    rule('ISTIMEWA_MAX_70_SANGAT_BAIK', 'atMost', 70, [SANGAT_BAIK], 'at most 70% SANGAT_BAIK'),
  ],
  [OrganizationPredicate.BAIK]: [
    rule('BAIK_MAX_70_BAIK', 'atMost', 70, [BAIK], 'at most 70% BAIK'),
    rule('BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG', 'atLeast', 0, [BUTUH_PERBAIKAN, KURANG], 'at least one BUTUH_PERBAIKAN or KURANG'),
  ],
  [OrganizationPredicate.BUTUH_PERBAIKAN]: [
    rule('BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN', 'atLeast', 60, [BUTUH_PERBAIKAN], 'at least 60% BUTUH_PERBAIKAN'),
    rule('BUTUH_PERBAIKAN_MAX_10_SANGAT_BAIK', 'atMost', 10, [SANGAT_BAIK], 'at most 10% SANGAT_BAIK'),
  ],
  [OrganizationPredicate.KURANG]: [
    rule('KURANG_MIN_60_KURANG', 'atLeast', 60, [KURANG], 'at least 60% KURANG'),
    rule('KURANG_MIN_10_BUTUH_PERBAIKAN', 'atLeast', 10, [BUTUH_PERBAIKAN], 'at least 10% BUTUH_PERBAIKAN'),
  ],
  [OrganizationPredicate.SANGAT_KURANG]: [
    rule('SANGAT_KURANG_MIN_60_SANGAT_KURANG', 'atLeast', 60, [SANGAT_KURANG], 'at least 60% SANGAT_KURANG'),
    rule('SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN', 'atLeast', 10, [KURANG, BUTUH_PERBAIKAN], 'at least 10% KURANG or BUTUH_PERBAIKAN'),
    rule('SANGAT_KURANG_NO_SANGAT_BAIK', 'atMost', 0, [SANGAT_BAIK], 'no SANGAT_BAIK'),
  ],
};

function percentOf(count: number, evaluated: number): number {
  return evaluated === 0 ? 0 : Math.round((count * 10000) / evaluated) / 100;
}

/** Compared in integers (count × 100 against percent × evaluated), so 70% exactly is at most 70%. */
function breaks(r: CurveRule, count: number, evaluated: number): boolean {
  if (r.bound === 'atMost') return count * 100 > r.percent * evaluated;
  if (r.percent === 0) return count < 1; // "at least one"
  return count * 100 < r.percent * evaluated;
}

function warningText(r: CurveRule, org: OrganizationPredicate, count: number, evaluated: number): string {
  const which = r.predicates.join(' or ');
  return `A unit with organisation predicate ${org} should have ${r.says} of its evaluated employees; it has ${count} ${which} of ${evaluated} (${percentOf(count, evaluated)}%)`;
}

/**
 * The distribution of a unit's annual predicates and the rules of the curve it breaks.
 * `predicates`: one per completed, non-superseded annual evaluation; `inProgress`: DRAFT ones.
 */
export function predicateDistribution(organizationPredicate: OrganizationPredicate | null, predicates: readonly Predicate[], inProgress = 0): Distribution {
  const counts = Object.fromEntries(ORDER.map((p) => [p, 0])) as Counts;
  for (const p of predicates) counts[p] += 1;
  const evaluated = predicates.length;
  const base = {
    organizationPredicate, evaluated, inProgress,
    counts: ORDER.map((predicate) => ({ predicate, count: counts[predicate], percent: percentOf(counts[predicate], evaluated) })),
  };
  if (!organizationPredicate) {
    return { ...base, warnings: [], note: 'No organisation predicate is set for this unit and year, so the curve is not checked (ADMIN sets it with setOrganizationPredicate)', assumed: null };
  }
  if (evaluated === 0) {
    return { ...base, warnings: [], note: 'No annual evaluation of this unit is completed yet, so the curve has nothing to check', assumed: null };
  }
  const warnings = CURVE[organizationPredicate]
    .map((r) => ({ r, count: r.predicates.reduce((s, p) => s + counts[p], 0) }))
    .filter(({ r, count }) => breaks(r, count, evaluated))
    .map(({ r, count }) => ({ rule: r.rule, message: warningText(r, organizationPredicate, count, evaluated) }));
  return { ...base, warnings, note: null, assumed: null };
}

/**
 * The "what if" of the evaluation workspace (WEB.md: the team's distribution against the curve live
 * while rating): the distribution as if one of the unit's DRAFT evaluations, counted in `inProgress`,
 * were completed with `assumed`, its current predicate. It leaves the in-progress ones and joins the
 * evaluated, and the curve is checked again by the same rule, so completing it would give exactly
 * this. A null `assumed` (no predicate yet: a rating is missing) assumes nothing.
 */
export function distributionAssuming(
  organizationPredicate: OrganizationPredicate | null, predicates: readonly Predicate[], inProgress: number, assumed: Predicate | null,
): Distribution {
  if (!assumed) return predicateDistribution(organizationPredicate, predicates, inProgress);
  if (inProgress < 1) throw new Error('The assumed evaluation must be one of the unit\'s evaluations in progress');
  return { ...predicateDistribution(organizationPredicate, [...predicates, assumed], inProgress - 1), assumed };
}

/**
 * The result rating a unit head's own evaluation starts from (DOMAIN.md: "a unit head's own result
 * rating defaults to" the organisation predicate; PermenPANRB 6/2022: ISTIMEWA → above expectation,
 * BAIK → as expected, BUTUH_PERBAIKAN, KURANG and SANGAT_KURANG → below expectation). Null when no
 * organisation predicate is set. Pure, so the SKP-based suggestion can combine with it.
 */
export function suggestResultRatingForUnitHead(organizationPredicate: OrganizationPredicate | null): Rating | null {
  switch (organizationPredicate) {
    case OrganizationPredicate.ISTIMEWA: return Rating.ABOVE_EXPECTATION;
    case OrganizationPredicate.BAIK: return Rating.MEETS_EXPECTATION;
    case OrganizationPredicate.BUTUH_PERBAIKAN:
    case OrganizationPredicate.KURANG:
    case OrganizationPredicate.SANGAT_KURANG: return Rating.BELOW_EXPECTATION;
    default: return null;
  }
}

/** Who may read a unit's distribution (CONTRACT.md: the unit head, the unit's evaluators, ADMIN, ANALYST). */
export interface DistributionReader {
  admin: boolean;
  analyst: boolean;
  /** Heads the unit or a unit above it. */
  unitHead: boolean;
  /** Evaluates someone of the unit (or its sub-units) in that year's annual cycle. */
  evaluator: boolean;
}

export function mayReadDistribution(r: DistributionReader): boolean {
  return r.admin || r.analyst || r.unitHead || r.evaluator;
}
