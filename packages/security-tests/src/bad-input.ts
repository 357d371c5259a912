import type { Fixture, Relation } from './matrix';

/**
 * The bad-input table (CONTRACT.md, errors): for each mutation a valid call and the kind of every argument;
 * test/bad-input.test.ts swaps one argument at a time for each malformed value of its kind and
 * expects a contract error, no 500, no stack trace or SQL, and no row written.
 */
export type Kind = 'text' | 'name' | 'code' | 'id' | 'int' | 'year' | 'float' | 'date' | 'enum' | 'nip' | 'period' | 'json' | 'url' | 'bool';

const ZERO = '00000000-0000-0000-0000-000000000000';
export const BAD: Record<Kind, (fx: Fixture) => unknown[]> = {
  text: () => ['', '   ', 'x'.repeat(5001), 'tab\u0000nul\u0007bell', 12345, null, ['list']],
  name: () => ['', '\u0000\u0001\u0002', 'x'.repeat(1001), 12345, null],
  code: () => ['', 'lower case', '😀🎉', "X'; DROP TABLE competency; --", '<script>alert(1)</script>', 'X'.repeat(300), 42],
  // Ids of the wrong entity type: a sanction's and an evaluation's id where something else is due.
  id: (f) => ['', 'not-a-uuid', "1' OR '1'='1", ZERO, f.ids.sanction, f.ids.completedEvaluation, 7, null],
  int: () => [-1, 2147483648, 'ten', 1.5, null],
  year: () => [-2026, 0, 1899, 99999, '2026', null],
  float: () => [-1, 1e300, -1e300, 'abc', null],
  date: () => ['2026-02-30', '2026-13-01', '26-01-01', 'yesterday', '', '2026-02-29T00:00:00Z', 12],
  enum: () => ['NOT_A_VALUE', '', 3, "'; DROP TABLE x; --"],
  nip: () => ['', '123', '199001012020121001999', '19900101202012100A', '😀', "' OR 1=1 --", '199013452020121001'],
  period: () => ['2026-13', '2026-Q5', '', 'Q1-2026', '<script>', '2026-00', '1800-01'],
  json: () => ['', '{', '[]', 'null', '<script>alert(1)</script>', '{"allowance": "DROP TABLE reward_policy"}', '{"x":1e999}'],
  url: () => ['javascript:alert(1)', 'not a url', 'x'.repeat(3000), 'ftp://\u0000'],
  bool: () => ['yes', 1, null],
};

export interface BadInputRow {
  op: string;
  as: Relation;
  doc: string;
  base: (fx: Fixture) => Record<string, unknown>;
  /** Argument path (dots into input objects) → kind. */
  args: Record<string, Kind>;
}

const goal = { title: 'Valid title', indicator: 'Valid indicator', unitOfMeasure: 'dokumen', target: 5, direction: 'HIGHER_IS_BETTER' };

