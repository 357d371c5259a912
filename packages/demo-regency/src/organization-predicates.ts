import type { DemoRegency } from './regency';

export type DemoOrganizationPredicate = 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

/**
 * The regency's organisation predicates for a year (PermenPANRB 6/2022; DOMAIN.md, "Demo regency"):
 * one per top-level unit, so the distribution curve has something to check on first start. Most
 * units are BAIK; the Inspektorat and BKPSDMD are ISTIMEWA; Dinas Perhubungan is BUTUH_PERBAIKAN,
 * which its seeded predicates (rated as a Baik unit would be) break, so the curve's warnings show.
 */
const EXCEPTIONS: Record<string, DemoOrganizationPredicate> = {
  INSPEKTORAT: 'ISTIMEWA',
  BKPSDMD: 'ISTIMEWA',
  DISHUB: 'BUTUH_PERBAIKAN',
};

export function organizationPredicates(regency: DemoRegency, year: number): Array<{ unitId: string; unitCode: string; year: number; predicate: DemoOrganizationPredicate }> {
  return regency.units
    .filter((u) => !u.parentId)
    .map((u) => ({ unitId: u.id, unitCode: u.code, year, predicate: EXCEPTIONS[u.code] ?? 'BAIK' }));
}
