import { enqueue } from '@kinerja/events';
import type { EntityManager } from 'typeorm';
import type { EnrollmentRow } from '../entities/enrollment';
import type { LearningActivityRow } from '../entities/learning-activity';

/** kinerja.learning.completed.v1 (EVENTS.md), written in the transaction that completes the enrollment. */
export function learningCompleted(m: EntityManager, enrollment: EnrollmentRow, activity: LearningActivityRow, participatingUnitIds: string[]) {
  return enqueue(m, 'learning.completed', {
    enrollmentId: enrollment.id,
    activityId: activity.id,
    employeeId: enrollment.employeeId,
    kind: activity.kind,
    hours: enrollment.creditedHours as number,
    completedOn: enrollment.completedOn as string,
    participatingUnitIds,
  }, { key: enrollment.employeeId });
}
