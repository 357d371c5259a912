import type { UnitDistributionFragment } from '../../gql/graphql';

type Chain = UnitDistributionFragment & { parent?: Chain | null };

/** The unit and the units above it, nearest first, as the graph answered them. */
export function unitChain(unit: Chain | null | undefined): UnitDistributionFragment[] {
  const out: UnitDistributionFragment[] = [];
  for (let u = unit; u; u = u.parent ?? null) out.push(u);
  return out;
}

/**
 * The distributions worth showing beside the ratings: each unit of the chain whose curve the graph
 * checks (it has an organisation predicate for the year); where none has one, the topmost unit (the
 * OPD), so the counts still show with the graph's note.
 */
export function curveUnits(chain: UnitDistributionFragment[]): UnitDistributionFragment[] {
  const checked = chain.filter((u) => u.predicateDistribution.organizationPredicate);
  if (checked.length) return checked;
  const top = chain[chain.length - 1];
  return top ? [top] : [];
}

export interface CurveWarningExtension {
  rule: string;
  message: string;
  unitId?: string;
  year?: number;
  organizationPredicate?: string;
}

/** completeEvaluation's `extensions.curveWarnings` (CONTRACT.md), read defensively. */
export function curveWarningsOf(extensions: Record<string, unknown> | undefined): CurveWarningExtension[] {
  const raw = extensions?.curveWarnings;
  if (!Array.isArray(raw)) return [];
  return raw.filter((w): w is CurveWarningExtension => !!w && typeof w === 'object' && typeof (w as { rule?: unknown }).rule === 'string');
}
