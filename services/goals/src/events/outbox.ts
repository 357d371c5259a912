import { enqueue } from '@kinerja/events';
import type { EntityManager } from 'typeorm';
import type { GoalRow } from '../entities/goal';
import type { IndicatorRow } from '../entities/indicator';
import type { PerformancePlanRow } from '../entities/performance-plan';

/** Goals' events (EVENTS.md), written to the outbox in the caller's transaction; keyed by employee. */

/** plan.approved with the plan's shape (kinds, indicators, expectations) counted in the same transaction. */
export async function planApproved(m: EntityManager, plan: PerformancePlanRow) {
  const [shape] = await m.query(
    `SELECT count(*) FILTER (WHERE g.kind = 'UTAMA')::int AS utama, count(*) FILTER (WHERE g.kind = 'TAMBAHAN')::int AS tambahan,
            coalesce(sum((SELECT count(*) FROM indicator i WHERE i.goal_id = g.id)), 0)::int AS indicators,
            coalesce(sum((SELECT count(*) FROM indicator i WHERE i.goal_id = g.id AND i.qualitative)), 0)::int AS qualitative,
            (SELECT count(*) FROM behavior_expectation b WHERE b.plan_id = $1)::int AS expectations
       FROM goal g WHERE g.plan_id = $1`, [plan.id]) as Array<{ utama: number; tambahan: number; indicators: number; qualitative: number; expectations: number }>;
  const s = shape ?? { utama: 0, tambahan: 0, indicators: 0, qualitative: 0, expectations: 0 };
  return enqueue(m, 'plan.approved', {
    planId: plan.id, employeeId: plan.employeeId, year: plan.year, goals: s.utama + s.tambahan,
    periodStart: plan.periodStart, periodEnd: plan.periodEnd, utamaGoals: s.utama, tambahanGoals: s.tambahan,
    indicators: s.indicators, qualitativeIndicators: s.qualitative, behaviorExpectations: s.expectations,
    ...(plan.approvedBy ? { approvedBy: plan.approvedBy } : {}),
  }, { key: plan.employeeId });
}

export function realizationRecorded(
  m: EntityManager,
  e: {
    goal: GoalRow; indicator: IndicatorRow; plan: PerformancePlanRow; realizationId: string; period: string; value: number;
    /** The target the value was measured against (the quarter's where one is set). */
    target: number; achievement: number | null;
  },
) {
  return enqueue(m, 'goal.realization-recorded', {
    goalId: e.goal.id, planId: e.plan.id, employeeId: e.plan.employeeId, year: e.plan.year,
    period: e.period, value: e.value, target: e.target, achievement: e.achievement,
    realizationId: e.realizationId, indicatorId: e.indicator.id, aspect: e.indicator.aspect, goalKind: e.goal.kind,
    ...(e.indicator.unitOfMeasure ? { unitOfMeasure: e.indicator.unitOfMeasure } : {}),
    ...(e.indicator.direction ? { direction: e.indicator.direction } : {}),
    ...(e.indicator.target !== null ? { annualTarget: e.indicator.target } : {}),
  }, { key: e.plan.employeeId });
}
