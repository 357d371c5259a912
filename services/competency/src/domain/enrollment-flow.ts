import { EnrollmentStatus } from './enums';

/**
 * The enrollment status flow (DOMAIN.md, "Competency development"): ENROLLED → ATTENDED or NO_SHOW → COMPLETED (only after
 * attending), or CANCELLED before the activity starts. Hours are credited on COMPLETED only
 * (DOMAIN.md, "Competency development").
 */
export type EnrollmentAction = 'ATTEND' | 'NO_SHOW' | 'COMPLETE' | 'CANCEL';

export interface ActivityDates {
  startsOn: string;
  endsOn: string;
}

export type TransitionResult = { ok: true; status: EnrollmentStatus } | { ok: false; rule: string };

// Attendance may be corrected (ATTENDED ↔ NO_SHOW) until completion is recorded.
const FROM: Record<EnrollmentAction, EnrollmentStatus[]> = {
  ATTEND: [EnrollmentStatus.ENROLLED, EnrollmentStatus.ATTENDED, EnrollmentStatus.NO_SHOW],
  NO_SHOW: [EnrollmentStatus.ENROLLED, EnrollmentStatus.ATTENDED, EnrollmentStatus.NO_SHOW],
  COMPLETE: [EnrollmentStatus.ATTENDED],
  CANCEL: [EnrollmentStatus.ENROLLED],
};

const TO: Record<EnrollmentAction, EnrollmentStatus> = {
  ATTEND: EnrollmentStatus.ATTENDED,
  NO_SHOW: EnrollmentStatus.NO_SHOW,
  COMPLETE: EnrollmentStatus.COMPLETED,
  CANCEL: EnrollmentStatus.CANCELLED,
};

const VERB: Record<EnrollmentAction, string> = {
  ATTEND: 'record attendance', NO_SHOW: 'record a no-show', COMPLETE: 'record completion', CANCEL: 'cancel',
};

/** The next status, or why the action is refused now (`today` is YYYY-MM-DD in the regency's time zone). */
export function nextStatus(action: EnrollmentAction, current: EnrollmentStatus, activity: ActivityDates, today: string): TransitionResult {
  if (!FROM[action].includes(current)) {
    const hint = action === 'COMPLETE' && current === EnrollmentStatus.ENROLLED ? ': record attendance first' : '';
    return { ok: false, rule: `the enrollment is ${current}; to ${VERB[action]} it must be ${FROM[action].join(' or ')}${hint}` };
  }
  if ((action === 'ATTEND' || action === 'NO_SHOW') && today < activity.startsOn) {
    return { ok: false, rule: `the activity starts on ${activity.startsOn}; attendance is recorded once it has started` };
  }
  if (action === 'CANCEL' && today >= activity.startsOn) {
    return { ok: false, rule: `the activity started on ${activity.startsOn}; an enrollment is cancelled only before it starts` };
  }
  return { ok: true, status: TO[action] };
}

export interface EnrollmentCheck {
  today: string;
  endsOn: string;
  capacity: number | null;
  /** Seats taken: enrollments that are not CANCELLED. */
  taken: number;
  alreadyEnrolled: boolean;
}

/** Why a new enrollment is refused, or null (checked under the activity's row lock). */
export function enrollmentProblem(c: EnrollmentCheck): string | null {
  if (c.today > c.endsOn) return `the activity ended on ${c.endsOn}; enrollment is closed`;
  if (c.alreadyEnrolled) return 'the employee is already enrolled in this activity';
  if (c.capacity !== null && c.taken >= c.capacity) return `the activity is full: all ${c.capacity} seats are taken`;
  return null;
}

export type CompletionDate = { ok: true; date: string } | { ok: false; rule: string };

/**
 * The day the learning was completed, which decides the year its hours count in. Without one given:
 * the activity's last day, or today when completion is recorded before the activity's end.
 */
export function completionDate(requested: string | null | undefined, activity: ActivityDates, today: string): CompletionDate {
  if (!requested) return { ok: true, date: activity.endsOn < today ? activity.endsOn : today };
  if (requested < activity.startsOn) return { ok: false, rule: `must be on or after the activity's start (${activity.startsOn})` };
  if (requested > today) return { ok: false, rule: `must not be in the future (today is ${today})` };
  return { ok: true, date: requested };
}