export const BAD_INPUT: BadInputRow[] = [
  {
    op: 'createOrganizationUnit', as: 'ADMIN', doc: 'mutation($i: CreateOrganizationUnitInput!) { createOrganizationUnit(input: $i) { id } }',
    base: (f) => ({ i: { code: 'BAD-INPUT-UNIT', name: 'Unit', kind: 'BIDANG', parentId: f.ids.disdik } }),
    args: { 'i.code': 'code', 'i.name': 'name', 'i.kind': 'enum', 'i.parentId': 'id' },
  },
  {
    op: 'registerEmployee', as: 'ADMIN', doc: 'mutation($i: RegisterEmployeeInput!) { registerEmployee(input: $i) { id } }',
    base: (f) => ({ i: { nip: '199001012020121001', name: 'Valid Name', gender: 'MALE', birthDate: '1990-01-01', employmentType: 'PNS', grade: 'III_A', positionTitle: 'Analis', positionKind: 'PELAKSANA', unitId: f.ids.sd, supervisorId: f.ids.directSupervisor } }),
    args: { 'i.nip': 'nip', 'i.name': 'name', 'i.gender': 'enum', 'i.birthDate': 'date', 'i.unitId': 'id', 'i.supervisorId': 'id', 'i.grade': 'enum', 'i.positionTitle': 'name', 'i.pppkGrade': 'enum' },
  },
  {
    op: 'registerEmployee', as: 'ADMIN', doc: 'mutation($i: RegisterEmployeeInput!) { registerEmployee(input: $i) { id } }',
    base: (f) => ({ i: {
      nip: '198902252024211013', name: 'Valid PPPK', gender: 'MALE', birthDate: '1989-02-25', employmentType: 'PPPK', pppkGrade: 'IX', positionTitle: 'Guru',
      positionKind: 'FUNGSIONAL', unitId: f.ids.sd, contract: { number: 'BAD-INPUT/PK/2024', startsOn: '2024-01-01', endsOn: '2028-12-31' },
    } }),
    args: { 'i.nip': 'nip', 'i.pppkGrade': 'enum', 'i.contract.number': 'name', 'i.contract.startsOn': 'date', 'i.contract.endsOn': 'date' },
  },
  {
    op: 'renewContract', as: 'ADMIN', doc: 'mutation($e: ID!, $end: Date!, $n: String!, $r: String!) { renewContract(employeeId: $e, endsOn: $end, number: $n, reason: $r) { id } }',
    base: (f) => ({ e: f.ids.pppk, end: f.ids.pppkRenewEnd, n: 'BAD-INPUT/PK/RENEW', r: 'Predikat BAIK; formasi masih dibutuhkan' }),
    args: { e: 'id', end: 'date', n: 'name', r: 'text' },
  },
  {
    op: 'endContract', as: 'ADMIN', doc: 'mutation($e: ID!, $end: Date!, $r: String!) { endContract(employeeId: $e, endsOn: $end, reason: $r) { id } }',
    base: (f) => ({ e: f.ids.pppk, end: f.ids.pppkContractEnd, r: 'Tidak diperpanjang: formasi dihapus' }),
    args: { e: 'id', end: 'date', r: 'text' },
  },
  {
    op: 'updateEmployee', as: 'ADMIN', doc: 'mutation($id: ID!, $i: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $i) { id } }',
    base: (f) => ({ id: f.target.id, i: { name: 'Renamed' } }),
    args: { id: 'id', 'i.name': 'name', 'i.birthDate': 'date', 'i.nip': 'nip', 'i.expectedVersion': 'int' },
  },
  {
    op: 'transferEmployee', as: 'ADMIN', doc: 'mutation($id: ID!, $u: ID!, $s: ID) { transferEmployee(id: $id, unitId: $u, supervisorId: $s) { id } }',
    base: (f) => ({ id: f.ids.transferee, u: f.ids.sd, s: f.ids.directSupervisor }), args: { id: 'id', u: 'id', s: 'id' },
  },
  {
    op: 'requestSupervisorCorrection', as: 'self', doc: 'mutation($i: SupervisorCorrectionInput!) { requestSupervisorCorrection(input: $i) { id } }',
    base: (f) => ({ i: { note: 'Atasan saya sudah pindah unit', proposedSupervisorId: f.ids.indirectSupervisor } }), args: { 'i.note': 'text', 'i.proposedSupervisorId': 'id' },
  },
  {
    op: 'resolveSupervisorCorrection', as: 'ADMIN', doc: 'mutation($id: ID!, $d: SupervisorCorrectionDecision!, $n: String) { resolveSupervisorCorrection(id: $id, decision: $d, note: $n) { id } }',
    base: () => ({ id: '00000000-0000-4000-8000-000000000000', d: 'REJECTED', n: 'Data sudah sesuai SK' }), args: { id: 'id', d: 'enum', n: 'text' },
  },
  {
    op: 'grantRole', as: 'ADMIN', doc: 'mutation($id: ID!, $r: Role!) { grantRole(employeeId: $id, role: $r) { id } }',
    base: (f) => ({ id: f.target.id, r: 'ANALYST' }), args: { id: 'id', r: 'enum' },
  },
  {
    op: 'revokeRole', as: 'ADMIN', doc: 'mutation($id: ID!, $r: Role!) { revokeRole(employeeId: $id, role: $r) { id } }',
    base: (f) => ({ id: f.target.id, r: 'ANALYST' }), args: { id: 'id', r: 'enum' },
  },
  {
    op: 'setUnitHead', as: 'ADMIN', doc: 'mutation($u: ID!, $e: ID!) { setUnitHead(unitId: $u, employeeId: $e) { id } }',
    base: (f) => ({ u: f.ids.sd, e: f.ids.indirectSupervisor }), args: { u: 'id', e: 'id' },
  },
  {
    op: 'createPerformancePlan', as: 'ADMIN', doc: 'mutation($e: ID!, $y: Int!) { createPerformancePlan(employeeId: $e, year: $y) { id } }',
    base: (f) => ({ e: f.ids.peer, y: 2027 }), args: { e: 'id', y: 'year' },
  },
  {
    op: 'addGoal', as: 'self', doc: 'mutation($p: ID!, $i: GoalInput!) { addGoal(planId: $p, input: $i) { id } }',
    base: (f) => ({ p: f.ids.draftPlan, i: goal }),
    args: { p: 'id', 'i.title': 'text', 'i.indicator': 'text', 'i.unitOfMeasure': 'name', 'i.target': 'float', 'i.direction': 'enum', 'i.parentGoalId': 'id' },
  },
  {
    op: 'updateGoal', as: 'self', doc: 'mutation($id: ID!, $i: GoalInput!) { updateGoal(id: $id, input: $i) { id } }',
    base: (f) => ({ id: f.ids.draftGoal, i: goal }), args: { id: 'id', 'i.title': 'text', 'i.target': 'float' },
  },
  { op: 'removeGoal', as: 'self', doc: 'mutation($id: ID!) { removeGoal(id: $id) }', base: (f) => ({ id: f.ids.removableGoal }), args: { id: 'id' } },
  {
    op: 'submitPerformancePlan', as: 'self', doc: 'mutation($id: ID!, $v: Int!) { submitPerformancePlan(id: $id, expectedVersion: $v) { id } }',
    base: (f) => ({ id: f.ids.submitPlan, v: f.versions.submitPlan }), args: { id: 'id', v: 'int' },
  },
  {
    op: 'approvePerformancePlan', as: 'directSupervisor', doc: 'mutation($id: ID!, $v: Int!) { approvePerformancePlan(id: $id, expectedVersion: $v) { id } }',
    base: (f) => ({ id: f.ids.approvePlan, v: f.versions.approvePlan }), args: { id: 'id', v: 'int' },
  },
  {
    op: 'reopenPerformancePlan', as: 'directSupervisor', doc: 'mutation($id: ID!, $v: Int!) { reopenPerformancePlan(id: $id, expectedVersion: $v) { id } }',
    base: (f) => ({ id: f.ids.reopenPlan, v: f.versions.reopenPlan }), args: { id: 'id', v: 'int' },
  },
  {
    op: 'recordRealization', as: 'self', doc: 'mutation($g: ID!, $i: RealizationInput!) { recordRealization(goalId: $g, input: $i) { id } }',
    base: (f) => ({ g: f.ids.goal, i: { period: '2026-11', value: 3, note: 'ok', evidenceUrl: 'https://example.go.id/bukti' } }),
    args: { g: 'id', 'i.period': 'period', 'i.value': 'float', 'i.note': 'text', 'i.evidenceUrl': 'url' },
  },
  {
    op: 'addIndicator', as: 'self', doc: 'mutation($g: ID!, $i: IndicatorInput!) { addIndicator(goalId: $g, input: $i) { id } }',
    base: (f) => ({ g: f.ids.draftGoal, i: { aspect: 'WAKTU', description: 'Tepat waktu', unitOfMeasure: 'persen', target: 90, direction: 'HIGHER_IS_BETTER' } }),
    args: { g: 'id', 'i.aspect': 'enum', 'i.description': 'text', 'i.unitOfMeasure': 'name', 'i.target': 'float', 'i.direction': 'enum' },
  },
  {
    op: 'updateIndicator', as: 'self', doc: 'mutation($id: ID!, $i: IndicatorInput!) { updateIndicator(id: $id, input: $i) { id } }',
    base: (f) => ({ id: f.ids.draftIndicator, i: { aspect: 'KUANTITAS', description: 'Dokumen', unitOfMeasure: 'dokumen', target: 6, direction: 'HIGHER_IS_BETTER' } }),
    args: { id: 'id', 'i.description': 'text', 'i.target': 'float' },
  },
  { op: 'removeIndicator', as: 'self', doc: 'mutation($id: ID!) { removeIndicator(id: $id) { id } }', base: (f) => ({ id: f.ids.removableIndicator }), args: { id: 'id' } },
  {
    op: 'setPlanAttachments', as: 'self', doc: 'mutation($p: ID!, $i: PlanAttachmentsInput!) { setPlanAttachments(planId: $p, input: $i) { id } }',
    base: (f) => ({ p: f.ids.draftPlan, i: { resources: 'Laptop', accountability: 'Laporan bulanan', consequences: 'Teguran' } }),
    args: { p: 'id', 'i.resources': 'text', 'i.accountability': 'text', 'i.consequences': 'text' },
  },
  {
    op: 'setBehaviorExpectation', as: 'directSupervisor', doc: 'mutation($p: ID!, $c: CoreValue!, $e: String!) { setBehaviorExpectation(planId: $p, coreValue: $c, expectation: $e) { id } }',
    base: (f) => ({ p: f.ids.draftPlan, c: 'AKUNTABEL', e: 'Laporan tepat waktu' }), args: { p: 'id', c: 'enum', e: 'text' },
  },
  {
    op: 'returnPerformancePlan', as: 'directSupervisor', doc: 'mutation($id: ID!, $v: Int!, $n: String!) { returnPerformancePlan(id: $id, expectedVersion: $v, note: $n) { id } }',
    base: (f) => ({ id: f.ids.returnPlan, v: 999, n: 'Perbaiki target' }), args: { id: 'id', v: 'int', n: 'text' },
  },
  {
    op: 'giveRealizationFeedback', as: 'directSupervisor', doc: 'mutation($r: ID!, $f: String!) { giveRealizationFeedback(realizationId: $r, feedback: $f) { id } }',
    base: (f) => ({ r: f.ids.realization, f: 'Lengkapi bukti' }), args: { r: 'id', f: 'text' },
  },
  {
    op: 'createCompetency', as: 'ADMIN', doc: 'mutation($i: CompetencyInput!) { createCompetency(input: $i) { id } }',
    base: () => ({ i: { code: 'BAD-INPUT', name: 'Valid', kind: 'TECHNICAL' } }), args: { 'i.code': 'code', 'i.name': 'name', 'i.kind': 'enum' },
  },
  {
    op: 'createLearningActivity', as: 'ADMIN', doc: 'mutation($i: LearningActivityInput!) { createLearningActivity(input: $i) { id } }',
    base: (f) => ({ i: { title: 'Valid', kind: 'TRAINING', organizerUnitId: f.ids.sd, participatingUnitIds: [f.ids.sd], startsOn: '2027-02-01', endsOn: '2027-02-03', hours: 12, capacity: 30 } }),
    args: { 'i.title': 'text', 'i.kind': 'enum', 'i.organizerUnitId': 'id', 'i.startsOn': 'date', 'i.endsOn': 'date', 'i.hours': 'int', 'i.capacity': 'int' },
  },
  {
    op: 'enroll', as: 'ADMIN', doc: 'mutation($a: ID!, $e: ID!) { enroll(activityId: $a, employeeId: $e) { id } }',
    base: (f) => ({ a: f.ids.futureActivity, e: f.ids.peer }), args: { a: 'id', e: 'id' },
  },
  {
    op: 'recordAttendance', as: 'ADMIN', doc: 'mutation($id: ID!, $b: Boolean!) { recordAttendance(enrollmentId: $id, attended: $b) { id } }',
    base: (f) => ({ id: f.ids.enrollment, b: true }), args: { id: 'id', b: 'bool' },
  },
  {
    op: 'completeEnrollment', as: 'ADMIN', doc: 'mutation($id: ID!, $s: Float, $d: Date) { completeEnrollment(enrollmentId: $id, score: $s, completedOn: $d) { id } }',
    base: (f) => ({ id: f.ids.enrollment, s: 80 }), args: { id: 'id', s: 'float', d: 'date' },
  },
  { op: 'cancelEnrollment', as: 'ADMIN', doc: 'mutation($id: ID!) { cancelEnrollment(enrollmentId: $id) { id } }', base: (f) => ({ id: f.ids.futureEnrollment }), args: { id: 'id' } },
  {
    op: 'openEvaluationCycle', as: 'ADMIN', doc: 'mutation($i: EvaluationCycleInput!) { openEvaluationCycle(input: $i) { id } }',
    base: () => ({ i: { name: 'Valid', year: 2027, periodType: 'QUARTERLY', period: 2, opensOn: '2027-04-01', closesOn: '2027-06-30' } }),
    args: { 'i.name': 'name', 'i.year': 'year', 'i.periodType': 'enum', 'i.period': 'int', 'i.opensOn': 'date', 'i.closesOn': 'date' },
  },
  { op: 'closeEvaluationCycle', as: 'ADMIN', doc: 'mutation($id: ID!) { closeEvaluationCycle(id: $id) { id } }', base: (f) => ({ id: f.ids.closableCycle }), args: { id: 'id' } },
  {
    op: 'startEvaluation', as: 'ADMIN', doc: 'mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id } }',
    base: (f) => ({ e: f.target.id, c: f.ids.startCycle }), args: { e: 'id', c: 'id' },
  },
  {
    op: 'giveFeedback', as: 'peer', doc: 'mutation($id: ID!, $i: FeedbackInput!) { giveFeedback(evaluationId: $id, input: $i) { id } }',
    base: (f) => ({ id: f.ids.evaluation, i: { source: 'PEER', coreValue: 'ADAPTIF', score: 4, comment: 'Baik' } }),
    args: { id: 'id', 'i.source': 'enum', 'i.coreValue': 'enum', 'i.score': 'int', 'i.comment': 'text' },
  },
  {
    op: 'submitPublicFeedback', as: 'noToken', doc: 'mutation($i: PublicFeedbackInput!) { submitPublicFeedback(input: $i) }',
    base: (f) => ({ i: { employeeNip: f.target.nip, coreValue: 'HARMONIS', score: 5, comment: 'Ramah' } }),
    args: { 'i.employeeNip': 'nip', 'i.unitCode': 'code', 'i.score': 'int', 'i.comment': 'text', 'i.coreValue': 'enum' },
  },
  {
    op: 'rateEvaluation', as: 'directSupervisor', doc: 'mutation($id: ID!, $r: Rating!, $b: Rating!, $v: Int!) { rateEvaluation(id: $id, resultRating: $r, behaviorRating: $b, expectedVersion: $v) { id } }',
    base: (f) => ({ id: f.ids.evaluation, r: 'MEETS_EXPECTATION', b: 'MEETS_EXPECTATION', v: 999 }), args: { id: 'id', r: 'enum', b: 'enum', v: 'int' },
  },
  {
    op: 'rateGoal', as: 'directSupervisor', doc: 'mutation($e: ID!, $g: ID!, $r: Rating!, $n: String) { rateGoal(evaluationId: $e, goalId: $g, rating: $r, note: $n) { id } }',
    base: (f) => ({ e: f.ids.evaluation, g: f.ids.goal, r: 'MEETS_EXPECTATION', n: 'Sesuai' }), args: { e: 'id', g: 'id', r: 'enum', n: 'text' },
  },
  {
    op: 'completeEvaluation', as: 'directSupervisor', doc: 'mutation($id: ID!, $v: Int!) { completeEvaluation(id: $id, expectedVersion: $v) { id } }',
    base: (f) => ({ id: f.ids.evaluation, v: 999 }), args: { id: 'id', v: 'int' },
  },
  {
    op: 'fileObjection', as: 'self', doc: 'mutation($e: ID!, $r: String!, $u: String) { fileObjection(evaluationId: $e, reason: $r, evidenceUrl: $u) { id } }',
    base: (f) => ({ e: f.ids.completedEvaluation, r: 'Capaian target tidak diperhitungkan', u: 'https://arsip.bungokab.go.id/bukti.pdf' }), args: { e: 'id', r: 'text', u: 'url' },
  },
  {
    op: 'addObjectionStatement', as: 'self', doc: 'mutation($o: ID!, $t: String!) { addObjectionStatement(objectionId: $o, text: $t) { id } }',
    base: (f) => ({ o: f.ids.objection, t: 'Keterangan tambahan' }), args: { o: 'id', t: 'text' },
  },
  {
    op: 'decideObjection', as: 'indirectSupervisor',
    doc: 'mutation($o: ID!, $u: Boolean!, $r: Rating, $b: Rating, $n: String!) { decideObjection(objectionId: $o, uphold: $u, resultRating: $r, behaviorRating: $b, note: $n) { id } }',
    base: (f) => ({ o: f.ids.objection, u: false, r: 'ABOVE_EXPECTATION', b: 'MEETS_EXPECTATION', n: 'Valid note' }), args: { o: 'id', u: 'bool', r: 'enum', b: 'enum', n: 'text' },
  },
  {
    op: 'correctEvaluation', as: 'ADMIN',
    doc: 'mutation($e: ID!, $r: Rating!, $b: Rating!, $w: String!) { correctEvaluation(evaluationId: $e, resultRating: $r, behaviorRating: $b, reason: $w) { id } }',
    base: (f) => ({ e: f.ids.completedEvaluation, r: 'MEETS_EXPECTATION', b: 'MEETS_EXPECTATION', w: 'Valid reason for the correction' }), args: { e: 'id', r: 'enum', b: 'enum', w: 'text' },
  },
  {
    op: 'setOrganizationPredicate', as: 'ADMIN', doc: 'mutation($u: ID!, $y: Int!, $p: OrganizationPredicate!) { setOrganizationPredicate(unitId: $u, year: $y, predicate: $p) { id } }',
    base: (f) => ({ u: f.ids.sd, y: 2031, p: 'BAIK' }), args: { u: 'id', y: 'year', p: 'enum' },
  },
  {
    op: 'setRewardPolicy', as: 'ADMIN', doc: 'mutation($r: String!, $d: Date!) { setRewardPolicy(rules: $r, effectiveFrom: $d) { version } }',
    base: (f) => ({ r: f.ids.policyRules, d: '2031-01-01' }), args: { r: 'json', d: 'date' },
  },
  {
    op: 'grantAward', as: 'ADMIN', doc: 'mutation($d: ID!, $k: AwardKind!, $t: String!) { grantAward(decisionId: $d, kind: $k, title: $t) { id } }',
    base: (f) => ({ d: f.ids.decision, k: 'PROMOTION_RECOMMENDATION', t: 'Valid' }), args: { d: 'id', k: 'enum', t: 'text' },
  },
  {
    op: 'proposeSanction', as: 'ADMIN', doc: 'mutation($e: ID!, $l: SanctionLevel!, $v: String!, $r: String!, $d: ID) { proposeSanction(employeeId: $e, level: $l, violation: $v, reason: $r, decisionId: $d) { id } }',
    base: (f) => ({ e: f.target.id, l: 'LIGHT', v: 'Valid violation', r: 'Valid reason' }), args: { e: 'id', l: 'enum', v: 'text', r: 'text', d: 'id' },
  },
  {
    op: 'recordExamination', as: 'ADMIN', doc: 'mutation($s: ID!, $h: Date!, $x: [ID!]!, $r: String!) { recordExamination(sanctionId: $s, heldOn: $h, examinerIds: $x, record: $r) { id } }',
    base: (f) => ({ s: f.ids.sanction, h: '2026-04-20', x: [f.ids.directSupervisor], r: 'Valid record' }), args: { s: 'id', h: 'date', x: 'id', r: 'text' },
  },
  {
    op: 'decideSanction', as: 'ADMIN', doc: 'mutation($id: ID!, $b: Boolean!, $r: String, $t: SanctionType, $s: Date) { decideSanction(id: $id, impose: $b, reason: $r, type: $t, startsOn: $s) { id } }',
    base: (f) => ({ id: f.ids.sanction, b: true, r: 'Valid', t: 'ORAL_REPRIMAND', s: '2026-05-04' }), args: { id: 'id', b: 'bool', r: 'text', t: 'enum', s: 'date' },
  },
  {
    op: 'setImprovementTargets', as: 'directSupervisor', doc: 'mutation($p: ID!, $t: String!) { setImprovementTargets(planId: $p, targets: $t) { id } }',
    base: (f) => ({ p: f.ids.improvementPlan, t: 'Valid targets' }), args: { p: 'id', t: 'text' },
  },
  {
    op: 'recordCoachingSession', as: 'directSupervisor', doc: 'mutation($p: ID!, $h: Date!, $n: String!) { recordCoachingSession(planId: $p, heldOn: $h, notes: $n) { id } }',
    base: (f) => ({ p: f.ids.improvementPlan, h: '2025-02-01', n: 'Valid notes' }), args: { p: 'id', h: 'date', n: 'text' },
  },
  {
    op: 'reviewImprovementPlan', as: 'directSupervisor', doc: 'mutation($p: ID!, $o: ImprovementStatus!, $r: String!) { reviewImprovementPlan(planId: $p, outcome: $o, reason: $r) { id } }',
    base: (f) => ({ p: f.ids.improvementPlan, o: 'RETEST', r: 'Valid reason' }), args: { p: 'id', o: 'enum', r: 'text' },
  },
];

/** A copy of `vars` with the value at `path` replaced. */
export function withValue(vars: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(vars);
  const keys = path.split('.');
  let o = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
  return copy;
}
