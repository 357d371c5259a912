import { allowedColumns, type MatrixColumn } from '@kinerja/testing';
import {
  correctsEvaluations, decidesObjection, evaluatorOf, feedbackSourceFor, filesObjection, givesFeedback, keepsCycles, ratesEvaluation, speaksOnObjection, startsEvaluation,
  type ViewerFacts,
} from '../../src/domain/access';
import { FeedbackSource } from '../../src/domain/enums';

/** The matrix's evaluation: the target evaluated by the direct supervisor, whose own supervisor reviews objections. */
const ids: Partial<Record<MatrixColumn, string>> = { self: 'target', directSupervisor: 'evaluator', indirectSupervisor: 'reviewer' };
const parties = { employeeId: 'target', evaluatorId: 'evaluator', reviewerId: 'reviewer', reviewerKind: 'EVALUATOR_SUPERVISOR' as const };
const objection = (c: MatrixColumn, f: { admin: boolean }) => ({ parties, caller: { id: ids[c] ?? c, admin: f.admin } });
const viewer = (f: typeof import('@kinerja/testing').MATRIX_FACTS.self): ViewerFacts => ({
  admin: f.admin, analyst: f.analyst, self: f.self, evaluator: f.directSupervisor, supervisor: f.supervisor, unitHead: f.unitHead, sameUnit: f.sameUnit, directSubordinate: false,
});

// The evaluation rows of the authorization matrix (packages/security-tests/src/matrix.ts), rule by rule.
describe('who may write evaluations', () => {
  it.each([
    ['keepsCycles (openEvaluationCycle, closeEvaluationCycle, setOrganizationPredicate)', keepsCycles, (_c: MatrixColumn, f: { admin: boolean; analyst: boolean }) => f, ['ADMIN']],
    ['correctsEvaluations (correctEvaluation)', correctsEvaluations, (_c: MatrixColumn, f: { admin: boolean; analyst: boolean }) => f, ['ADMIN']],
    ['startsEvaluation (startEvaluation)', startsEvaluation, (c: MatrixColumn, f: { admin: boolean }) => ({ admin: f.admin, evaluator: c === 'directSupervisor' }), ['ADMIN', 'directSupervisor']],
    ['ratesEvaluation (rateEvaluation, rateGoal, completeEvaluation)', ratesEvaluation, (c: MatrixColumn, f: { admin: boolean }) => ({ admin: f.admin, evaluator: c === 'directSupervisor' }), ['ADMIN', 'directSupervisor']],
    ['givesFeedback with PEER (giveFeedback)', givesFeedback, (_c: MatrixColumn, f: never) => ({ ...viewer(f), source: FeedbackSource.PEER }), ['directSupervisor', 'indirectSupervisor', 'peer']],
    ['filesObjection (fileObjection)', filesObjection, (_c: MatrixColumn, f: { self: boolean }) => f, ['self']],
    ['speaksOnObjection (addObjectionStatement)', speaksOnObjection, objection, ['self', 'directSupervisor', 'indirectSupervisor']],
    ['decidesObjection (decideObjection)', decidesObjection, objection, ['indirectSupervisor']],
  ] as const)('%s', (_row, rule, factsOf, allowed) => {
    expect(allowedColumns(rule as never, factsOf as never)).toEqual(allowed);
  });

  it('lets ADMIN decide where BKPSDM reviews', () => {
    expect(decidesObjection({ parties: { ...parties, reviewerKind: 'BKPSDM' }, caller: { id: 'admin', admin: true } })).toBeNull();
  });

  it.each([
    [{ id: 'e', supervisorId: 's', unitHeadId: 'h', parentUnitHeadId: 'p' }, 's'],
    [{ id: 'e', supervisorId: null, unitHeadId: 'h', parentUnitHeadId: 'p' }, 'h'],
    [{ id: 'e', supervisorId: null, unitHeadId: 'e', parentUnitHeadId: 'p' }, 'p'],
    [{ id: 'e', supervisorId: null, unitHeadId: 'e', parentUnitHeadId: null }, null],
  ])('names the evaluator of %o: %s', (employee, evaluator) => {
    expect(evaluatorOf(employee)).toBe(evaluator);
  });
});

// The feedbackTargets query answers with the rule giveFeedback enforces: the first source that rule allows.
describe('feedbackSourceFor: the source a caller gives feedback as', () => {
  const none: ViewerFacts = { admin: false, analyst: false, self: false, evaluator: false, supervisor: false, unitHead: false, sameUnit: false, directSubordinate: false };
  it.each([
    ['the employee themself', { self: true, sameUnit: true }, FeedbackSource.SELF],
    ['a direct subordinate (of the same unit too)', { directSubordinate: true, sameUnit: true }, FeedbackSource.SUBORDINATE],
    ['someone in the supervisor chain', { supervisor: true, evaluator: true }, FeedbackSource.SUPERVISOR],
    ['a supervisor higher up the chain, not the evaluator', { supervisor: true }, FeedbackSource.SUPERVISOR],
    ['the evaluator when the evaluation started, no longer above the employee', { evaluator: true }, null],
    ['a colleague of the same unit', { sameUnit: true }, FeedbackSource.PEER],
    ['ADMIN of another unit', { admin: true }, null],
    ['ANALYST', { analyst: true }, null],
    ['the head of a unit above, outside the chain', { unitHead: true }, null],
    ['a stranger', {}, null],
  ] as Array<[string, Partial<ViewerFacts>, FeedbackSource | null]>)('%s: %s', (_who, facts, source) => {
    const f = { ...none, ...facts };
    expect(feedbackSourceFor(f)).toBe(source);
    if (source) expect(givesFeedback({ ...f, source })).toBeNull();
  });
});
