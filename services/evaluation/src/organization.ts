import {
  accessProfile, BadInput, Forbidden, hasRole, headsUnit, loadById, NotFound, recordAudit, requireUser, unitMembers, type KitContext,
} from '@kinerja/subgraph-kit';
import { ratesEvaluation } from './domain/access';
import { distributionAssuming, mayReadDistribution, type CurveWarning, type Distribution } from './domain/curve';
import { EvaluationStatus, OrganizationPredicate, PeriodType, type Predicate } from './domain/enums';
import { EvaluationRow } from './entities/evaluation';
import { OrganizationPredicateRow } from './entities/organization-predicate';

/**
 * The organisation predicate and the distribution curve (DOMAIN.md, PermenPANRB 6/2022). A unit's
 * distribution counts the annual evaluations of the unit and its sub-units (by the unit each
 * evaluation started in), completed and not superseded; DRAFTs are in progress. The unit's own
 * organisation predicate decides the curve (a sub-unit without one is not checked).
 */

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadInput('year', 'must be a year between 2000 and 2100');
}

export async function setOrganizationPredicate(ctx: KitContext, unitId: string, year: number, predicate: OrganizationPredicate): Promise<{ id: string }> {
  checkYear(year);
  if (!(await unitMembers(ctx, unitId, false))) throw new NotFound('OrganizationUnit', unitId);
  return ctx.dataSource.transaction(async (m) => {
    const before = await m.findOne(OrganizationPredicateRow, { where: { unitId, year }, lock: { mode: 'pessimistic_write' } });
    await m.query(
      `INSERT INTO organization_predicate (unit_id, year, predicate, set_by, set_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (unit_id, year) DO UPDATE SET predicate = EXCLUDED.predicate, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
      [unitId, year, predicate, ctx.identity.employeeId],
    );
    const after = await m.findOneByOrFail(OrganizationPredicateRow, { unitId, year });
    await recordAudit(m, ctx, { entityType: 'OrganizationUnit', entityId: unitId, action: 'setOrganizationPredicate', before, after });
    return { id: unitId };
  });
}

/** Each unit's organisation predicate for a year, batched per request. */
export function organizationPredicateOf(ctx: KitContext, unitId: string, year: number): Promise<OrganizationPredicate | null> {
  return ctx.loaders.get<string, OrganizationPredicate | null>(`organizationPredicate:${year}`, async (ids) => {
    const rows: Array<{ unit_id: string; predicate: OrganizationPredicate }> = await ctx.dataSource.query(
      'SELECT unit_id::text, predicate FROM organization_predicate WHERE year = $1 AND unit_id::text = ANY($2)', [year, [...ids]],
    );
    const byUnit = new Map(rows.map((r) => [r.unit_id, r.predicate]));
    return ids.map((id) => byUnit.get(id) ?? null);
  }).load(unitId);
}

interface UnitRow { id: string; status: string; predicate: Predicate | null; evaluator_id: string }

/** The annual evaluations of a unit and its sub-units for a year, superseded ones left out. */
async function annualRows(ctx: KitContext, unitIds: string[], year: number): Promise<UnitRow[]> {
  return ctx.dataSource.query(
    `SELECT e.id::text AS id, e.status, e.predicate, e.evaluator_id::text AS evaluator_id
       FROM evaluation e JOIN evaluation_cycle c ON c.id = e.cycle_id
      WHERE c.year = $1 AND c.period_type = $2 AND e.unit_id = ANY($3::uuid[]) AND e.status <> 'SUPERSEDED'`,
    [year, PeriodType.ANNUAL, unitIds],
  );
}

/**
 * A unit's distribution for a year. `including`: the id of one of its DRAFT annual evaluations to
 * count as if it were completed with its current predicate (the preview rateEvaluation stores,
 * computePredicate over the saved ratings); any other id, or a DRAFT without a predicate yet,
 * assumes nothing.
 */
export async function computeUnitDistribution(
  ctx: KitContext, unitId: string, year: number, including: string | null = null,
): Promise<{ distribution: Distribution; evaluatorIds: Set<string> } | null> {
  const tree = await unitMembers(ctx, unitId, true);
  if (!tree) return null;
  const [rows, org] = await Promise.all([annualRows(ctx, tree.subtreeIds, year), organizationPredicateOf(ctx, unitId, year)]);
  const completed = rows.filter((r) => r.status === 'COMPLETED' && r.predicate).map((r) => r.predicate as Predicate);
  const inProgress = rows.filter((r) => r.status === 'DRAFT').length;
  const assumed = (including && rows.find((r) => r.id === including && r.status === EvaluationStatus.DRAFT)?.predicate) || null;
  return { distribution: distributionAssuming(org, completed, inProgress, assumed), evaluatorIds: new Set(rows.map((r) => r.evaluator_id)) };
}

/**
 * OrganizationUnit.predicateDistribution: the unit head, the unit's evaluators, ADMIN and ANALYST.
 * With `including`, the caller must also be one who rates that evaluation (domain/access.ts,
 * ratesEvaluation: its evaluator or ADMIN), or FORBIDDEN; an unknown one is NOT_FOUND. One that is
 * not a DRAFT annual evaluation of the year in the unit's tree is not assumed (`assumed` says what was).
 */
export async function readUnitDistribution(ctx: KitContext, unitId: string, year: number, including: string | null = null): Promise<Distribution & { year: number }> {
  const caller = requireUser(ctx);
  const admin = hasRole(ctx, 'ADMIN');
  const analyst = hasRole(ctx, 'ANALYST');
  const result = await computeUnitDistribution(ctx, unitId, year, including);
  const allowed = mayReadDistribution({
    admin, analyst,
    unitHead: !admin && !analyst && (await headsUnit(ctx, unitId)),
    evaluator: !!result?.evaluatorIds.has(caller),
  });
  if (!allowed) throw new Forbidden('Only the unit head, the unit\'s evaluators, ADMIN and ANALYST read a unit\'s predicate distribution');
  if (including !== null) {
    const evaluation = await loadById(ctx, EvaluationRow, including);
    if (!evaluation) throw new NotFound('Evaluation', including);
    const refusal = ratesEvaluation({ admin, evaluator: evaluation.evaluatorId === caller });
    if (refusal !== null) throw new Forbidden(`including: ${refusal}, so only they see the distribution as if it were completed`);
  }
  if (!result) throw new NotFound('OrganizationUnit', unitId);
  checkYear(year);
  return { ...result.distribution, year };
}

export interface UnitCurveWarning extends CurveWarning {
  unitId: string;
  year: number;
  organizationPredicate: OrganizationPredicate;
}

/**
 * The curve's warnings once this annual evaluation counts (CONTRACT.md: completeEvaluation answers
 * with them in extensions.curveWarnings, never blocking): for the employee's unit and each unit
 * above it that has an organisation predicate for the year.
 */
export async function curveWarningsFor(ctx: KitContext, evaluation: EvaluationRow, cycle: { year: number; periodType: PeriodType }): Promise<UnitCurveWarning[]> {
  if (cycle.periodType !== PeriodType.ANNUAL) return [];
  const profile = await accessProfile(ctx, evaluation.employeeId);
  const units = [...new Set([evaluation.unitId, ...(profile?.unitPath ?? [])])];
  const withPredicate = (await Promise.all(units.map(async (u) => [u, await organizationPredicateOf(ctx, u, cycle.year)] as const)))
    .filter((x): x is readonly [string, OrganizationPredicate] => x[1] !== null);
  const out: UnitCurveWarning[] = [];
  for (const [unitId, org] of withPredicate) {
    const result = await computeUnitDistribution(ctx, unitId, cycle.year);
    for (const w of result?.distribution.warnings ?? []) out.push({ ...w, unitId, year: cycle.year, organizationPredicate: org });
  }
  return out;
}
