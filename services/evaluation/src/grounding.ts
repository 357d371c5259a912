import { BadInput, Conflict, isUuid, NotFound, recordAudit, requireUser, SAFE_TEXT, type KitContext } from '@kinerja/subgraph-kit';
import { cyclePeriod } from './domain/grounding';
import { EvaluationStatus, type Rating } from './domain/enums';
import { EvaluationCycleRow } from './entities/evaluation-cycle';
import { EvaluationRow } from './entities/evaluation';
import { GoalRatingRow } from './entities/goal-rating';
import { skpCoverage, type SkpPlan } from './goals-lookup';

/** The evaluation grounded in the SKP (DOMAIN.md, "Evaluation and the predicate"). */


/** The employee's plans overlapping the cycle's period (null when this instance runs without goals). */
export async function plansForCycle(ctx: KitContext, employeeId: string, cycle: Pick<EvaluationCycleRow, 'year' | 'periodType' | 'period'>): Promise<SkpPlan[] | null> {
  const { from, to } = cyclePeriod(cycle);
  return skpCoverage(ctx, employeeId, from, to);
}

/**
 * DOMAIN.md: an evaluation starts only for an employee with an approved plan covering the period
 * (one approved plan overlapping it: after a transfer, the year's plans each cover their part).
 */
export async function requireApprovedPlan(ctx: KitContext, employeeId: string, cycle: EvaluationCycleRow): Promise<void> {
  const plans = await plansForCycle(ctx, employeeId, cycle);
  if (plans === null) return; // no goals subgraph configured (logged at start)
  if (!plans.some((p) => p.status === 'APPROVED')) {
    const { from, to } = cyclePeriod(cycle);
    const found = plans.map((p) => `${p.periodStart}..${p.periodEnd} ${p.status}`).join(', ');
    throw new Conflict(
      `employeeId: the employee has no APPROVED performance plan (SKP) covering ${from} to ${to}${found ? ` (plans: ${found})` : ''}; the plan is approved by the direct supervisor first`,
      { reason: 'NO_APPROVED_PLAN', field: 'employeeId', messageId: 'Pegawai belum memiliki SKP yang disetujui untuk periode ini' },
    );
  }
}

/** The evaluator rates one RHK of the plans covering the cycle; a second rating replaces the first. */
export async function rateGoal(ctx: KitContext, evaluationId: string, goalId: string, rating: Rating, note: string | null | undefined): Promise<EvaluationRow> {
  const caller = requireUser(ctx);
  const known = isUuid(evaluationId) ? await ctx.dataSource.getRepository(EvaluationRow).findOneBy({ id: evaluationId }) : null;
  if (!known) throw new NotFound('Evaluation', evaluationId);
  // Who may rate is its guard's (domain/access.ts, ratesEvaluation).
  const text = note?.trim() || null;
  if (text && text.length > 2000) throw new BadInput('note', 'must be at most 2000 characters');
  if (text && !SAFE_TEXT.test(text)) throw new BadInput('note', 'must not contain control characters other than line breaks and tabs');
  const cycle = await ctx.dataSource.getRepository(EvaluationCycleRow).findOneByOrFail({ id: known.cycleId });
  const plans = await plansForCycle(ctx, known.employeeId, cycle);
  if (plans === null) throw new Conflict('this evaluation service runs without the goals subgraph: RHK cannot be rated', { reason: 'NO_GOALS_SERVICE' });
  const goal = plans.filter((p) => p.status === 'APPROVED').flatMap((p) => p.goals).find((g) => g.id === goalId);
  if (!goal) throw new BadInput('goalId', 'must be an RHK of the employee\'s approved plan covering this evaluation\'s period', 'RHK tidak termasuk SKP yang dinilai');
  return ctx.dataSource.transaction(async (m) => {
    const evaluation = await m.findOne(EvaluationRow, { where: { id: evaluationId }, lock: { mode: 'pessimistic_write' } });
    if (!evaluation) throw new NotFound('Evaluation', evaluationId);
    if (evaluation.status !== EvaluationStatus.DRAFT) throw new Conflict(`this evaluation is ${evaluation.status} and read-only`, { evaluationId, messageId: 'Penilaian sudah final' });
    const before = await m.findOneBy(GoalRatingRow, { evaluationId, goalId });
    const row = await m.save(m.create(GoalRatingRow, { evaluationId, goalId, goalKind: goal.kind, rating, note: text, ratedBy: caller, ratedAt: new Date() }));
    evaluation.version += 1;
    const saved = await m.save(evaluation);
    await recordAudit(m, ctx, { entityType: 'Evaluation', entityId: evaluationId, action: 'rateGoal', before, after: row });
    return saved;
  });
}
