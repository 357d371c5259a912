import { evaluationAccess, feedbackSourceRefusal, feedbackView, type ViewerFacts } from '../../src/domain/access';
import { cycleProblems } from '../../src/domain/cycle';
import { FeedbackSource, PeriodType } from '../../src/domain/enums';
import { windowsAt } from '../../src/rate-limit';

const none: ViewerFacts = { admin: false, analyst: false, self: false, evaluator: false, supervisor: false, unitHead: false, sameUnit: false, directSubordinate: false };
const as = (f: Partial<ViewerFacts>): ViewerFacts => ({ ...none, ...f });

describe('who may give feedback from which source', () => {
  it.each([
    [FeedbackSource.SELF, as({ self: true }), null],
    [FeedbackSource.SELF, as({ sameUnit: true }), /only by the evaluated employee/],
    [FeedbackSource.PEER, as({ sameUnit: true }), null],
    [FeedbackSource.PEER, as({ self: true }), /cannot be about yourself/],
    [FeedbackSource.PEER, as({ supervisor: true }), /same unit/],
    [FeedbackSource.SUBORDINATE, as({ directSubordinate: true }), null],
    [FeedbackSource.SUBORDINATE, as({ sameUnit: true }), /direct subordinate/],
    [FeedbackSource.SUPERVISOR, as({ supervisor: true }), null],
    [FeedbackSource.SUPERVISOR, as({ admin: true, unitHead: false }), /supervisor chain/],
    [FeedbackSource.PUBLIC, as({ admin: true }), /submitPublicFeedback/],
  ])('%s by %o: %s', (source, facts, refusal) => {
    const r = feedbackSourceRefusal(source, facts);
    if (refusal === null) expect(r).toBeNull();
    else expect(r).toMatch(refusal);
  });
});

describe('what a reader sees of an evaluation', () => {
  it.each([
    [as({ self: true, admin: true }), 'SELF'],
    [as({ admin: true }), 'FULL'],
    [as({ evaluator: true }), 'FULL'],
    [as({ supervisor: true }), 'FULL'],
    [as({ unitHead: true }), 'FULL'],
    [as({ analyst: true }), 'ANALYST'],
    [as({ sameUnit: true }), 'PARTICIPANT'],
    [as({ directSubordinate: true }), 'PARTICIPANT'],
    [none, 'NONE'],
  ])('%o reads as %s', (facts, access) => {
    expect(evaluationAccess(facts)).toBe(access);
  });

  it('never shows the evaluated employee who wrote PEER, SUBORDINATE or PUBLIC feedback', () => {
    for (const s of [FeedbackSource.PEER, FeedbackSource.SUBORDINATE, FeedbackSource.PUBLIC]) {
      expect(feedbackView('SELF', s, false)).toEqual({ visible: true, showAuthor: false, showComment: true });
    }
    expect(feedbackView('SELF', FeedbackSource.SUPERVISOR, false).showAuthor).toBe(true);
    expect(feedbackView('SELF', FeedbackSource.SELF, true).showAuthor).toBe(true);
  });

  it('shows supervisors and ADMIN the authors of PEER and SUBORDINATE feedback, never of PUBLIC', () => {
    expect(feedbackView('FULL', FeedbackSource.PEER, false).showAuthor).toBe(true);
    expect(feedbackView('FULL', FeedbackSource.SUBORDINATE, false).showAuthor).toBe(true);
    expect(feedbackView('FULL', FeedbackSource.PUBLIC, false).showAuthor).toBe(false);
  });

  it('gives analysts scores without comments or authors, and colleagues only their own feedback', () => {
    expect(feedbackView('ANALYST', FeedbackSource.PEER, false)).toEqual({ visible: true, showAuthor: false, showComment: false });
    expect(feedbackView('PARTICIPANT', FeedbackSource.PEER, false).visible).toBe(false);
    expect(feedbackView('PARTICIPANT', FeedbackSource.PEER, true)).toEqual({ visible: true, showAuthor: true, showComment: true });
  });
});

describe('cycle periods', () => {
  const base = { name: 'Penilaian', year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31' };
  it.each([
    [PeriodType.ANNUAL, null, []],
    [PeriodType.ANNUAL, 1, ['period']],
    [PeriodType.MONTHLY, 12, []],
    [PeriodType.MONTHLY, 13, ['period']],
    [PeriodType.MONTHLY, null, ['period']],
    [PeriodType.QUARTERLY, 4, []],
    [PeriodType.QUARTERLY, 5, ['period']],
    [PeriodType.QUARTERLY, 0, ['period']],
  ])('%s with period %s', (periodType, period, fields) => {
    expect(cycleProblems({ ...base, periodType, period }).map((p) => p.field)).toEqual(fields);
  });

  it('refuses a cycle that closes before it opens', () => {
    expect(cycleProblems({ ...base, periodType: PeriodType.ANNUAL, closesOn: '2025-12-31' })).toEqual([{ field: 'closesOn', rule: 'must be on or after opensOn' }]);
  });
});

describe('public feedback windows', () => {
  it('uses the UTC minute and the UTC day the moment falls in', () => {
    const [minute, day] = windowsAt(new Date('2026-03-04T10:11:12.345Z'), { perMinute: 5, perDay: 50 });
    expect(minute).toMatchObject({ bucket: 'minute', limit: 5, start: new Date('2026-03-04T10:11:00Z'), end: new Date('2026-03-04T10:12:00Z') });
    expect(day).toMatchObject({ bucket: 'day', limit: 50, start: new Date('2026-03-04T00:00:00Z'), end: new Date('2026-03-05T00:00:00Z') });
  });
});
