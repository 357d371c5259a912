import { enqueue } from '@kinerja/events';
import type { EntityManager } from 'typeorm';
import type { PerformancePlanRow } from '../entities/performance-plan';

/** Goals' events (EVENTS.md), written to the outbox in the caller's transaction; keyed by employee. */

export function planApproved(m: EntityManager, plan: PerformancePlanRow, goals: number) {
  return enqueue(m, 'plan.approved', { planId: plan.id, employeeId: plan.employeeId, year: plan.year, goals }, { key: plan.employeeId });
}

export function realizationRecorded(
  m: EntityManager,
  e: { goalId: string; plan: PerformancePlanRow; period: string; value: number; target: number; achievement: number | null },
) {
  return enqueue(m, 'goal.realization-recorded', {
    goalId: e.goalId, planId: e.plan.id, employeeId: e.plan.employeeId, year: e.plan.year,
    period: e.period, value: e.value, target: e.target, achievement: e.achievement,
  }, { key: e.plan.employeeId });
}
