// Review of a completed evaluation through the gateway (DOMAIN.md, PP 30/2019 art. 59; PermenPANRB
// 6/2022): objection, statements, the reviewer's decision, ADMIN correction, the organisation
// predicate and the curve, with the real personnel subgraph, PostgreSQL and Kafka.
import { randomUUID } from 'node:crypto';
import { EVENTS, validateEnvelope } from '@kinerja/events';
import { personnelService } from '@kinerja/personnel';
import { codeOf, createUnit, graphql, graphqlOk, readTopic, registerEmployee, setUnitHead, startGraph, type GraphQLResponse, type Person, type TestGraph } from '@kinerja/testing';
import { evaluationService } from '../src';
import { ADMIN_ID } from './helpers';

const EVALUATION = 'id status resultRating behaviorRating predicate completedAt objectionDeadline supersedes { id status } supersededBy { id status }';
const OBJECTION = 'id status reason evidenceUrl reviewer { id } statements { author { id } text } decisionNote evaluation { id status }';

describe('objections, corrections and the curve through the gateway', () => {
  let graph: TestGraph;
  let admin: string;
  let analyst: string;
  let head: Person; // heads DINKES, no supervisor
  let kabid: Person; // heads the bidang, reports to head
  let budi: Person; // reports to kabid
  let rina: Person; // reports to kabid
  let wati: Person; // DINKES, no supervisor: evaluated by head, whose objections BKPSDM reviews
  let bkHead: Person; // heads BKPSDMD
  let outsider: Person; // another dinas
  let dinkes: string;
  let p2p: string;
  let cycleId: string;
  const tokens: Record<string, string> = {};
  const evals: Record<string, string> = {};
  const db = () => graph.services.evaluation!.dataSource;
  const eventsOf = async (type: 'evaluation.completed' | 'objection.decided', count: number) =>
    (await readTopic(`${graph.topicPrefix}${EVENTS[type].topic}`, count)).map((m) => JSON.parse(String(m.message.value)) as { eventId: string; data: Record<string, unknown> });

  const file = (evaluationId: string, token: string, reason = 'Capaian target layanan imunisasi 112% tidak diperhitungkan', evidenceUrl: string | null = 'https://arsip.bungokab.go.id/skp/2026/budi.pdf') =>
    graphql(graph.url, `mutation($e: ID!, $r: String!, $u: String) { fileObjection(evaluationId: $e, reason: $r, evidenceUrl: $u) { ${OBJECTION} } }`, { e: evaluationId, r: reason, u: evidenceUrl }, { token });
  const say = (objectionId: string, text: string, token: string) =>
    graphql(graph.url, `mutation($o: ID!, $t: String!) { addObjectionStatement(objectionId: $o, text: $t) { ${OBJECTION} } }`, { o: objectionId, t: text }, { token });
  const decide = (objectionId: string, v: { uphold: boolean; r?: string; b?: string; note?: string }, token: string) =>
    graphql(graph.url, `mutation($o: ID!, $u: Boolean!, $r: Rating, $b: Rating, $n: String!) { decideObjection(objectionId: $o, uphold: $u, resultRating: $r, behaviorRating: $b, note: $n) { ${OBJECTION} decidedAt } }`,
      { o: objectionId, u: v.uphold, r: v.r ?? null, b: v.b ?? null, n: v.note ?? 'Setelah mendengar kedua pihak' }, { token });
  const correct = (evaluationId: string, r: string, b: string, token: string, reason = 'Rating tertukar saat entri data (BA koreksi 12/2026)') =>
    graphql(graph.url, `mutation($e: ID!, $r: Rating!, $b: Rating!, $why: String!) { correctEvaluation(evaluationId: $e, resultRating: $r, behaviorRating: $b, reason: $why) { ${EVALUATION} } }`, { e: evaluationId, r, b, why: reason }, { token });
  const read = (id: string, token: string) => graphqlOk(graph.url, `query($id: ID!) { evaluation(id: $id) { ${EVALUATION} objection { id status } } }`, { id }, { token });
  const distribution = (unitId: string, token: string, year = 2026, including: string | null = null) =>
    graphql(graph.url, `query($c: String, $y: Int!, $i: ID) { organizationUnit(code: $c) { id predicateDistribution(year: $y, including: $i) { year organizationPredicate evaluated inProgress counts { predicate count percent } warnings { rule message } note assumed } } }`, { c: codes[unitId], y: year, i: including }, { token });
  const codes: Record<string, string> = {};

  /** Starts, rates and completes an evaluation through the gateway; returns the completion's response. */
  async function completeOne(employee: Person, evaluatorToken: string, r: string, b: string, selfFeedback?: string): Promise<GraphQLResponse> {
    const started = await graphqlOk(graph.url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id } }`, { e: employee.id, c: cycleId }, { token: evaluatorToken });
    const id = started.startEvaluation.id as string;
    if (selfFeedback) {
      await graphqlOk(graph.url, `mutation($id: ID!, $c: String) { giveFeedback(evaluationId: $id, input: { source: SELF, coreValue: KOMPETEN, score: 5, comment: $c }) { id } }`, { id, c: selfFeedback }, { token: tokens[Object.entries({ budi, rina }).find(([, p]) => p.id === employee.id)![0]]! });
    }
    await graphqlOk(graph.url, `mutation($id: ID!, $r: Rating!, $b: Rating!) { rateEvaluation(id: $id, resultRating: $r, behaviorRating: $b, expectedVersion: 1) { version } }`, { id, r, b }, { token: evaluatorToken });
    evals[employee.id] = id;
    return graphql(graph.url, `mutation($id: ID!) { completeEvaluation(id: $id, expectedVersion: 2) { id status predicate } }`, { id }, { token: evaluatorToken });
  }

  beforeAll(async () => {
    graph = await startGraph([personnelService, evaluationService], 'review');
    admin = await graph.token(ADMIN_ID, ['ADMIN', 'EMPLOYEE']);
    analyst = await graph.token(randomUUID(), ['ANALYST']);
    const bkpsdmd = await createUnit(graph.url, admin, 'BKPSDMD', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah', 'BADAN');
    dinkes = await createUnit(graph.url, admin, 'DINKES', 'Dinas Kesehatan', 'DINAS');
    p2p = await createUnit(graph.url, admin, 'DINKES-P2P', 'Bidang Pencegahan dan Pengendalian Penyakit', 'BIDANG', dinkes);
    const disdik = await createUnit(graph.url, admin, 'DISDIK', 'Dinas Pendidikan', 'DINAS');
    Object.assign(codes, { [dinkes]: 'DINKES', [p2p]: 'DINKES-P2P', [disdik]: 'DISDIK' });
    bkHead = await registerEmployee(graph.url, admin, { name: 'Yusuf Maulana', unitId: bkpsdmd, sequence: 9, positionKind: 'JPT' });
    await setUnitHead(graph.url, admin, bkpsdmd, bkHead.id);
    head = await registerEmployee(graph.url, admin, { name: 'Hendra Saputra', unitId: dinkes, sequence: 1, positionKind: 'JPT' });
    await setUnitHead(graph.url, admin, dinkes, head.id);
    kabid = await registerEmployee(graph.url, admin, { name: 'Siti Aminah', unitId: p2p, supervisorId: head.id, sequence: 2, positionKind: 'ADMINISTRATOR' });
    await setUnitHead(graph.url, admin, p2p, kabid.id);
    budi = await registerEmployee(graph.url, admin, { name: 'Budi Santoso', unitId: p2p, supervisorId: kabid.id, sequence: 3 });
    rina = await registerEmployee(graph.url, admin, { name: 'Rina Lestari', unitId: p2p, supervisorId: kabid.id, sequence: 4 });
    wati = await registerEmployee(graph.url, admin, { name: 'Wati Handayani', unitId: dinkes, sequence: 6 });
    outsider = await registerEmployee(graph.url, admin, { name: 'Andi Wijaya', unitId: disdik, sequence: 7 });
    for (const [name, p] of Object.entries({ head, kabid, budi, rina, wati, bkHead, outsider })) tokens[name] = await graph.token(p.id);
    const cycle = await graphqlOk(graph.url, `mutation { openEvaluationCycle(input: { name: "Penilaian Kinerja Tahunan 2026", year: 2026, periodType: ANNUAL, opensOn: "2026-01-01", closesOn: "2026-12-31" }) { id } }`, {}, { token: admin });
    cycleId = cycle.openEvaluationCycle.id;
  }, 120_000);

  afterAll(() => graph?.stop());

  describe('the organisation predicate and the curve', () => {
    it('lets ADMIN alone set a unit\'s organisation predicate, and audits it', async () => {
      const set = (token: string, unitId = dinkes, predicate = 'BAIK') =>
        graphql(graph.url, `mutation($u: ID!, $p: OrganizationPredicate!) { setOrganizationPredicate(unitId: $u, year: 2026, predicate: $p) { id code organizationPredicate(year: 2026) } }`, { u: unitId, p: predicate }, { token });
      expect(codeOf(await set(tokens.head!))).toBe('FORBIDDEN');
      expect(codeOf(await set(analyst))).toBe('FORBIDDEN');
      expect(codeOf(await set(admin, randomUUID()))).toBe('NOT_FOUND');
      const r = await set(admin);
      expect(r.errors).toBeUndefined();
      expect(r.data!.setOrganizationPredicate).toEqual({ id: dinkes, code: 'DINKES', organizationPredicate: 'BAIK' });
      expect((await set(admin, p2p, 'ISTIMEWA')).errors).toBeUndefined();
      const audit = await db().query(`SELECT entity_id, after->>'predicate' AS p, actor_id FROM audit_entry WHERE action = 'setOrganizationPredicate' ORDER BY id`);
      expect(audit).toEqual([{ entity_id: dinkes, p: 'BAIK', actor_id: ADMIN_ID }, { entity_id: p2p, p: 'ISTIMEWA', actor_id: ADMIN_ID }]);
    });

    it('completes an evaluation that breaks the curve, and says so in extensions.curveWarnings', async () => {
      const r = await completeOne(budi, tokens.kabid!, 'MEETS_EXPECTATION', 'MEETS_EXPECTATION', 'Cakupan imunisasi melampaui target');
      expect(r.errors).toBeUndefined();
      expect(r.data!.completeEvaluation).toMatchObject({ status: 'COMPLETED', predicate: 'BAIK' });
      // DINKES (BAIK) with its sub-units: 1 BAIK of 1 evaluated; the bidang (ISTIMEWA) breaks nothing.
      const warnings = r.extensions?.curveWarnings as Array<Record<string, unknown>>;
      expect(warnings.map((w) => [w.unitId, w.rule])).toEqual([
        [dinkes, 'BAIK_MAX_70_BAIK'], [dinkes, 'BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG'],
      ]);
      expect(warnings[0]).toMatchObject({ year: 2026, organizationPredicate: 'BAIK', message: expect.stringContaining('it has 1 BAIK of 1 (100%)') });
    });

    it('shows the distribution to the unit head, the unit\'s evaluators, ADMIN and ANALYST, and no one else', async () => {
      await graphqlOk(graph.url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id } }`, { e: wati.id, c: cycleId }, { token: tokens.head! });
      for (const token of [tokens.head!, tokens.kabid!, admin, analyst]) {
        const r = await distribution(dinkes, token);
        expect(r.errors).toBeUndefined();
        expect(r.data!.organizationUnit.predicateDistribution).toEqual({
          year: 2026, organizationPredicate: 'BAIK', evaluated: 1, inProgress: 1, note: null,
          counts: [
            { predicate: 'SANGAT_BAIK', count: 0, percent: 0 }, { predicate: 'BAIK', count: 1, percent: 100 }, { predicate: 'BUTUH_PERBAIKAN', count: 0, percent: 0 },
            { predicate: 'KURANG', count: 0, percent: 0 }, { predicate: 'SANGAT_KURANG', count: 0, percent: 0 },
          ],
          warnings: [{ rule: 'BAIK_MAX_70_BAIK', message: expect.any(String) }, { rule: 'BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG', message: expect.any(String) }],
          assumed: null,
        });
      }
      for (const token of [tokens.budi!, tokens.outsider!, tokens.bkHead!]) expect(codeOf(await distribution(dinkes, token))).toBe('FORBIDDEN');
      const none = await distribution(dinkes, admin, 2025);
      expect(none.data!.organizationUnit.predicateDistribution).toMatchObject({ organizationPredicate: null, evaluated: 0, warnings: [], note: expect.stringMatching(/No organisation predicate/) });
    });

    it('suggests a unit head\'s result rating from the unit\'s organisation predicate', async () => {
      const started = await graphqlOk(graph.url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id suggestedResultRating } }`, { e: kabid.id, c: cycleId }, { token: tokens.head! });
      evals[kabid.id] = started.startEvaluation.id;
      expect(started.startEvaluation.suggestedResultRating).toBe('ABOVE_EXPECTATION'); // DINKES-P2P is ISTIMEWA
      const why = await graphqlOk(graph.url, `query($id: ID!) { evaluation(id: $id) { suggestedResultRatingReason { rating rule organizationPredicate rhk { kind } } } }`, { id: started.startEvaluation.id }, { token: tokens.head! });
      expect(why.evaluation.suggestedResultRatingReason).toEqual({ rating: 'ABOVE_EXPECTATION', rule: 'ORGANIZATION_PREDICATE', organizationPredicate: 'ISTIMEWA', rhk: [] });
      const staff = await graphqlOk(graph.url, `query($id: ID!) { evaluation(id: $id) { suggestedResultRating } }`, { id: evals[budi.id] }, { token: tokens.kabid! });
      expect(staff.evaluation.suggestedResultRating).toBeNull();
    });
  });

  describe('the distribution as if the evaluation being rated were completed (including)', () => {
    type Answer = Awaited<ReturnType<typeof distribution>>;
    const rules = (r: Answer) => (r.data!.organizationUnit.predicateDistribution.warnings as Array<{ rule: string }>).map((w) => w.rule);
    const counted = (r: Answer) => Object.fromEntries((r.data!.organizationUnit.predicateDistribution.counts as Array<{ predicate: string; count: number }>)
      .filter((c) => c.count > 0).map((c) => [c.predicate, c.count]));

    it('assumes nothing while a rating is missing', async () => {
      // DINKES: budi completed BAIK; wati and kabid (evaluated by head) DRAFT, unrated.
      const r = await distribution(dinkes, tokens.head!, 2026, evals[kabid.id]!);
      expect(r.errors).toBeUndefined();
      expect(r.data!.organizationUnit.predicateDistribution).toMatchObject({ evaluated: 1, inProgress: 2, assumed: null });
      expect(rules(r)).toEqual(['BAIK_MAX_70_BAIK', 'BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG']);
    });

    it('counts it with its current predicate once rated, the curve checked again, for its evaluator and ADMIN', async () => {
      const rated = await graphqlOk(graph.url, `mutation($id: ID!) { rateEvaluation(id: $id, resultRating: BELOW_EXPECTATION, behaviorRating: MEETS_EXPECTATION, expectedVersion: 1) { predicate } }`, { id: evals[kabid.id] }, { token: tokens.head! });
      expect(rated.rateEvaluation.predicate).toBe('BUTUH_PERBAIKAN');
      for (const token of [tokens.head!, admin]) {
        const r = await distribution(dinkes, token, 2026, evals[kabid.id]!);
        expect(r.errors).toBeUndefined();
        expect(r.data!.organizationUnit.predicateDistribution).toMatchObject({ evaluated: 2, inProgress: 1, assumed: 'BUTUH_PERBAIKAN', note: null });
        expect(r.data!.organizationUnit.predicateDistribution.counts).toContainEqual({ predicate: 'BUTUH_PERBAIKAN', count: 1, percent: 50 });
        expect(counted(r)).toEqual({ BAIK: 1, BUTUH_PERBAIKAN: 1 });
        // 50% BAIK and one BUTUH_PERBAIKAN: both of DINKES's broken rules would hold.
        expect(rules(r)).toEqual([]);
      }
      // The bidang's tree holds kabid too.
      const bidang = await distribution(p2p, tokens.head!, 2026, evals[kabid.id]!);
      expect(bidang.data!.organizationUnit.predicateDistribution).toMatchObject({ evaluated: 2, inProgress: 0, assumed: 'BUTUH_PERBAIKAN' });
      // Without it, the counts are the completed ones, as before.
      const plain = await distribution(dinkes, tokens.head!);
      expect(plain.data!.organizationUnit.predicateDistribution).toMatchObject({ evaluated: 1, inProgress: 2, assumed: null });
      expect(rules(plain)).toEqual(['BAIK_MAX_70_BAIK', 'BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG']);
    });

    it('is FORBIDDEN to whoever may read the distribution but not rate that evaluation, and to whoever may not read it', async () => {
      // kabid evaluates budi and rina, so reads DINKES's distribution, but head rates kabid's evaluation.
      expect((await distribution(dinkes, tokens.kabid!)).errors).toBeUndefined();
      for (const token of [tokens.kabid!, analyst]) {
        const r = await distribution(dinkes, token, 2026, evals[kabid.id]!);
        expect(codeOf(r)).toBe('FORBIDDEN');
        expect(r.errors![0]!.message).toMatch(/^including: Only the evaluator/);
        expect(JSON.stringify(r)).not.toContain('BUTUH_PERBAIKAN');
      }
      for (const token of [tokens.budi!, tokens.outsider!]) expect(codeOf(await distribution(dinkes, token, 2026, evals[kabid.id]!))).toBe('FORBIDDEN');
    });

    it('does not assume an evaluation that is not a DRAFT annual one of the year in the unit\'s tree; an unknown one is NOT_FOUND', async () => {
      // Completed: already counted once, never twice.
      const done = await distribution(dinkes, tokens.kabid!, 2026, evals[budi.id]!);
      expect(done.data!.organizationUnit.predicateDistribution).toMatchObject({ evaluated: 1, inProgress: 2, assumed: null });
      // Outside the unit's tree, or another year.
      const disdik = Object.keys(codes).find((id) => codes[id] === 'DISDIK')!;
      expect((await distribution(disdik, admin, 2026, evals[kabid.id]!)).data!.organizationUnit.predicateDistribution).toMatchObject({ evaluated: 0, inProgress: 0, assumed: null });
      expect((await distribution(dinkes, tokens.head!, 2025, evals[kabid.id]!)).data!.organizationUnit.predicateDistribution).toMatchObject({ evaluated: 0, assumed: null });
      // Not annual: a monthly evaluation of rina, rated.
      const month = await graphqlOk(graph.url, `mutation { openEvaluationCycle(input: { name: "Penilaian Kinerja Maret 2026", year: 2026, periodType: MONTHLY, period: 3, opensOn: "2026-03-01", closesOn: "2026-03-31" }) { id } }`, {}, { token: admin });
      const monthly = await graphqlOk(graph.url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id } }`, { e: rina.id, c: month.openEvaluationCycle.id }, { token: tokens.kabid! });
      await graphqlOk(graph.url, `mutation($id: ID!) { rateEvaluation(id: $id, resultRating: ABOVE_EXPECTATION, behaviorRating: ABOVE_EXPECTATION, expectedVersion: 1) { id } }`, { id: monthly.startEvaluation.id }, { token: tokens.kabid! });
      const r = await distribution(dinkes, tokens.kabid!, 2026, monthly.startEvaluation.id);
      expect(r.data!.organizationUnit.predicateDistribution).toMatchObject({ evaluated: 1, inProgress: 2, assumed: null });
      expect(counted(r)).toEqual({ BAIK: 1 });
      for (const id of [randomUUID(), 'not-an-id']) expect(codeOf(await distribution(dinkes, tokens.head!, 2026, id))).toBe('NOT_FOUND');
    });
  });

  describe('an objection', () => {
    let objectionId: string;
    let newEvaluationId: string;

    it('is filed by the evaluated employee alone, with the evaluator\'s own supervisor as reviewer', async () => {
      const before = await read(evals[budi.id]!, tokens.budi!);
      expect(before.evaluation.objectionDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const who of ['kabid', 'head', 'rina']) expect(codeOf(await file(evals[budi.id]!, tokens[who]!))).toBe('FORBIDDEN');
      expect(codeOf(await file(evals[budi.id]!, admin))).toBe('FORBIDDEN');
      expect(codeOf(await file(evals[budi.id]!, tokens.budi!, 'kurang'))).toBe('BAD_USER_INPUT');
      const script = await file(evals[budi.id]!, tokens.budi!, undefined, 'javascript:alert(1)');
      expect(codeOf(script)).toBe('BAD_USER_INPUT');
      expect(script.errors?.[0]?.message).toMatch(/^evidenceUrl: must be an http\(s\) URL of at most 500 characters/);
      expect(codeOf(await file(evals[budi.id]!, tokens.budi!, undefined, `https://arsip.bungokab.go.id/${'x'.repeat(500)}`))).toBe('BAD_USER_INPUT');
      const r = await file(evals[budi.id]!, tokens.budi!);
      expect(r.errors).toBeUndefined();
      expect(r.data!.fileObjection).toMatchObject({ status: 'FILED', reviewer: { id: head.id }, statements: [], evaluation: { id: evals[budi.id], status: 'COMPLETED' } });
      objectionId = r.data!.fileObjection.id;
      const seen = await read(evals[budi.id]!, tokens.kabid!);
      expect(seen.evaluation.objection).toEqual({ id: objectionId, status: 'FILED' });
      const queue = await graphqlOk(graph.url, `{ objectionsToReview { id } }`, {}, { token: tokens.head! });
      expect(queue.objectionsToReview).toEqual([{ id: objectionId }]);
      expect((await graphqlOk(graph.url, `{ objectionsToReview { id } }`, {}, { token: tokens.kabid! })).objectionsToReview).toEqual([]);
    });

    it('hears the employee, the evaluator and the reviewer, and nobody else', async () => {
      expect((await say(objectionId, 'Data capaian triwulan IV terlampir', tokens.budi!)).errors).toBeUndefined();
      expect((await say(objectionId, 'Capaian sudah dipertimbangkan dalam rating perilaku', tokens.kabid!)).errors).toBeUndefined();
      const last = await say(objectionId, 'Mohon data pembanding dari puskesmas', tokens.head!);
      expect(last.data!.addObjectionStatement.statements).toEqual([
        { author: { id: budi.id }, text: 'Data capaian triwulan IV terlampir' },
        { author: { id: kabid.id }, text: 'Capaian sudah dipertimbangkan dalam rating perilaku' },
        { author: { id: head.id }, text: 'Mohon data pembanding dari puskesmas' },
      ]);
      for (const token of [tokens.rina!, tokens.outsider!, admin]) expect(codeOf(await say(objectionId, 'Ikut berpendapat', token))).toBe('FORBIDDEN');
    });

    it('is decided by the reviewer only: not the evaluator, not ADMIN, not another supervisor', async () => {
      for (const token of [tokens.kabid!, tokens.budi!, admin, tokens.bkHead!, tokens.outsider!]) {
        const r = await decide(objectionId, { uphold: false, r: 'ABOVE_EXPECTATION', b: 'ABOVE_EXPECTATION' }, token);
        expect(codeOf(r)).toBe('FORBIDDEN');
      }
      expect(codeOf(await decide(objectionId, { uphold: false, r: 'ABOVE_EXPECTATION' }, tokens.head!))).toBe('BAD_USER_INPUT');
      expect(codeOf(await decide(objectionId, { uphold: true, r: 'ABOVE_EXPECTATION' }, tokens.head!))).toBe('BAD_USER_INPUT');
    });

    it('changes the ratings: a new COMPLETED evaluation supersedes the old, with the quadrant applied again', async () => {
      const r = await decide(objectionId, { uphold: false, r: 'ABOVE_EXPECTATION', b: 'ABOVE_EXPECTATION', note: 'Capaian 112% terbukti; hasil kerja di atas ekspektasi' }, tokens.head!);
      expect(r.errors).toBeUndefined();
      expect(r.data!.decideObjection).toMatchObject({ status: 'CHANGED', decisionNote: 'Capaian 112% terbukti; hasil kerja di atas ekspektasi', evaluation: { id: evals[budi.id], status: 'SUPERSEDED' } });
      // The decision changes the distribution, so it answers with the curve too.
      // The bidang (ISTIMEWA) now has 1 SANGAT_BAIK of 1; DINKES (BAIK) still nobody below BAIK.
      expect((r.extensions?.curveWarnings as Array<{ unitId: string; rule: string }>).map((w) => [w.unitId, w.rule])).toEqual([
        [p2p, 'ISTIMEWA_MAX_70_SANGAT_BAIK'], [dinkes, 'BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG'],
      ]);
      const old = await read(evals[budi.id]!, tokens.budi!);
      expect(old.evaluation).toMatchObject({ status: 'SUPERSEDED', predicate: 'BAIK', supersedes: null, objection: { id: objectionId, status: 'CHANGED' } });
      newEvaluationId = old.evaluation.supersededBy.id;
      const fresh = await read(newEvaluationId, tokens.budi!);
      expect(fresh.evaluation).toMatchObject({
        status: 'COMPLETED', resultRating: 'ABOVE_EXPECTATION', behaviorRating: 'ABOVE_EXPECTATION', predicate: 'SANGAT_BAIK',
        supersedes: { id: evals[budi.id], status: 'SUPERSEDED' }, supersededBy: null, objection: null,
      });
      // The cycle's feedback stays with the employee's current evaluation.
      const feedback = await graphqlOk(graph.url, `query($id: ID!) { evaluation(id: $id) { feedback { source comment } behaviorSummary { coreValue mean } } }`, { id: newEvaluationId }, { token: tokens.kabid! });
      expect(feedback.evaluation).toEqual({ feedback: [{ source: 'SELF', comment: 'Cakupan imunisasi melampaui target' }], behaviorSummary: [{ coreValue: 'KOMPETEN', mean: 5 }] });
      const list = await graphqlOk(graph.url, `query($id: ID) { employee(id: $id) { latestEvaluation { id } evaluations { id status } } }`, { id: budi.id }, { token: tokens.budi! });
      expect(list.employee.latestEvaluation).toEqual({ id: newEvaluationId });
      expect(list.employee.evaluations).toEqual(expect.arrayContaining([{ id: newEvaluationId, status: 'COMPLETED' }, { id: evals[budi.id], status: 'SUPERSEDED' }]));
    });

    it('puts the superseding evaluation.completed (with supersedes) and objection.decided on Kafka', async () => {
      const completed = await eventsOf('evaluation.completed', 2);
      const superseding = completed.find((e) => e.data.evaluationId === newEvaluationId)!;
      expect(superseding.data).toMatchObject({ employeeId: budi.id, predicate: 'SANGAT_BAIK', supersedes: evals[budi.id], cycle: { id: cycleId, year: 2026, periodType: 'ANNUAL' } });
      expect(validateEnvelope('evaluation.completed', superseding)).toMatchObject({ ok: true });
      expect(completed.find((e) => e.data.evaluationId === evals[budi.id])!.data.supersedes).toBeUndefined();
      const [decided] = await eventsOf('objection.decided', 1);
      expect(decided!.data).toMatchObject({
        objectionId, evaluationId: evals[budi.id], employeeId: budi.id, reviewerId: head.id, reviewerKind: 'EVALUATOR_SUPERVISOR', decidedBy: head.id,
        outcome: 'CHANGED', predicateBefore: 'BAIK', newEvaluationId, predicateAfter: 'SANGAT_BAIK',
      });
      expect(validateEnvelope('objection.decided', decided)).toMatchObject({ ok: true });
    });

    it('is final: no second decision, no more statements, no objection on either evaluation', async () => {
      expect(codeOf(await decide(objectionId, { uphold: true }, tokens.head!))).toBe('CONFLICT');
      expect(codeOf(await say(objectionId, 'Satu hal lagi', tokens.budi!))).toBe('CONFLICT');
      const again = await file(evals[budi.id]!, tokens.budi!);
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0]!.extensions!.reason).toBe('SUPERSEDED');
      const onNew = await file(newEvaluationId, tokens.budi!);
      expect(codeOf(onNew)).toBe('CONFLICT');
      expect(onNew.errors![0]!.extensions!.reason).toBe('DECISION_FINAL');
    });

    it('audits every step', async () => {
      const rows = await db().query(`SELECT entity_type, entity_id, action, actor_id FROM audit_entry WHERE action IN ('fileObjection', 'addObjectionStatement', 'decideObjection') ORDER BY id`);
      expect(rows.map((r: { action: string; actor_id: string }) => [r.action, r.actor_id])).toEqual([
        ['fileObjection', budi.id], ['addObjectionStatement', budi.id], ['addObjectionStatement', kabid.id], ['addObjectionStatement', head.id],
        ['decideObjection', head.id], ['decideObjection', head.id], ['decideObjection', head.id],
      ]);
      expect(rows.filter((r: { entity_type: string }) => r.entity_type === 'Evaluation').map((r: { entity_id: string }) => r.entity_id).sort()).toEqual([evals[budi.id], newEvaluationId].sort());
    });
  });

  describe('the objection window', () => {
    it('refuses an objection on the 15th day, naming the deadline, and accepts one on the 14th', async () => {
      await completeOne(rina, tokens.kabid!, 'BELOW_EXPECTATION', 'MEETS_EXPECTATION');
      const id = evals[rina.id]!;
      await db().query(`UPDATE evaluation SET completed_at = now() - interval '15 days' WHERE id = $1`, [id]);
      const late = await file(id, tokens.rina!);
      expect(codeOf(late)).toBe('CONFLICT');
      const { evaluation } = await read(id, tokens.rina!);
      expect(late.errors![0]!.message).toContain(`the objection window closed on ${evaluation.objectionDeadline}`);
      expect(late.errors![0]!.extensions!.reason).toBe('OBJECTION_WINDOW_CLOSED');
      await db().query(`UPDATE evaluation SET completed_at = now() - interval '14 days' WHERE id = $1`, [id]);
      const inTime = await file(id, tokens.rina!, 'Target kegiatan penyuluhan tercapai sesuai laporan bulanan', null);
      expect(inTime.errors).toBeUndefined();
      expect(inTime.data!.fileObjection).toMatchObject({ status: 'FILED', reviewer: { id: head.id }, evidenceUrl: null });
    });

    it('refuses a second objection on the same evaluation', async () => {
      const again = await file(evals[rina.id]!, tokens.rina!);
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0]!.extensions!.reason).toBe('ALREADY_OBJECTED');
    });
  });

  describe('an ADMIN correction', () => {
    it('waits while an objection is pending', async () => {
      const r = await correct(evals[rina.id]!, 'MEETS_EXPECTATION', 'MEETS_EXPECTATION', admin);
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors![0]!.extensions!.reason).toBe('OBJECTION_PENDING');
    });

    it('is ADMIN\'s alone, and supersedes the evaluation with the reason audited and the event on Kafka', async () => {
      const watiEval = (await graphqlOk(graph.url, `query($id: ID) { employee(id: $id) { evaluations { id version } } }`, { id: wati.id }, { token: tokens.head! })).employee.evaluations[0];
      evals[wati.id] = watiEval.id;
      await graphqlOk(graph.url, `mutation($id: ID!) { rateEvaluation(id: $id, resultRating: BELOW_EXPECTATION, behaviorRating: MEETS_EXPECTATION, expectedVersion: 1) { version } }`, { id: watiEval.id }, { token: tokens.head! });
      await graphqlOk(graph.url, `mutation($id: ID!) { completeEvaluation(id: $id, expectedVersion: 2) { status } }`, { id: watiEval.id }, { token: tokens.head! });
      for (const token of [tokens.head!, tokens.wati!, analyst]) expect(codeOf(await correct(watiEval.id, 'MEETS_EXPECTATION', 'MEETS_EXPECTATION', token))).toBe('FORBIDDEN');
      expect(codeOf(await correct(watiEval.id, 'BELOW_EXPECTATION', 'MEETS_EXPECTATION', admin))).toBe('BAD_USER_INPUT');
      const r = await correct(watiEval.id, 'MEETS_EXPECTATION', 'MEETS_EXPECTATION', admin);
      expect(r.errors).toBeUndefined();
      const corrected = r.data!.correctEvaluation;
      expect(corrected).toMatchObject({ status: 'COMPLETED', predicate: 'BAIK', supersedes: { id: watiEval.id, status: 'SUPERSEDED' } });
      expect(Array.isArray(r.extensions?.curveWarnings)).toBe(true);
      expect(codeOf(await correct(watiEval.id, 'ABOVE_EXPECTATION', 'MEETS_EXPECTATION', admin))).toBe('CONFLICT'); // superseded now
      const audit = await db().query(`SELECT entity_id, reason FROM audit_entry WHERE action = 'correctEvaluation' ORDER BY id`);
      expect(audit).toEqual([
        { entity_id: watiEval.id, reason: 'Rating tertukar saat entri data (BA koreksi 12/2026)' },
        { entity_id: corrected.id, reason: 'Rating tertukar saat entri data (BA koreksi 12/2026)' },
      ]);
      const events = await eventsOf('evaluation.completed', 5);
      expect(events.find((e) => e.data.evaluationId === corrected.id)!.data).toMatchObject({ supersedes: watiEval.id, predicate: 'BAIK' });
      evals[wati.id] = corrected.id;
    });

    it('leaves the corrected evaluation open to objection; BKPSDM reviews where the evaluator has no supervisor', async () => {
      const r = await file(evals[wati.id]!, tokens.wati!, 'Perilaku kerja dinilai tanpa umpan balik rekan kerja');
      expect(r.errors).toBeUndefined();
      expect(r.data!.fileObjection.reviewer).toEqual({ id: bkHead.id });
      const objectionId = r.data!.fileObjection.id;
      expect((await graphqlOk(graph.url, `{ objectionsToReview { id } }`, {}, { token: admin })).objectionsToReview).toEqual(expect.arrayContaining([{ id: objectionId }]));
      expect(codeOf(await decide(objectionId, { uphold: true }, tokens.head!))).toBe('FORBIDDEN');
      const upheld = await decide(objectionId, { uphold: true, note: 'Rating sesuai bukti; keberatan ditolak' }, admin);
      expect(upheld.errors).toBeUndefined();
      expect(upheld.data!.decideObjection).toMatchObject({ status: 'UPHELD', evaluation: { id: evals[wati.id], status: 'COMPLETED' } });
      const decided = await eventsOf('objection.decided', 2);
      expect(decided.find((e) => e.data.objectionId === objectionId)!.data).toMatchObject({ outcome: 'UPHELD', reviewerKind: 'BKPSDM', reviewerId: bkHead.id, decidedBy: ADMIN_ID, newEvaluationId: null, predicateAfter: null });
    });
  });
});
