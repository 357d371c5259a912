import { EvaluationStatus, ObjectionStatus } from '../../src/domain/enums';
import {
  correctionRefusal, decisionRefusal, filingRefusal, objectionDeadline, objectionRole, regencyDate, statementRefusal,
  type FilingFacts, type ObjectionParties,
} from '../../src/domain/review';

describe('the objection window (PP 30/2019 art. 59: 14 days, Asia/Jakarta dates)', () => {
  it.each([
    ['2026-01-05T03:00:00Z', '2026-01-19'], // 10:00 WIB on 5 January
    ['2026-01-05T16:59:59Z', '2026-01-19'], // 23:59:59 WIB, still 5 January
    ['2026-01-05T17:00:00Z', '2026-01-20'], // midnight WIB: already 6 January in Muara Bungo
    ['2026-02-20T01:00:00Z', '2026-03-06'], // across the end of February
    ['2028-02-20T01:00:00Z', '2028-03-05'], // a leap year
    ['2026-12-25T05:00:00Z', '2027-01-08'], // across the year
  ])('completed at %s: the deadline is %s', (completedAt, deadline) => {
    expect(objectionDeadline(new Date(completedAt))).toBe(deadline);
  });

  it('reads the regency date in Western Indonesia Time', () => {
    expect(regencyDate(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
    expect(regencyDate(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
  });

  const completedAt = new Date('2026-01-05T03:00:00Z');
  const filing = (f: Partial<FilingFacts>): FilingFacts => ({
    self: true, status: EvaluationStatus.COMPLETED, completedAt, hasObjection: false, reviewFinal: false, now: new Date('2026-01-06T03:00:00Z'), ...f,
  });

  it.each([
    ['on the day of completion', '2026-01-05T09:00:00Z', null],
    ['on day 14, late evening in Jakarta', '2026-01-19T16:59:00Z', null],
    ['on day 15, just after midnight in Jakarta', '2026-01-19T17:00:00Z', 'OBJECTION_WINDOW_CLOSED'],
    ['a month later', '2026-02-05T03:00:00Z', 'OBJECTION_WINDOW_CLOSED'],
  ])('filing %s: %s', (_when, now, reason) => {
    const r = filingRefusal(filing({ now: new Date(now) }));
    expect(r?.reason ?? null).toBe(reason);
    if (r) expect(r.message).toContain('2026-01-19');
  });

  it.each<[string, Partial<FilingFacts>, string | null, string | null]>([
    ['the employee, in time', {}, null, null],
    ['someone else (even their supervisor or ADMIN)', { self: false }, 'FORBIDDEN', 'NOT_THE_EMPLOYEE'],
    ['on a DRAFT', { status: EvaluationStatus.DRAFT, completedAt: null }, 'CONFLICT', 'NOT_COMPLETED'],
    ['on a SUPERSEDED evaluation', { status: EvaluationStatus.SUPERSEDED }, 'CONFLICT', 'SUPERSEDED'],
    ['a second time', { hasObjection: true }, 'CONFLICT', 'ALREADY_OBJECTED'],
    ['on the evaluation an objection decision created', { reviewFinal: true }, 'CONFLICT', 'DECISION_FINAL'],
    ['someone else on a superseded one: refused as not theirs first', { self: false, status: EvaluationStatus.SUPERSEDED }, 'FORBIDDEN', 'NOT_THE_EMPLOYEE'],
  ])('filing by %s', (_who, facts, code, reason) => {
    const r = filingRefusal(filing(facts));
    expect(r ? [r.code, r.reason] : [null, null]).toEqual([code, reason]);
  });
});

describe('who speaks and who decides', () => {
  const supervisorReview: ObjectionParties = { employeeId: 'E', evaluatorId: 'V', reviewerId: 'R', reviewerKind: 'EVALUATOR_SUPERVISOR' };
  const bkpsdmReview: ObjectionParties = { employeeId: 'E', evaluatorId: 'V', reviewerId: 'H', reviewerKind: 'BKPSDM' };
  const who = (id: string, admin = false) => ({ id, admin });

  it.each([
    [supervisorReview, who('E'), 'EMPLOYEE'],
    [supervisorReview, who('V'), 'EVALUATOR'],
    [supervisorReview, who('R'), 'REVIEWER'],
    [supervisorReview, who('X', true), null], // ADMIN is not the reviewer where the evaluator has a supervisor
    [supervisorReview, who('X'), null],
    [bkpsdmReview, who('H'), 'REVIEWER'],
    [bkpsdmReview, who('X', true), 'REVIEWER'], // ADMIN stands for BKPSDM
    [bkpsdmReview, who('E', true), 'EMPLOYEE'], // an ADMIN who objects stays the employee, never their own reviewer
  ])('%o, caller %o: %s', (parties, caller, role) => {
    expect(objectionRole(parties, caller)).toBe(role);
  });

  it.each([
    [who('E'), ObjectionStatus.FILED, null],
    [who('V'), ObjectionStatus.FILED, null],
    [who('R'), ObjectionStatus.FILED, null],
    [who('X', true), ObjectionStatus.FILED, 'NOT_A_PARTY'],
    [who('E'), ObjectionStatus.CHANGED, 'DECIDED'],
    [who('R'), ObjectionStatus.UPHELD, 'DECIDED'],
  ])('a statement by %o on a %s objection: %s', (caller, status, reason) => {
    expect(statementRefusal(supervisorReview, caller, status)?.reason ?? null).toBe(reason);
  });

  it.each([
    [supervisorReview, who('R'), ObjectionStatus.FILED, null],
    [supervisorReview, who('E'), ObjectionStatus.FILED, 'NOT_THE_REVIEWER'],
    [supervisorReview, who('V'), ObjectionStatus.FILED, 'NOT_THE_REVIEWER'],
    [supervisorReview, who('X', true), ObjectionStatus.FILED, 'NOT_THE_REVIEWER'],
    [supervisorReview, who('R'), ObjectionStatus.UPHELD, 'DECIDED'],
    [bkpsdmReview, who('X', true), ObjectionStatus.FILED, null],
    [bkpsdmReview, who('H'), ObjectionStatus.FILED, null],
    [bkpsdmReview, who('V'), ObjectionStatus.FILED, 'NOT_THE_REVIEWER'],
    [bkpsdmReview, who('H'), ObjectionStatus.CHANGED, 'DECIDED'],
  ])('deciding %o by %o when %s: %s', (parties, caller, status, reason) => {
    expect(decisionRefusal(parties, caller, status)?.reason ?? null).toBe(reason);
  });

  it('names BKPSDM in the refusal where BKPSDM reviews', () => {
    expect(decisionRefusal(bkpsdmReview, who('V'), ObjectionStatus.FILED)?.message).toMatch(/BKPSDM/);
  });
});

describe('the ADMIN correction', () => {
  it.each([
    [{ admin: true, status: EvaluationStatus.COMPLETED, objectionPending: false }, null],
    [{ admin: false, status: EvaluationStatus.COMPLETED, objectionPending: false }, 'NOT_ADMIN'],
    [{ admin: false, status: EvaluationStatus.DRAFT, objectionPending: false }, 'NOT_ADMIN'],
    [{ admin: true, status: EvaluationStatus.DRAFT, objectionPending: false }, 'NOT_COMPLETED'],
    [{ admin: true, status: EvaluationStatus.SUPERSEDED, objectionPending: false }, 'SUPERSEDED'],
    [{ admin: true, status: EvaluationStatus.COMPLETED, objectionPending: true }, 'OBJECTION_PENDING'],
  ])('%o: %s', (facts, reason) => {
    expect(correctionRefusal(facts)?.reason ?? null).toBe(reason);
  });
});
