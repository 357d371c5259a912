import { EnrollmentStatus as S } from '../../src/domain/enums';
import { completionDate, enrollmentProblem, nextStatus, type EnrollmentAction, type EnrollmentCheck } from '../../src/domain/enrollment-flow';

const activity = { startsOn: '2026-03-09', endsOn: '2026-03-11' };
const BEFORE = '2026-03-01';
const DURING = '2026-03-10';
const AFTER = '2026-04-01';

describe('nextStatus', () => {
  const cases: Array<[EnrollmentAction, S, string, S | RegExp]> = [
    ['ATTEND', S.ENROLLED, DURING, S.ATTENDED],
    ['NO_SHOW', S.ENROLLED, AFTER, S.NO_SHOW],
    ['ATTEND', S.NO_SHOW, AFTER, S.ATTENDED], // correction before completion
    ['ATTEND', S.ENROLLED, BEFORE, /attendance is recorded once it has started/],
    ['ATTEND', S.COMPLETED, AFTER, /is COMPLETED/],
    ['ATTEND', S.CANCELLED, AFTER, /is CANCELLED/],
    ['COMPLETE', S.ATTENDED, AFTER, S.COMPLETED],
    ['COMPLETE', S.ENROLLED, AFTER, /record attendance first/],
    ['COMPLETE', S.NO_SHOW, AFTER, /is NO_SHOW/],
    ['COMPLETE', S.CANCELLED, AFTER, /is CANCELLED/],
    ['COMPLETE', S.COMPLETED, AFTER, /is COMPLETED/],
    ['CANCEL', S.ENROLLED, BEFORE, S.CANCELLED],
    ['CANCEL', S.ENROLLED, activity.startsOn, /only before it starts/],
    ['CANCEL', S.ENROLLED, DURING, /only before it starts/],
    ['CANCEL', S.ATTENDED, AFTER, /is ATTENDED/],
    ['CANCEL', S.CANCELLED, BEFORE, /is CANCELLED/],
  ];
  it.each(cases)('%s from %s on %s', (action, from, today, expected) => {
    const r = nextStatus(action, from, activity, today);
    if (typeof expected === 'string') expect(r).toEqual({ ok: true, status: expected });
    else expect(r.ok ? r.status : r.rule).toMatch(expected);
  });
});

describe('enrollmentProblem', () => {
  const ok: EnrollmentCheck = { today: DURING, endsOn: activity.endsOn, capacity: 2, taken: 1, alreadyEnrolled: false };
  const cases: Array<[string, Partial<EnrollmentCheck>, RegExp | null]> = [
    ['a free seat during the activity', {}, null],
    ['on the last day', { today: activity.endsOn }, null],
    ['after the activity ended', { today: AFTER }, /ended on 2026-03-11/],
    ['the last seat taken', { taken: 2 }, /full: all 2 seats/],
    ['no limit', { capacity: null, taken: 500 }, null],
    ['twice for the same person', { alreadyEnrolled: true }, /already enrolled/],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    const r = enrollmentProblem({ ...ok, ...change });
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });
});

describe('completionDate', () => {
  const cases: Array<[string, string | null, string, string | RegExp]> = [
    ['defaults to the last day when recorded later', null, AFTER, activity.endsOn],
    ['defaults to today when recorded before the end', null, DURING, DURING],
    ['keeps a date given within the activity', '2026-03-10', AFTER, '2026-03-10'],
    ['refuses a date before the start', '2026-03-08', AFTER, /on or after the activity's start/],
    ['refuses a future date', '2026-04-02', AFTER, /must not be in the future/],
  ];
  it.each(cases)('%s', (_name, requested, today, expected) => {
    const r = completionDate(requested, activity, today);
    if (typeof expected === 'string') expect(r).toEqual({ ok: true, date: expected });
    else expect(r.ok ? r.date : r.rule).toMatch(expected);
  });
});
