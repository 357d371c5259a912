import { addDays, addMonths } from '../../src/domain/dates';
import { ImprovementStatus } from '../../src/domain/enums';
import { isOpenPlan, reviewCheck, reviewDueOn } from '../../src/domain/improvement';

const { OPEN, IMPROVED, RETEST, TRANSFER, TEMPORARY_POST, DISCHARGE_RECOMMENDED, WITHDRAWN } = ImprovementStatus;
const due = '2027-07-15';
const base = { today: due, reviewDueOn: due, owner: false, admin: false };

describe('the improvement track (PP 30/2019 art. 56-58): who decides which step, in which order', () => {
  it.each([
    // from, outcome, owner, admin → allowed
    [OPEN, IMPROVED, true, false],
    [OPEN, RETEST, true, false],
    [RETEST, IMPROVED, true, false],
    [RETEST, TRANSFER, false, true],
    [TRANSFER, IMPROVED, true, false],
    [TRANSFER, TEMPORARY_POST, false, true],
    [TEMPORARY_POST, IMPROVED, true, false],
    [TEMPORARY_POST, DISCHARGE_RECOMMENDED, false, true],
  ])('%s → %s (owner %s, ADMIN %s)', (current, outcome, owner, admin) => {
    expect(reviewCheck({ ...base, current, outcome, owner, admin })).toEqual({ ok: true });
  });

  it.each([
    [OPEN, TRANSFER, false, true, 'BAD_INPUT', 'after OPEN the next step is IMPROVED or RETEST, not TRANSFER'],
    [OPEN, DISCHARGE_RECOMMENDED, false, true, 'BAD_INPUT', 'after OPEN the next step is IMPROVED or RETEST, not DISCHARGE_RECOMMENDED'],
    [RETEST, TEMPORARY_POST, false, true, 'BAD_INPUT', 'after RETEST the next step is IMPROVED or TRANSFER, not TEMPORARY_POST'],
    [RETEST, RETEST, true, false, 'BAD_INPUT', 'after RETEST the next step is IMPROVED or TRANSFER, not RETEST'],
    [TRANSFER, DISCHARGE_RECOMMENDED, false, true, 'BAD_INPUT', 'after TRANSFER the next step is IMPROVED or TEMPORARY_POST, not DISCHARGE_RECOMMENDED'],
    [IMPROVED, RETEST, true, false, 'BAD_INPUT', 'the plan is closed as IMPROVED'],
    [DISCHARGE_RECOMMENDED, IMPROVED, true, false, 'BAD_INPUT', 'the plan is closed as DISCHARGE_RECOMMENDED'],
    [WITHDRAWN, IMPROVED, true, false, 'BAD_INPUT', 'the plan is closed as WITHDRAWN'],
    [OPEN, IMPROVED, false, true, 'FORBIDDEN', 'only the plan\'s owner (the direct supervisor) decides IMPROVED'],
    [OPEN, RETEST, false, false, 'FORBIDDEN', 'only the plan\'s owner (the direct supervisor) decides RETEST'],
    [RETEST, TRANSFER, true, false, 'FORBIDDEN', 'only ADMIN (BKPSDM) decides TRANSFER'],
    [TRANSFER, TEMPORARY_POST, true, false, 'FORBIDDEN', 'only ADMIN (BKPSDM) decides TEMPORARY_POST'],
    [TEMPORARY_POST, DISCHARGE_RECOMMENDED, true, false, 'FORBIDDEN', 'only ADMIN (BKPSDM) decides DISCHARGE_RECOMMENDED'],
    [OPEN, OPEN, true, true, 'BAD_INPUT', 'OPEN is not a review outcome; choose IMPROVED or RETEST first'],
    [OPEN, WITHDRAWN, true, true, 'BAD_INPUT', 'WITHDRAWN is not a review outcome; choose IMPROVED or RETEST first'],
  ] as Array<[ImprovementStatus, ImprovementStatus, boolean, boolean, string, string]>)('%s → %s (owner %s, ADMIN %s) refused: %s', (current, outcome, owner, admin, kind, rule) => {
    expect(reviewCheck({ ...base, current, outcome, owner, admin })).toEqual({ ok: false, kind, field: 'outcome', rule });
  });

  it('refuses a review a day before the due date, naming the date, and allows it on the day', () => {
    expect(reviewCheck({ ...base, current: OPEN, outcome: IMPROVED, owner: true, today: addDays(due, -1) })).toEqual({
      ok: false, kind: 'BAD_INPUT', field: 'outcome',
      rule: 'the review is due on 2027-07-15 (6 months after the plan opened, PP 30/2019 art. 56); it cannot be decided before then',
    });
    expect(reviewCheck({ ...base, current: OPEN, outcome: IMPROVED, owner: true, today: due }).ok).toBe(true);
    expect(reviewCheck({ ...base, current: RETEST, outcome: TRANSFER, admin: true, today: addDays(due, -1) }).ok).toBe(false);
  });

  it.each([
    ['2027-01-15', '2027-07-15'], ['2026-08-31', '2027-02-28'], ['2027-08-31', '2028-02-29'], ['2026-12-01', '2027-06-01'],
  ])('a plan opened on %s is reviewed from %s', (opens, dueOn) => {
    expect(reviewDueOn(opens)).toBe(dueOn);
  });

  it.each([[OPEN, true], [RETEST, true], [TRANSFER, true], [TEMPORARY_POST, true], [IMPROVED, false], [DISCHARGE_RECOMMENDED, false], [WITHDRAWN, false]])(
    '%s is open: %s', (status, open) => { expect(isOpenPlan(status)).toBe(open); });

  it('adds months and days across year ends', () => {
    expect(addMonths('2026-11-01', 9)).toBe('2027-08-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});
