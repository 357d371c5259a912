/**
 * THE AUTHORIZATION MATRIX (CONTRACT.md, "Who may do what"). One row per query, per field holding restricted data and per
 * mutation of the public graph; one column per caller relation to the target employee. A relation
 * listed in `allow` must not get FORBIDDEN/UNAUTHENTICATED on the operation's path; every other
 * relation must get FORBIDDEN or UNAUTHENTICATED (or, for `denyByHiding` rows, a hidden value) and
 * none of the row's `secrets` may appear anywhere in the response. test/matrix.test.ts checks every
 * cell through the gateway and fails when the supergraph has an operation without a row here.
 * Source of truth: CONTRACT.md "Who may do what" + each field's description in the supergraph;
 * `note` says where a cell is decided differently from CONTRACT.md, and why.
 */

export const RELATIONS = [
  'ADMIN', 'ANALYST', 'self', 'directSupervisor', 'indirectSupervisor', 'unitHead', 'peer', 'otherUnit',
  'noToken', 'expiredToken', 'wrongKey',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Ids and values the rows refer to, found or created once per run (test/matrix.test.ts). */
export interface Fixture {
  target: { id: string; nip: string; birthDate: string };
  ids: Record<string, string>;
  versions: Record<string, number>;
  /** Authors of the target's PEER/SUBORDINATE/PUBLIC feedback: never shown to the target. */
  hiddenAuthors: string[];
  /** Comments of the target's feedback: never shown to ANALYST. */
  comments: string[];
  feedbackIds: string[];
  /** What the peer wrote themselves (ids, comments, their own id): theirs to see. */
  peerOwn: string[];
}

export interface Row {
  /** 'Query.x', 'Mutation.x', or 'Type.field' for a restricted field. */
  op: string;
  allow: Relation[];
  doc: string;
  vars?: (fx: Fixture) => Record<string, unknown>;
  /** Values that must not appear in a denied response. */
  secrets?: (fx: Fixture) => string[];
  /** Denied callers may get the value hidden (null or empty) instead of an error. */
  denyByHiding?: boolean;
  note?: string;
}

const SIGNED_IN: Relation[] = ['ADMIN', 'ANALYST', 'self', 'directSupervisor', 'indirectSupervisor', 'unitHead', 'peer', 'otherUnit'];
const ADMIN: Relation[] = ['ADMIN'];
/** The target and everyone above them in the supervisor chain or heading their unit or a parent unit. */
const CHAIN: Relation[] = ['directSupervisor', 'indirectSupervisor', 'unitHead'];
const OWN_AND_CHAIN: Relation[] = ['ADMIN', 'self', ...CHAIN];
/** indirectSupervisor heads the target's unit (DISDIKBUD-SD), unitHead the parent unit (DISDIKBUD). */
const HEADS: Relation[] = ['indirectSupervisor', 'unitHead'];

const GOAL = { title: 'Matrix goal', indicator: 'Dokumen selesai', unitOfMeasure: 'dokumen', target: 10, direction: 'HIGHER_IS_BETTER' };

export const MATRIX: Row[] = [
  // ───────────── personnel: queries
  { op: 'Query.me', allow: SIGNED_IN, doc: '{ me { id } }' },
  { op: 'Query.employee', allow: SIGNED_IN, doc: 'query($id: ID) { employee(id: $id) { id name } }', vars: (f) => ({ id: f.target.id }) },
  { op: 'Query.employees', allow: SIGNED_IN, doc: 'query($u: ID) { employees(unitId: $u, first: 5) { totalCount } }', vars: (f) => ({ u: f.ids.sd }) },
  { op: 'Query.organizationUnit', allow: SIGNED_IN, doc: 'query($c: String) { organizationUnit(code: $c) { id } }', vars: () => ({ c: 'DISDIKBUD-SD' }) },
  {
    op: 'Query.publicUnit', allow: [...SIGNED_IN, 'noToken'], doc: 'query($c: String!) { publicUnit(code: $c) { code name kind } }', vars: () => ({ c: 'DISDIKBUD-SD' }),
    note: 'The citizen feedback page (WEB.md) names the unit without sign-in: name and kind only',
  },
  { op: 'Query.organizationUnits', allow: SIGNED_IN, doc: '{ organizationUnits { id } }' },
  {
    op: 'Query.feedbackQrUnits', allow: ['ADMIN', ...HEADS], denyByHiding: true, doc: '{ feedbackQrUnits { id code } }',
    note: 'WEB.md: QR codes of the citizen page for BKPSDM and unit heads; every other signed-in caller gets an empty list, a caller without a valid token UNAUTHENTICATED',
  },
  // ───────────── personnel: restricted fields
  {
    op: 'Employee.birthDate', allow: [...OWN_AND_CHAIN], denyByHiding: true,
    doc: 'query($id: ID) { employee(id: $id) { id birthDate } }', vars: (f) => ({ id: f.target.id }), secrets: (f) => [f.target.birthDate],
    note: 'CONTRACT: ANALYST "no birth dates"; supervisors and heads read their people\'s records; peers and others do not',
  },
  {
    op: 'Employee.contract', allow: [...OWN_AND_CHAIN],
    doc: 'query($id: ID) { employee(id: $id) { id contract { number endsOn } } }', vars: (f) => ({ id: f.target.id }),
    note: 'PPPK work contracts: ADMIN, the employee and their supervisor chain (like birth dates); refused to others even for a PNS, who has none',
  },
  {
    op: 'Employee.contracts', allow: [...OWN_AND_CHAIN],
    doc: 'query($id: ID) { employee(id: $id) { id contracts { number endsOn } } }', vars: (f) => ({ id: f.target.id }),
    note: 'as Employee.contract',
  },
  {
    op: 'Query.contractsEnding', allow: ADMIN,
    doc: '{ contractsEnding(withinDays: 90) { id nip contract { number endsOn } } }',
    note: 'DOMAIN.md "PPPK contract renewal": BKPSDM sees contracts ending within 90 days',
  },
  // ───────────── personnel: mutations (ADMIN)
  {
    op: 'Mutation.renewContract', allow: ADMIN,
    doc: 'mutation($e: ID!, $end: Date!, $n: String!, $r: String!) { renewContract(employeeId: $e, endsOn: $end, number: $n, reason: $r) { id } }',
    vars: (f) => ({ e: f.ids.pppk, end: '2031-12-31', n: 'MATRIX/PK-PPPK/2026', r: 'Predikat BAIK; formasi masih dibutuhkan' }),
  },
  {
    op: 'Mutation.endContract', allow: ADMIN,
    doc: 'mutation($e: ID!, $end: Date!, $r: String!) { endContract(employeeId: $e, endsOn: $end, reason: $r) { id } }',
    vars: (f) => ({ e: f.ids.pppk, end: f.ids.pppkContractEnd, r: 'Tidak diperpanjang: formasi dihapus' }),
  },
  {
    op: 'Mutation.createOrganizationUnit', allow: ADMIN,
    doc: 'mutation($i: CreateOrganizationUnitInput!) { createOrganizationUnit(input: $i) { id } }',
    vars: (f) => ({ i: { code: 'MATRIX-UNIT', name: 'Bidang Uji Matriks', kind: 'BIDANG', parentId: f.ids.disdik } }),
  },
  {
    op: 'Mutation.registerEmployee', allow: ADMIN,
    doc: 'mutation($i: RegisterEmployeeInput!) { registerEmployee(input: $i) { id } }',
    vars: (f) => ({ i: { nip: '199001012020121001', name: 'Uji Matriks', gender: 'MALE', birthDate: '1990-01-01', employmentType: 'PNS', grade: 'III_A', positionTitle: 'Analis', positionKind: 'PELAKSANA', unitId: f.ids.sd, supervisorId: f.ids.directSupervisor } }),
  },
  {
    op: 'Mutation.updateEmployee', allow: ADMIN,
    doc: 'mutation($id: ID!, $i: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $i) { id } }',
    vars: (f) => ({ id: f.target.id, i: { positionTitle: 'Guru Ahli Pertama' } }),
    note: 'CONTRACT: personnel records are ADMIN\'s; the employee may not edit their own record',
  },
  {
    op: 'Mutation.transferEmployee', allow: ADMIN,
    doc: 'mutation($id: ID!, $u: ID!, $s: ID) { transferEmployee(id: $id, unitId: $u, supervisorId: $s) { id } }',
    vars: (f) => ({ id: f.ids.transferee, u: f.ids.sd, s: f.ids.directSupervisor }),
  },
  {
    op: 'Mutation.setUnitHead', allow: ADMIN,
    doc: 'mutation($u: ID!, $e: ID!) { setUnitHead(unitId: $u, employeeId: $e) { id } }',
    vars: (f) => ({ u: f.ids.sd, e: f.ids.indirectSupervisor }),
  },
  // ───────────── personnel: roles (CONTRACT.md "Additions of December 2026": roles are granted by ADMIN only)
  {
    op: 'Employee.roles', allow: ['ADMIN', 'self'],
    doc: 'query($id: ID) { employee(id: $id) { id roles } }', vars: (f) => ({ id: f.target.id }),
    note: 'CONTRACT: "ADMIN, or the employee themself"; supervisors see their people\'s records but not their rights',
  },
  {
    op: 'Mutation.grantRole', allow: ADMIN,
    doc: 'mutation($id: ID!) { grantRole(employeeId: $id, role: ANALYST) { id } }', vars: (f) => ({ id: f.target.id }),
  },
  {
    op: 'Mutation.revokeRole', allow: ADMIN,
    doc: 'mutation($id: ID!) { revokeRole(employeeId: $id, role: ANALYST) { id } }', vars: (f) => ({ id: f.target.id }),
    note: 'revoking a role the target does not hold changes nothing and answers the employee',
  },

  // ───────────── personnel: "my supervisor is wrong" (WEB.md, My SKP): the employee about themself; BKPSDM (ADMIN) lists and resolves
  {
    op: 'Mutation.requestSupervisorCorrection', allow: SIGNED_IN,
    doc: 'mutation($i: SupervisorCorrectionInput!) { requestSupervisorCorrection(input: $i) { id } }', vars: () => ({ i: { note: 'Atasan saya sudah pindah unit' } }),
    note: 'no employee argument: every signed-in caller asks about themself; a second open request is CONFLICT',
  },
  { op: 'Query.mySupervisorCorrectionRequests', allow: SIGNED_IN, doc: '{ mySupervisorCorrectionRequests { id status } }', note: 'the caller\'s own requests only' },
  { op: 'Query.supervisorCorrectionRequests', allow: ADMIN, doc: '{ supervisorCorrectionRequests { id note employee { id } } }' },
  {
    op: 'Mutation.resolveSupervisorCorrection', allow: ADMIN,
    doc: 'mutation($id: ID!) { resolveSupervisorCorrection(id: $id, decision: REJECTED, note: "Data sudah sesuai SK") { id } }',
    vars: () => ({ id: '00000000-0000-4000-8000-000000000000' }), note: 'an unknown request: ADMIN gets NOT_FOUND, everyone else FORBIDDEN before the lookup',
  },

  // ───────────── goals
  {
    op: 'Query.performancePlan', allow: [...OWN_AND_CHAIN, 'ANALYST'],
    doc: 'query($id: ID!) { performancePlan(id: $id) { id goals { title } } }', vars: (f) => ({ id: f.ids.plan }),
    note: 'ANALYST reads plans (the service decides so: plans and achievements feed the cross-unit analysis)',
  },
  {
    op: 'Query.goal', allow: [...OWN_AND_CHAIN, 'ANALYST'],
    doc: 'query($id: ID!) { goal(id: $id) { id title } }', vars: (f) => ({ id: f.ids.goal }),
    note: 'as Query.performancePlan',
  },
  {
    op: 'Employee.performancePlans', allow: [...OWN_AND_CHAIN, 'ANALYST'], denyByHiding: true,
    doc: 'query($id: ID) { employee(id: $id) { performancePlans { id } } }', vars: (f) => ({ id: f.target.id }), secrets: (f) => [f.ids.plan!],
    note: 'as Query.performancePlan',
  },
  {
    op: 'Mutation.createPerformancePlan', allow: OWN_AND_CHAIN,
    doc: 'mutation($e: ID!) { createPerformancePlan(employeeId: $e, year: 2027) { id } }', vars: (f) => ({ e: f.target.id }),
  },
  {
    op: 'Mutation.addGoal', allow: OWN_AND_CHAIN,
    doc: 'mutation($p: ID!, $i: GoalInput!) { addGoal(planId: $p, input: $i) { id } }', vars: (f) => ({ p: f.ids.draftPlan, i: GOAL }),
  },
  {
    op: 'Mutation.updateGoal', allow: OWN_AND_CHAIN,
    doc: 'mutation($id: ID!, $i: GoalInput!) { updateGoal(id: $id, input: $i) { id } }', vars: (f) => ({ id: f.ids.draftGoal, i: GOAL }),
  },
  {
    op: 'Mutation.addIndicator', allow: OWN_AND_CHAIN,
    doc: 'mutation($g: ID!, $i: IndicatorInput!) { addIndicator(goalId: $g, input: $i) { id } }',
    vars: (f) => ({ g: f.ids.draftGoal, i: { aspect: 'WAKTU', description: 'Tepat waktu', unitOfMeasure: 'persen', target: 90, direction: 'HIGHER_IS_BETTER' } }),
  },
  {
    op: 'Mutation.updateIndicator', allow: OWN_AND_CHAIN,
    doc: 'mutation($id: ID!, $i: IndicatorInput!) { updateIndicator(id: $id, input: $i) { id } }',
    vars: (f) => ({ id: f.ids.draftIndicator, i: { aspect: 'KUANTITAS', description: 'Dokumen selesai', unitOfMeasure: 'dokumen', target: 12, direction: 'HIGHER_IS_BETTER' } }),
  },
  {
    op: 'Mutation.removeIndicator', allow: OWN_AND_CHAIN,
    doc: 'mutation($id: ID!) { removeIndicator(id: $id) { id } }', vars: (f) => ({ id: f.ids.removableIndicator }),
  },
  {
    op: 'Mutation.setPlanAttachments', allow: OWN_AND_CHAIN,
    doc: 'mutation($p: ID!) { setPlanAttachments(planId: $p, input: { resources: "Laptop", accountability: "Laporan bulanan" }) { id } }', vars: (f) => ({ p: f.ids.draftPlan }),
  },
  {
    op: 'Mutation.setBehaviorExpectation', allow: ['directSupervisor'],
    doc: 'mutation($p: ID!) { setBehaviorExpectation(planId: $p, coreValue: AKUNTABEL, expectation: "Laporan tepat waktu") { id } }', vars: (f) => ({ p: f.ids.draftPlan }),
    note: 'ekspektasi khusus pimpinan is the direct supervisor\'s (PermenPANRB 6/2022); ADMIN only for someone without a supervisor',
  },
  {
    op: 'Mutation.returnPerformancePlan', allow: ['directSupervisor'],
    doc: 'mutation($id: ID!, $v: Int!) { returnPerformancePlan(id: $id, expectedVersion: $v, note: "Perbaiki target") { id } }', vars: (f) => ({ id: f.ids.returnPlan, v: f.versions.returnPlan }),
    note: 'as approvePerformancePlan',
  },
  {
    op: 'Mutation.giveRealizationFeedback', allow: ['directSupervisor'],
    doc: 'mutation($r: ID!) { giveRealizationFeedback(realizationId: $r, feedback: "Lengkapi bukti dukung") { id } }', vars: (f) => ({ r: f.ids.realization }),
    note: 'umpan balik berkelanjutan is the direct supervisor\'s',
  },
  {
    op: 'Mutation.removeGoal', allow: OWN_AND_CHAIN,
    doc: 'mutation($id: ID!) { removeGoal(id: $id) }', vars: (f) => ({ id: f.ids.removableGoal }),
  },
  {
    op: 'Mutation.submitPerformancePlan', allow: OWN_AND_CHAIN,
    doc: 'mutation($id: ID!, $v: Int!) { submitPerformancePlan(id: $id, expectedVersion: $v) { id } }', vars: (f) => ({ id: f.ids.submitPlan, v: f.versions.submitPlan }),
  },
  {
    op: 'Mutation.approvePerformancePlan', allow: ['directSupervisor'],
    doc: 'mutation($id: ID!, $v: Int!) { approvePerformancePlan(id: $id, expectedVersion: $v) { id } }', vars: (f) => ({ id: f.ids.approvePlan, v: f.versions.approvePlan }),
    note: 'differs from CONTRACT ("ADMIN everything"): approving an SKP is the direct supervisor\'s act (PermenPANRB 6/2022); ADMIN cannot approve for them',
  },
  {
    op: 'Mutation.reopenPerformancePlan', allow: ['directSupervisor'],
    doc: 'mutation($id: ID!, $v: Int!) { reopenPerformancePlan(id: $id, expectedVersion: $v) { id } }', vars: (f) => ({ id: f.ids.reopenPlan, v: f.versions.reopenPlan }),
    note: 'as approvePerformancePlan (added by goals; not in CONTRACT)',
  },
  {
    op: 'Mutation.recordRealization', allow: OWN_AND_CHAIN,
    doc: 'mutation($g: ID!) { recordRealization(goalId: $g, input: { period: "2026-11", value: 5 }) { id } }', vars: (f) => ({ g: f.ids.goal }),
  },

  // ───────────── competency
  { op: 'Query.competencies', allow: SIGNED_IN, doc: '{ competencies { id } }' },
  { op: 'Query.learningActivities', allow: SIGNED_IN, doc: '{ learningActivities(year: 2026) { id } }' },
  {
    op: 'Employee.enrollments', allow: OWN_AND_CHAIN, denyByHiding: true, note: 'ANALYST reads aggregates (learningCompliance), not a person\'s enrollments',
    doc: 'query($id: ID) { employee(id: $id) { enrollments { id } } }', vars: (f) => ({ id: f.target.id }), secrets: (f) => [f.ids.enrollment!],
  },
  {
    op: 'Mutation.createCompetency', allow: ADMIN,
    doc: 'mutation { createCompetency(input: { code: "MATRIX-C", name: "Uji", kind: TECHNICAL }) { id } }',
  },
  {
    op: 'Mutation.createLearningActivity', allow: ['ADMIN', ...HEADS],
    doc: 'mutation($i: LearningActivityInput!) { createLearningActivity(input: $i) { id } }',
    vars: (f) => ({ i: { title: 'Pelatihan Matriks', kind: 'TRAINING', organizerUnitId: f.ids.sd, participatingUnitIds: [f.ids.sd], startsOn: '2027-02-01', endsOn: '2027-02-03', hours: 12, capacity: 30 } }),
    note: 'ADMIN or a head of the organizer unit (DISDIKBUD-SD) or of a unit above it',
  },
  {
    op: 'Mutation.enroll', allow: ['ADMIN', 'self', ...CHAIN],
    doc: 'mutation($a: ID!, $e: ID!) { enroll(activityId: $a, employeeId: $e) { id } }', vars: (f) => ({ a: f.ids.futureActivity, e: f.target.id }),
  },
  {
    op: 'Mutation.recordAttendance', allow: ['ADMIN', ...HEADS],
    doc: 'mutation($id: ID!) { recordAttendance(enrollmentId: $id, attended: true) { id } }', vars: (f) => ({ id: f.ids.enrollment }),
    note: 'a head of the organizer unit (the fixture activity is organized by DISDIKBUD-SD) or of a unit above it, or ADMIN',
  },
  {
    op: 'Mutation.completeEnrollment', allow: ['ADMIN', ...HEADS],
    doc: 'mutation($id: ID!) { completeEnrollment(enrollmentId: $id) { id } }', vars: (f) => ({ id: f.ids.enrollment }),
    note: 'as recordAttendance',
  },
  {
    op: 'Mutation.cancelEnrollment', allow: ['ADMIN', 'self', ...CHAIN],
    doc: 'mutation($id: ID!) { cancelEnrollment(enrollmentId: $id) { id } }', vars: (f) => ({ id: f.ids.futureEnrollment }),
  },

  // ───────────── evaluation
  { op: 'Query.evaluationCycles', allow: SIGNED_IN, doc: '{ evaluationCycles { id } }' },
  { op: 'Query.feedbackTargets', allow: SIGNED_IN, doc: '{ feedbackTargets { source evaluation { id } } }', note: 'the caller\'s own targets: the open evaluations giveFeedback lets them give feedback on' },
  {
    op: 'Query.evaluation', allow: [...OWN_AND_CHAIN, 'ANALYST', 'peer'],
    doc: 'query($id: ID!) { evaluation(id: $id) { id status } }', vars: (f) => ({ id: f.ids.evaluation }),
    note: 'peer: a colleague of the same unit may give PEER feedback, so sees that the evaluation exists (not its feedback)',
  },
  {
    op: 'Evaluation.feedback', allow: [...OWN_AND_CHAIN, 'ANALYST'], denyByHiding: true,
    doc: 'query($id: ID!) { evaluation(id: $id) { feedback { id score } } }', vars: (f) => ({ id: f.ids.evaluation }), secrets: (f) => f.feedbackIds,
    note: 'a peer sees that the evaluation exists and their own feedback only, never what others gave',
  },
  {
    op: 'Feedback.author', allow: ['ADMIN', ...CHAIN], denyByHiding: true,
    doc: 'query($id: ID!) { evaluation(id: $id) { feedback { source author { id } } } }', vars: (f) => ({ id: f.ids.evaluation }),
    secrets: (f) => f.hiddenAuthors,
    note: 'CONTRACT: never the evaluated employee for PEER/SUBORDINATE/PUBLIC; ANALYST reads aggregates, not who wrote what',
  },
  {
    op: 'Feedback.comment', allow: [...OWN_AND_CHAIN], denyByHiding: true,
    doc: 'query($id: ID!) { evaluation(id: $id) { feedback { comment } } }', vars: (f) => ({ id: f.ids.evaluation }),
    secrets: (f) => f.comments,
    note: 'CONTRACT: ANALYST "no feedback comments"',
  },
  {
    op: 'Employee.evaluations', allow: [...OWN_AND_CHAIN, 'ANALYST', 'peer'], denyByHiding: true, note: 'as Query.evaluation',
    doc: 'query($id: ID) { employee(id: $id) { evaluations { id } } }', vars: (f) => ({ id: f.target.id }), secrets: (f) => [f.ids.evaluation!],
  },
  {
    op: 'Employee.annualPredicates', allow: [...OWN_AND_CHAIN, 'ANALYST'], denyByHiding: true,
    doc: 'query($id: ID) { employee(id: $id) { annualPredicates(last: 2) { year predicate } } }', vars: (f) => ({ id: f.target.id }),
    note: 'as Query.evaluation, without the colleagues who may give feedback (they never see a predicate)',
  },
  {
    op: 'Mutation.openEvaluationCycle', allow: ADMIN,
    doc: 'mutation { openEvaluationCycle(input: { name: "Matriks", year: 2027, periodType: QUARTERLY, period: 1, opensOn: "2027-01-01", closesOn: "2027-03-31" }) { id } }',
  },
  {
    op: 'Mutation.closeEvaluationCycle', allow: ADMIN,
    doc: 'mutation($id: ID!) { closeEvaluationCycle(id: $id) { id } }', vars: (f) => ({ id: f.ids.closableCycle }),
  },
  {
    op: 'Mutation.startEvaluation', allow: ['ADMIN', 'directSupervisor'],
    doc: 'mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id } }', vars: (f) => ({ e: f.target.id, c: f.ids.startCycle }),
  },
  {
    op: 'Mutation.rateGoal', allow: ['ADMIN', 'directSupervisor'],
    doc: 'mutation($e: ID!, $g: ID!) { rateGoal(evaluationId: $e, goalId: $g, rating: MEETS_EXPECTATION) { id } }', vars: (f) => ({ e: f.ids.evaluation, g: f.ids.goal }),
    note: 'the evaluator (the direct supervisor when the evaluation started) or ADMIN, as rateEvaluation',
  },
  {
    op: 'Mutation.giveFeedback', allow: ['directSupervisor', 'indirectSupervisor', 'peer'],
    doc: 'mutation($id: ID!, $i: FeedbackInput!) { giveFeedback(evaluationId: $id, input: $i) { id } }',
    vars: (f) => ({ id: f.ids.evaluation, i: { source: 'PEER', coreValue: 'HARMONIS', score: 4 } }),
    note: 'PEER feedback: colleagues of the same unit only. Differs from CONTRACT ("ADMIN everything"): feedback is a personal judgement, ADMIN may not author it for others',
  },
  {
    op: 'Mutation.submitPublicFeedback', allow: [...SIGNED_IN, 'noToken'],
    doc: 'mutation($n: String) { submitPublicFeedback(input: { employeeNip: $n, coreValue: BERORIENTASI_PELAYANAN, score: 5, comment: "Terima kasih" }) }',
    vars: (f) => ({ n: f.target.nip }),
    note: 'no login needed; an invalid token is still refused (UNAUTHENTICATED) rather than treated as anonymous',
  },
  {
    op: 'Mutation.rateEvaluation', allow: ['ADMIN', 'directSupervisor'],
    doc: 'mutation($id: ID!, $v: Int!) { rateEvaluation(id: $id, resultRating: MEETS_EXPECTATION, behaviorRating: MEETS_EXPECTATION, expectedVersion: $v) { id } }',
    vars: (f) => ({ id: f.ids.evaluation, v: f.versions.evaluation }),
    note: 'differs from CONTRACT row "supervisor ... rate": only the evaluator (the direct supervisor) rates, an indirect supervisor does not',
  },
  {
    op: 'Mutation.completeEvaluation', allow: ['ADMIN', 'directSupervisor'],
    doc: 'mutation($id: ID!, $v: Int!) { completeEvaluation(id: $id, expectedVersion: $v) { id } }',
    vars: (f) => ({ id: f.ids.evaluation, v: 999 }),
    note: 'as rateEvaluation; a stale version keeps the fixture open (allowed callers get CONFLICT, not FORBIDDEN)',
  },

  // ───────────── evaluation: review and the curve
  { op: 'Query.objectionsToReview', allow: SIGNED_IN, doc: '{ objectionsToReview { id } }', note: 'each caller\'s own queue: the objections they review' },
  {
    op: 'Evaluation.objection', allow: [...OWN_AND_CHAIN], denyByHiding: true,
    doc: 'query($id: ID!) { evaluation(id: $id) { objection { id reason } } }', vars: (f) => ({ id: f.ids.completedEvaluation }), secrets: (f) => [f.ids.objection!],
    note: 'the employee, the evaluator, the chain, unit heads, ADMIN and the reviewer; not ANALYST (an objection\'s reasons are personal)',
  },
  {
    op: 'OrganizationUnit.predicateDistribution', allow: ['ADMIN', 'ANALYST', 'directSupervisor', ...HEADS],
    doc: '{ organizationUnit(code: "DISDIKBUD-SD") { predicateDistribution(year: 2025) { evaluated } } }',
    note: 'CONTRACT: the unit head (of the unit or one above), the unit\'s evaluators (directSupervisor evaluates the target in 2025), ADMIN, ANALYST. '
      + 'With `including` (the workspace\'s what-if) the caller must also rate that evaluation, else FORBIDDEN: one row per field here, so that argument is '
      + 'checked in services/evaluation/test/review.graph.test.ts',
  },
  {
    op: 'Mutation.setOrganizationPredicate', allow: ADMIN,
    doc: 'mutation($u: ID!) { setOrganizationPredicate(unitId: $u, year: 2030, predicate: BAIK) { id } }', vars: (f) => ({ u: f.ids.sd }),
  },
  {
    op: 'Mutation.fileObjection', allow: ['self'],
    doc: 'mutation($e: ID!) { fileObjection(evaluationId: $e, reason: "Matriks: keberatan kedua") { id } }', vars: (f) => ({ e: f.ids.completedEvaluation }),
    note: 'the evaluated employee only; the fixture already objected, so the target gets CONFLICT (one objection per evaluation)',
  },
  {
    op: 'Mutation.addObjectionStatement', allow: ['self', 'directSupervisor', 'indirectSupervisor'],
    doc: 'mutation($o: ID!) { addObjectionStatement(objectionId: $o, text: "Matriks: keterangan") { id } }', vars: (f) => ({ o: f.ids.objection }),
    note: 'the employee, the evaluator (directSupervisor) and the reviewer (the evaluator\'s own supervisor); ADMIN is no party where the evaluator has a supervisor',
  },
  {
    op: 'Mutation.decideObjection', allow: ['indirectSupervisor'],
    doc: 'mutation($o: ID!) { decideObjection(objectionId: $o, uphold: true, resultRating: ABOVE_EXPECTATION, note: "Matriks") { id } }', vars: (f) => ({ o: f.ids.objection }),
    note: 'the reviewer only (not ADMIN, not the evaluator); ratings with uphold keep the fixture open (the reviewer gets BAD_USER_INPUT)',
  },
  {
    op: 'Mutation.correctEvaluation', allow: ADMIN,
    doc: 'mutation($e: ID!) { correctEvaluation(evaluationId: $e, resultRating: MEETS_EXPECTATION, behaviorRating: MEETS_EXPECTATION, reason: "Matriks: koreksi data") { id } }',
    vars: (f) => ({ e: f.ids.completedEvaluation }),
    note: 'ADMIN only; the pending objection keeps the fixture as it is (ADMIN gets CONFLICT)',
  },

  // ───────────── recognition
  { op: 'Query.rewardPolicy', allow: SIGNED_IN, doc: '{ rewardPolicy { version } }' },
  { op: 'Query.rewardPolicies', allow: ['ADMIN', 'ANALYST'], doc: '{ rewardPolicies { version } }' },
  {
    op: 'Query.rewardDecisions', allow: ['ADMIN', 'ANALYST', ...HEADS],
    doc: 'query($u: ID) { rewardDecisions(year: 2025, unitId: $u) { id } }', vars: (f) => ({ u: f.ids.sd }), secrets: (f) => [f.ids.decision!],
  },
  {
    op: 'Query.rewardDecision', allow: ['ADMIN', 'ANALYST', 'self', ...HEADS], denyByHiding: true,
    doc: 'query($id: ID!) { rewardDecision(id: $id) { id allowancePercent } }', vars: (f) => ({ id: f.ids.decision }),
    note: 'decisions are not "goals, evaluations and feedback": a supervisor who heads no unit does not read them',
  },
  {
    op: 'Employee.rewardDecisions', allow: ['ADMIN', 'ANALYST', 'self', ...HEADS], denyByHiding: true,
    doc: 'query($id: ID) { employee(id: $id) { rewardDecisions { id } } }', vars: (f) => ({ id: f.target.id }), secrets: (f) => [f.ids.decision!],
    note: 'as Query.rewardDecision',
  },
  {
    op: 'Evaluation.rewardDecision', allow: ['ADMIN', 'ANALYST', 'self', ...HEADS], denyByHiding: true,
    doc: 'query($id: ID!) { evaluation(id: $id) { rewardDecision { id } } }', vars: (f) => ({ id: f.ids.completedEvaluation }), secrets: (f) => [f.ids.decision!],
    note: 'as Query.rewardDecision',
  },
  {
    op: 'Query.sanctions', allow: ['ADMIN', 'ANALYST', ...HEADS],
    doc: 'query($u: ID) { sanctions(unitId: $u) { id reason } }', vars: (f) => ({ u: f.ids.sd }), secrets: (f) => [f.ids.sanction!],
  },
  {
    op: 'Employee.sanctions', allow: ['ADMIN', 'ANALYST', 'self', ...HEADS], denyByHiding: true,
    doc: 'query($id: ID) { employee(id: $id) { sanctions { id reason } } }', vars: (f) => ({ id: f.target.id }), secrets: (f) => [f.ids.sanction!],
    note: 'as Query.rewardDecision',
  },
  {
    op: 'Award.decision', allow: ['ADMIN', 'ANALYST', 'self', ...HEADS], denyByHiding: true,
    doc: 'query($id: ID) { employee(id: $id) { awards { decision { id allowancePercent } } } }', vars: (f) => ({ id: f.target.id }), secrets: (f) => [f.ids.decision!],
    note: 'awards are public recognition, but the decision behind one (allowance percent) is a reward decision',
  },
  { op: 'Employee.awards', allow: ['ADMIN', 'ANALYST', 'self', ...HEADS], note: 'the service keeps awards (they carry money) to the employee, heads, ADMIN and ANALYST', doc: 'query($id: ID) { employee(id: $id) { awards { id } } }', vars: (f) => ({ id: f.target.id }) },
  {
    op: 'Mutation.setRewardPolicy', allow: ADMIN,
    doc: 'mutation($r: String!) { setRewardPolicy(rules: $r, effectiveFrom: "2030-01-01") { version } }', vars: (f) => ({ r: f.ids.policyRules }),
  },
  {
    op: 'Mutation.grantAward', allow: ADMIN,
    doc: 'mutation($d: ID!) { grantAward(decisionId: $d, kind: CERTIFICATE, title: "Pegawai Teladan") { id } }', vars: (f) => ({ d: f.ids.decision }),
  },
  {
    op: 'Mutation.proposeSanction', allow: ['ADMIN', 'directSupervisor'],
    doc: 'mutation($e: ID!) { proposeSanction(employeeId: $e, level: LIGHT, violation: "Terlambat berulang", reason: "Rekap presensi") { id } }', vars: (f) => ({ e: f.target.id }),
    note: 'PP 94/2021: a discipline case is opened by the direct superior or BKPSDM (ADMIN); a unit head who is not the direct superior does not',
  },
  {
    op: 'Mutation.recordExamination', allow: ['ADMIN', 'directSupervisor'],
    doc: 'mutation($id: ID!, $x: [ID!]!) { recordExamination(sanctionId: $id, heldOn: "2026-04-20", examinerIds: $x, record: "Berita acara") { id } }',
    vars: (f) => ({ id: f.ids.sanction, x: [f.ids.directSupervisor] }),
  },
  {
    op: 'Mutation.decideSanction', allow: ADMIN,
    doc: 'mutation($id: ID!) { decideSanction(id: $id, impose: true, reason: "Terbukti", type: ORAL_REPRIMAND, startsOn: "2026-05-04") { id } }', vars: (f) => ({ id: f.ids.sanction }),
  },
  {
    op: 'Query.improvementPlans', allow: ['ADMIN', 'ANALYST', ...HEADS],
    doc: 'query($u: ID) { improvementPlans(unitId: $u) { id } }', vars: (f) => ({ u: f.ids.sd }), secrets: (f) => [f.ids.improvementPlan!],
  },
  {
    op: 'Employee.improvementPlans', allow: ['ADMIN', 'ANALYST', 'self', ...CHAIN], denyByHiding: true,
    doc: 'query($id: ID) { employee(id: $id) { improvementPlans { id } } }', vars: (f) => ({ id: f.target.id }), secrets: (f) => [f.ids.improvementPlan!],
    note: 'the plan\'s owner is the direct supervisor, so the supervisor chain reads it as well as the unit heads',
  },
  {
    op: 'Employee.allowance', allow: ['ADMIN', 'ANALYST', 'self', ...HEADS], denyByHiding: true,
    doc: 'query($id: ID) { employee(id: $id) { allowance(year: 2025, month: 3) { percent } } }', vars: (f) => ({ id: f.target.id }),
    note: 'as Query.rewardDecision: the allowance is the decision\'s percent',
  },
  {
    op: 'Mutation.setImprovementTargets', allow: ['directSupervisor'],
    doc: 'mutation($p: ID!) { setImprovementTargets(planId: $p, targets: "Target perbaikan") { id } }', vars: (f) => ({ p: f.ids.improvementPlan }),
    note: 'the owner (the direct supervisor) only',
  },
  {
    op: 'Mutation.recordCoachingSession', allow: ['directSupervisor'],
    doc: 'mutation($p: ID!) { recordCoachingSession(planId: $p, heldOn: "2025-02-01", notes: "Pembinaan") { id } }', vars: (f) => ({ p: f.ids.improvementPlan }),
    note: 'the owner (the direct supervisor) only',
  },
  {
    op: 'Mutation.reviewImprovementPlan', allow: ['directSupervisor'],
    doc: 'mutation($p: ID!) { reviewImprovementPlan(planId: $p, outcome: RETEST, reason: "Uji kompetensi ulang") { id } }', vars: (f) => ({ p: f.ids.improvementPlan }),
    note: 'RETEST is the owner\'s; ADMIN decides TRANSFER, TEMPORARY_POST and DISCHARGE_RECOMMENDED (services/recognition/test/follow-ups.graph.test.ts)',
  },
];

/** Rows for operations that teammates are adding now; a row whose field the graph lacks is reported, not run. */
export const PENDING: Row[] = [
  {
    op: 'Query.auditTrail', allow: ADMIN,
    doc: 'query($id: ID!) { auditTrail(entityType: "Employee", entityId: $id) { __typename } }', vars: (f) => ({ id: f.target.id }),
  },
];
