// Evaluation through the gateway, with the real personnel subgraph, PostgreSQL and Kafka.
import { randomUUID } from 'node:crypto';
import { EVENTS, validateEnvelope } from '@kinerja/events';
import { personnelService } from '@kinerja/personnel';
import { codeOf, createUnit, graphql, graphqlOk, readTopic, registerEmployee, rowCounts, setUnitHead, startGraph, type Person, type TestGraph } from '@kinerja/testing';
import { evaluationService } from '../src';
import { ADMIN_ID, asGateway } from './helpers';

const EVALUATION = `id status resultRating behaviorRating predicate version completedAt
  employee { id } evaluator { id } cycle { id year periodType period status }
  feedback { id source author { id } coreValue score comment }
  behaviorSummary { coreValue mean count }`;

describe('evaluation through the gateway', () => {
  let graph: TestGraph;
  let admin: string;
  let analyst: string;
  let head: Person; // heads DINKES, no supervisor
  let kabid: Person; // heads the bidang, reports to head
  let budi: Person; // staff under kabid
  let rina: Person; // Budi's peer
  let dodi: Person; // reports to Budi
  let wati: Person; // DINKES, no supervisor: evaluated by the unit head
  let andi: Person; // another dinas
  const tokens: Record<string, string> = {};
  let cycleId: string;
  let budiEval: string;

  const as = (who: string) => ({ token: tokens[who] as string });
  const start = (employeeId: string, token: string, cycle = cycleId) =>
    graphql(graph.url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id evaluator { id } status version } }`, { e: employeeId, c: cycle }, { token });
  const give = (evaluationId: string, input: Record<string, unknown>, token: string) =>
    graphql(graph.url, `mutation($id: ID!, $input: FeedbackInput!) { giveFeedback(evaluationId: $id, input: $input) { id source author { id } coreValue score comment } }`, { id: evaluationId, input }, { token });
  const read = (id: string, token: string) => graphql(graph.url, `query($id: ID!) { evaluation(id: $id) { ${EVALUATION} } }`, { id }, { token });
  const rate = (id: string, r: string, b: string, v: number, token: string) =>
    graphql(graph.url, `mutation($id: ID!, $r: Rating!, $b: Rating!, $v: Int!) { rateEvaluation(id: $id, resultRating: $r, behaviorRating: $b, expectedVersion: $v) { id resultRating behaviorRating predicate version status } }`, { id, r, b, v }, { token });
  const complete = (id: string, v: number, token: string) =>
    graphql(graph.url, `mutation($id: ID!, $v: Int!) { completeEvaluation(id: $id, expectedVersion: $v) { id status predicate version completedAt } }`, { id, v }, { token });
  const openCycle = (input: Record<string, unknown>, token = admin) =>
    graphql(graph.url, `mutation($input: EvaluationCycleInput!) { openEvaluationCycle(input: $input) { id name year periodType period status opensOn closesOn } }`, { input }, { token });

  beforeAll(async () => {
    graph = await startGraph([personnelService, evaluationService], 'evaluation');
    admin = await graph.token(ADMIN_ID, ['ADMIN', 'EMPLOYEE']);
    analyst = await graph.token(randomUUID(), ['ANALYST']);
    const dinkes = await createUnit(graph.url, admin, 'DINKES', 'Dinas Kesehatan', 'DINAS');
    const p2p = await createUnit(graph.url, admin, 'DINKES-P2P', 'Bidang Pencegahan dan Pengendalian Penyakit', 'BIDANG', dinkes);
    const disdik = await createUnit(graph.url, admin, 'DISDIK', 'Dinas Pendidikan', 'DINAS');
    head = await registerEmployee(graph.url, admin, { name: 'Hendra Saputra', unitId: dinkes, sequence: 1, positionKind: 'JPT' });
    await setUnitHead(graph.url, admin, dinkes, head.id);
    kabid = await registerEmployee(graph.url, admin, { name: 'Siti Aminah', unitId: p2p, supervisorId: head.id, sequence: 2, positionKind: 'ADMINISTRATOR' });
    await setUnitHead(graph.url, admin, p2p, kabid.id);
    budi = await registerEmployee(graph.url, admin, { name: 'Budi Santoso', unitId: p2p, supervisorId: kabid.id, sequence: 3, positionKind: 'PENGAWAS' });
    rina = await registerEmployee(graph.url, admin, { name: 'Rina Lestari', unitId: p2p, supervisorId: kabid.id, sequence: 4 });
    dodi = await registerEmployee(graph.url, admin, { name: 'Dodi Pratama', unitId: p2p, supervisorId: budi.id, sequence: 5 });
    wati = await registerEmployee(graph.url, admin, { name: 'Wati Handayani', unitId: dinkes, sequence: 6 });
    andi = await registerEmployee(graph.url, admin, { name: 'Andi Wijaya', unitId: disdik, sequence: 7 });
    for (const [name, p] of Object.entries({ head, kabid, budi, rina, dodi, wati, andi })) tokens[name] = await graph.token(p.id);
  });

  afterAll(() => graph?.stop());

  describe('cycles', () => {
    it('lets ADMIN open an ANNUAL cycle and lists it by year', async () => {
      const r = await openCycle({ name: 'Penilaian Kinerja Tahunan 2026', year: 2026, periodType: 'ANNUAL', period: null, opensOn: '2026-01-01', closesOn: '2026-12-31' });
      expect(r.errors).toBeUndefined();
      expect(r.data!.openEvaluationCycle).toMatchObject({ year: 2026, periodType: 'ANNUAL', period: null, status: 'OPEN', opensOn: '2026-01-01', closesOn: '2026-12-31' });
      cycleId = r.data!.openEvaluationCycle.id;
      const list = await graphqlOk(graph.url, `{ evaluationCycles(year: 2026) { id status } }`, {}, as('budi'));
      expect(list.evaluationCycles).toEqual([{ id: cycleId, status: 'OPEN' }]);
    });

    it('refuses cycles to everyone but ADMIN', async () => {
      const r = await openCycle({ name: 'Maret', year: 2026, periodType: 'MONTHLY', period: 3, opensOn: '2026-03-01', closesOn: '2026-03-31' }, tokens.kabid);
      expect(codeOf(r)).toBe('FORBIDDEN');
      const c = await graphql(graph.url, `mutation($id: ID!) { closeEvaluationCycle(id: $id) { id } }`, { id: cycleId }, as('kabid'));
      expect(codeOf(c)).toBe('FORBIDDEN');
    });

    it.each([
      ['MONTHLY', 13, /^period: must be a month 1-12/],
      ['MONTHLY', null, /^period: must be a month 1-12/],
      ['QUARTERLY', 5, /^period: must be a quarter 1-4/],
      ['ANNUAL', 1, /^period: must be empty for an ANNUAL cycle/],
    ])('refuses a %s cycle with period %s, naming the field', async (periodType, period, message) => {
      const r = await openCycle({ name: 'Salah', year: 2026, periodType, period, opensOn: '2026-01-01', closesOn: '2026-03-31' });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(message);
    });

    it('refuses a cycle that closes before it opens', async () => {
      const r = await openCycle({ name: 'Mundur', year: 2026, periodType: 'QUARTERLY', period: 2, opensOn: '2026-06-30', closesOn: '2026-04-01' });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(/^closesOn: must be on or after opensOn/);
    });

    it('refuses a second OPEN cycle with the same year, type and period, and allows it once the first is closed', async () => {
      const q1 = { name: 'Triwulan I 2026', year: 2026, periodType: 'QUARTERLY', period: 1, opensOn: '2026-01-01', closesOn: '2026-03-31' };
      const first = await openCycle(q1);
      expect(first.errors).toBeUndefined();
      const before = await rowCounts(graph.databases.evaluation!.url, ['evaluation_cycle']);
      const dup = await openCycle(q1);
      expect(codeOf(dup)).toBe('CONFLICT');
      expect(dup.errors![0]!.message).toMatch(/an OPEN QUARTERLY cycle for 2026 period 1 already exists/);
      expect(await rowCounts(graph.databases.evaluation!.url, ['evaluation_cycle'])).toEqual(before);
      // Another quarter is fine.
      expect((await openCycle({ ...q1, name: 'Triwulan II 2026', period: 2, opensOn: '2026-04-01', closesOn: '2026-06-30' })).errors).toBeUndefined();
      const closed = await graphqlOk(graph.url, `mutation($id: ID!) { closeEvaluationCycle(id: $id) { status } }`, { id: first.data!.openEvaluationCycle.id }, { token: admin });
      expect(closed.closeEvaluationCycle.status).toBe('CLOSED');
      expect((await openCycle(q1)).errors).toBeUndefined();
    });
  });

  describe('starting evaluations', () => {
    it('lets the direct supervisor start one; the evaluator is that supervisor', async () => {
      const r = await start(budi.id, tokens.kabid as string);
      expect(r.errors).toBeUndefined();
      expect(r.data!.startEvaluation).toMatchObject({ evaluator: { id: kabid.id }, status: 'DRAFT', version: 1 });
      budiEval = r.data!.startEvaluation.id;
    });

    it('allows one evaluation per employee per cycle', async () => {
      const r = await start(budi.id, admin);
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors![0]!.message).toMatch(/^employeeId: this employee already has an evaluation in this cycle/);
    });

    it('refuses anyone but the direct supervisor or ADMIN', async () => {
      for (const who of ['rina', 'head', 'budi']) expect(codeOf(await start(rina.id, tokens[who] as string))).toBe('FORBIDDEN');
      const r = await start(rina.id, admin);
      expect(r.data!.startEvaluation.evaluator).toEqual({ id: kabid.id });
    });

    it('names the unit head as evaluator for an employee without a supervisor', async () => {
      const r = await start(wati.id, tokens.head as string);
      expect(r.errors).toBeUndefined();
      expect(r.data!.startEvaluation.evaluator).toEqual({ id: head.id });
    });

    it('refuses clearly when there is neither a supervisor nor a unit head above', async () => {
      const r = await start(head.id, admin);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(/^employeeId: this employee has no direct supervisor and no unit head above them/);
    });

    it('starts evaluations only in an OPEN cycle, and not for unknown employees', async () => {
      const closed = await openCycle({ name: 'Januari 2026', year: 2026, periodType: 'MONTHLY', period: 1, opensOn: '2026-01-01', closesOn: '2026-01-31' });
      const id = closed.data!.openEvaluationCycle.id;
      await graphqlOk(graph.url, `mutation($id: ID!) { closeEvaluationCycle(id: $id) { id } }`, { id }, { token: admin });
      const r = await start(dodi.id, tokens.budi as string, id);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(/^cycleId: the cycle is CLOSED/);
      expect(codeOf(await start(randomUUID(), admin))).toBe('NOT_FOUND');
    });
  });

  describe('feedback', () => {
    it.each([
      ['budi', 'SELF', 'KOMPETEN', 4],
      ['rina', 'PEER', 'HARMONIS', 5],
      ['dodi', 'SUBORDINATE', 'BERORIENTASI_PELAYANAN', 3],
      ['kabid', 'SUPERVISOR', 'AKUNTABEL', 4],
      ['head', 'SUPERVISOR', 'LOYAL', 5],
    ])('%s may give %s feedback', async (who, source, coreValue, score) => {
      const r = await give(budiEval, { source, coreValue, score, comment: `${source} tentang Budi` }, tokens[who] as string);
      expect(r.errors).toBeUndefined();
      // The author sees their own feedback with their name on it.
      expect(r.data!.giveFeedback).toMatchObject({ source, coreValue, score, author: { id: ({ budi, rina, dodi, kabid, head } as Record<string, Person>)[who]!.id } });
    });

    it.each([
      ['budi', 'SELF'], ['rina', 'PEER'], ['dodi', 'SUBORDINATE'], ['kabid', 'SUPERVISOR'], ['head', 'SUPERVISOR'], ['andi', null], ['wati', null],
    ])('feedbackTargets tells %s the source giveFeedback allows them on the open evaluation: %s', async (who, source) => {
      const data = await graphqlOk(graph.url, '{ feedbackTargets { source evaluation { id status employee { id } } } }', {}, { token: tokens[who] as string });
      const target = (data.feedbackTargets as Array<{ source: string; evaluation: { id: string; status: string; employee: { id: string } } }>).filter((t) => t.evaluation.id === budiEval);
      expect(target).toEqual(source ? [{ source, evaluation: { id: budiEval, status: 'DRAFT', employee: { id: budi.id } } }] : []);
      expect(codeOf(await graphql(graph.url, '{ feedbackTargets { source } }'))).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['rina', 'SELF', /SELF feedback is given only by the evaluated employee/],
      ['budi', 'PEER', /PEER feedback cannot be about yourself/],
      ['andi', 'PEER', /PEER feedback is given only by an employee of the same unit/],
      ['rina', 'SUBORDINATE', /SUBORDINATE feedback is given only by a direct subordinate/],
      ['rina', 'SUPERVISOR', /SUPERVISOR feedback is given only by someone in the evaluated employee's supervisor chain/],
      ['dodi', 'SUPERVISOR', /supervisor chain/],
      ['kabid', 'PUBLIC', /through submitPublicFeedback/],
    ])('%s may not give %s feedback', async (who, source, message) => {
      const before = await rowCounts(graph.databases.evaluation!.url, ['feedback']);
      const r = await give(budiEval, { source, score: 3 }, tokens[who] as string);
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.errors![0]!.message).toMatch(message);
      expect(await rowCounts(graph.databases.evaluation!.url, ['feedback'])).toEqual(before);
    });

    it.each([
      ['a score of 0', { score: 0 }, /score: score must be 1 to 5/],
      ['a score of 6', { score: 6 }, /score: score must be 1 to 5/],
      ['a comment over 1000 characters', { score: 3, comment: 'x'.repeat(1001) }, /comment: comment must be at most 1000 characters/],
    ])('refuses %s, naming the field', async (_case, input, message) => {
      const r = await give(budiEval, { source: 'PEER', ...input }, tokens.rina as string);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(message);
    });

    it('replaces an author\'s earlier feedback on the same core value, and keeps one per value', async () => {
      const before = await rowCounts(graph.databases.evaluation!.url, ['feedback']);
      const again = await give(budiEval, { source: 'PEER', coreValue: 'HARMONIS', score: 2, comment: 'Setelah dipikir lagi' }, tokens.rina as string);
      expect(again.data!.giveFeedback).toMatchObject({ score: 2, comment: 'Setelah dipikir lagi' });
      expect(await rowCounts(graph.databases.evaluation!.url, ['feedback'])).toEqual(before);
      await give(budiEval, { source: 'PEER', coreValue: 'KOLABORATIF', score: 4 }, tokens.rina as string);
      await give(budiEval, { source: 'PEER', score: 5, comment: 'Umum, tanpa nilai inti' }, tokens.rina as string);
      expect((await rowCounts(graph.databases.evaluation!.url, ['feedback'])).feedback).toBe(before.feedback! + 2);
      const rows = await graph.services.evaluation!.dataSource.query(`SELECT core_value, score FROM feedback WHERE evaluation_id = $1 AND author_id = $2 ORDER BY core_value NULLS LAST`, [budiEval, rina.id]);
      expect(rows).toEqual([{ core_value: 'HARMONIS', score: 2 }, { core_value: 'KOLABORATIF', score: 4 }, { core_value: null, score: 5 }]);
    });

    it('collects no feedback once the cycle is closed', async () => {
      const feb = await openCycle({ name: 'Februari 2026', year: 2026, periodType: 'MONTHLY', period: 2, opensOn: '2026-02-01', closesOn: '2026-02-28' });
      const started = await start(dodi.id, tokens.budi as string, feb.data!.openEvaluationCycle.id);
      expect(started.data!.startEvaluation.evaluator).toEqual({ id: budi.id });
      await graphqlOk(graph.url, `mutation($id: ID!) { closeEvaluationCycle(id: $id) { id } }`, { id: feb.data!.openEvaluationCycle.id }, { token: admin });
      const r = await give(started.data!.startEvaluation.id, { source: 'SELF', score: 4 }, tokens.dodi as string);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(/^evaluationId: the cycle is CLOSED: feedback is no longer collected/);
    });

    it('summarizes mean and count per core value over all feedback', async () => {
      await give(budiEval, { source: 'SUPERVISOR', coreValue: 'HARMONIS', score: 5 }, tokens.kabid as string);
      const r = await read(budiEval, tokens.kabid as string);
      const summary = r.data!.evaluation.behaviorSummary;
      expect(summary).toEqual([
        { coreValue: 'BERORIENTASI_PELAYANAN', mean: 3, count: 1 },
        { coreValue: 'AKUNTABEL', mean: 4, count: 1 },
        { coreValue: 'KOMPETEN', mean: 4, count: 1 },
        { coreValue: 'HARMONIS', mean: 3.5, count: 2 },
        { coreValue: 'LOYAL', mean: 5, count: 1 },
        { coreValue: 'KOLABORATIF', mean: 4, count: 1 },
      ]);
    });
  });

  describe('anonymity, wherever the evaluation is read', () => {
    const authorsBySource = (feedback: Array<{ source: string; author: { id: string } | null }>) => {
      const out: Record<string, Array<string | null>> = {};
      for (const f of feedback) (out[f.source] ??= []).push(f.author?.id ?? null);
      return out;
    };

    beforeAll(async () => {
      await graphqlOk(graph.url, `mutation($input: PublicFeedbackInput!) { submitPublicFeedback(input: $input) }`, { input: { employeeNip: budi.nip, coreValue: 'BERORIENTASI_PELAYANAN', score: 5, comment: 'Pelayanan cepat' } });
    });

    it('hides PEER, SUBORDINATE and PUBLIC authors from the evaluated employee in evaluation(id)', async () => {
      const r = await read(budiEval, tokens.budi as string);
      expect(r.errors).toBeUndefined();
      const authors = authorsBySource(r.data!.evaluation.feedback);
      expect(authors.PEER!.every((a) => a === null)).toBe(true);
      expect(authors.SUBORDINATE).toEqual([null]);
      expect(authors.PUBLIC).toEqual([null]);
      expect(authors.SELF).toEqual([budi.id]);
      expect(authors.SUPERVISOR!.sort()).toEqual([kabid.id, kabid.id, head.id].sort());
      // The comments themselves are his to read.
      expect(r.data!.evaluation.feedback.find((f: { source: string }) => f.source === 'PUBLIC').comment).toBe('Pelayanan cepat');
    });

    it('hides them in Employee.evaluations and latestEvaluation too', async () => {
      const r = await graphqlOk(graph.url, `query($id: ID!) { employee(id: $id) { name evaluations(year: 2026) { id feedback { source author { id name } } } latestEvaluation { id feedback { source author { id } } } } }`, { id: budi.id }, as('budi'));
      const [evaluation] = r.employee.evaluations;
      expect(evaluation.id).toBe(budiEval);
      for (const list of [evaluation.feedback, r.employee.latestEvaluation.feedback]) {
        const authors = authorsBySource(list);
        expect([...authors.PEER!, ...authors.SUBORDINATE!, ...authors.PUBLIC!].every((a) => a === null)).toBe(true);
        expect(authors.SELF).toHaveLength(1);
      }
    });

    it('hides them through _entities, asked of the subgraph directly with the employee\'s identity', async () => {
      const r = await asGateway(graph.services.evaluation!.url, { employeeId: budi.id, roles: ['EMPLOYEE'] },
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Evaluation { id feedback { source author { id } } } ... on Employee { id evaluations { feedback { source author { id } } } } } }`,
        { r: [{ __typename: 'Evaluation', id: budiEval }, { __typename: 'Employee', id: budi.id }] });
      expect(r.errors).toBeUndefined();
      const [evaluation, employee] = r.data!._entities;
      for (const list of [evaluation.feedback, employee.evaluations[0].feedback]) {
        const authors = authorsBySource(list);
        expect(authors.PEER!.every((a) => a === null)).toBe(true);
        expect(authors.SUBORDINATE).toEqual([null]);
        expect(authors.PUBLIC).toEqual([null]);
      }
    });

    it('shows the supervisor and ADMIN who wrote PEER and SUBORDINATE feedback, and nobody who wrote PUBLIC', async () => {
      for (const token of [tokens.kabid as string, tokens.head as string, admin]) {
        const authors = authorsBySource((await read(budiEval, token)).data!.evaluation.feedback);
        expect(new Set(authors.PEER)).toEqual(new Set([rina.id]));
        expect(authors.SUBORDINATE).toEqual([dodi.id]);
        expect(authors.PUBLIC).toEqual([null]);
      }
      const stored = await graph.services.evaluation!.dataSource.query(`SELECT author_id FROM feedback WHERE source = 'PUBLIC'`);
      expect(stored.every((r: { author_id: string | null }) => r.author_id === null)).toBe(true);
    });

    it('shows a colleague only that the evaluation exists and their own feedback; an outsider nothing', async () => {
      const r = await read(budiEval, tokens.rina as string);
      expect(r.data!.evaluation).toMatchObject({ id: budiEval, resultRating: null, predicate: null, behaviorSummary: [] });
      expect(r.data!.evaluation.feedback.every((f: { author: { id: string } }) => f.author.id === rina.id)).toBe(true);
      expect(codeOf(await read(budiEval, tokens.andi as string))).toBe('FORBIDDEN');
      const list = await graphqlOk(graph.url, `query($id: ID!) { employee(id: $id) { evaluations { id } latestEvaluation { id } } }`, { id: budi.id }, as('andi'));
      expect(list.employee).toEqual({ evaluations: [], latestEvaluation: null });
    });

    it('gives ANALYST scores without comments or authors', async () => {
      const r = await read(budiEval, analyst);
      expect(r.errors).toBeUndefined();
      expect(r.data!.evaluation.feedback.every((f: { author: unknown; comment: unknown }) => f.author === null && f.comment === null)).toBe(true);
      expect(r.data!.evaluation.behaviorSummary.length).toBeGreaterThan(0);
    });
  });

  describe('rating and completion', () => {
    it('refuses anyone but the evaluator or ADMIN', async () => {
      for (const who of ['budi', 'rina', 'head']) expect(codeOf(await rate(budiEval, 'ABOVE_EXPECTATION', 'MEETS_EXPECTATION', 1, tokens[who] as string))).toBe('FORBIDDEN');
      expect(codeOf(await complete(budiEval, 1, tokens.budi as string))).toBe('FORBIDDEN');
    });

    it('refuses completion before both ratings exist, writing nothing', async () => {
      const before = await rowCounts(graph.databases.evaluation!.url, ['outbox']);
      const r = await complete(budiEval, 1, tokens.kabid as string);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(/^id: the evaluation needs both resultRating and behaviorRating/);
      expect(await rowCounts(graph.databases.evaluation!.url, ['outbox'])).toEqual(before);
    });

    it('rates with expectedVersion, sets the predicate, and refuses a stale version with CONFLICT', async () => {
      const r = await rate(budiEval, 'ABOVE_EXPECTATION', 'BELOW_EXPECTATION', 1, tokens.kabid as string);
      expect(r.data!.rateEvaluation).toMatchObject({ predicate: 'KURANG', version: 2 });
      const stale = await rate(budiEval, 'ABOVE_EXPECTATION', 'ABOVE_EXPECTATION', 1, tokens.kabid as string);
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(stale.errors![0]!.message).toMatch(/expectedVersion 1 is stale: the evaluation is at version 2/);
      const again = await rate(budiEval, 'ABOVE_EXPECTATION', 'ABOVE_EXPECTATION', 2, tokens.kabid as string);
      expect(again.data!.rateEvaluation).toMatchObject({ resultRating: 'ABOVE_EXPECTATION', behaviorRating: 'ABOVE_EXPECTATION', predicate: 'SANGAT_BAIK', version: 3 });
      expect(codeOf(await complete(budiEval, 2, tokens.kabid as string))).toBe('CONFLICT');
    });

    it('completes in one transaction with exactly one evaluation.completed outbox row, then is read-only', async () => {
      const before = (await rowCounts(graph.databases.evaluation!.url, ['outbox'])).outbox!;
      const r = await complete(budiEval, 3, tokens.kabid as string);
      expect(r.errors).toBeUndefined();
      expect(r.data!.completeEvaluation).toMatchObject({ status: 'COMPLETED', predicate: 'SANGAT_BAIK', version: 4 });
      expect(r.data!.completeEvaluation.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const rows = await graph.services.evaluation!.dataSource.query(`SELECT aggregate_id, topic, envelope FROM outbox ORDER BY id`);
      expect(rows).toHaveLength(before + 1);
      const row = rows[rows.length - 1];
      expect(row).toMatchObject({ aggregate_id: budi.id, topic: EVENTS['evaluation.completed'].topic });
      expect(validateEnvelope('evaluation.completed', row.envelope).ok).toBe(true);

      expect(codeOf(await rate(budiEval, 'BELOW_EXPECTATION', 'BELOW_EXPECTATION', 4, tokens.kabid as string))).toBe('CONFLICT');
      expect(codeOf(await complete(budiEval, 4, tokens.kabid as string))).toBe('CONFLICT');
      const fb = await give(budiEval, { source: 'PEER', score: 1 }, tokens.rina as string);
      expect(codeOf(fb)).toBe('CONFLICT');
      expect(fb.errors![0]!.message).toMatch(/COMPLETED and read-only/);
      expect((await rowCounts(graph.databases.evaluation!.url, ['outbox'])).outbox).toBe(before + 1);
    });

    it('puts exactly one valid kinerja.evaluation.completed.v1 message on the broker, keyed by employee id', async () => {
      const topic = `${graph.topicPrefix}${EVENTS['evaluation.completed'].topic}`;
      const messages = await readTopic(topic, 1, { settleMs: 2000 });
      const mine = messages.filter((m) => JSON.parse(m.message.value!.toString()).data.evaluationId === budiEval);
      expect(mine).toHaveLength(1);
      const { message } = mine[0]!;
      expect(message.key!.toString()).toBe(budi.id);
      const envelope = JSON.parse(message.value!.toString());
      expect(message.headers!.eventId!.toString()).toBe(envelope.eventId);
      expect(message.headers!.type!.toString()).toBe('evaluation.completed');
      expect(validateEnvelope('evaluation.completed', envelope)).toMatchObject({ ok: true });
      expect(envelope).toMatchObject({
        type: 'evaluation.completed', version: 1, producer: 'evaluation',
        data: {
          evaluationId: budiEval, employeeId: budi.id, nip: budi.nip, evaluatorId: kabid.id,
          cycle: { id: cycleId, year: 2026, periodType: 'ANNUAL', period: null },
          resultRating: 'ABOVE_EXPECTATION', behaviorRating: 'ABOVE_EXPECTATION', predicate: 'SANGAT_BAIK',
        },
      });
      const [unit] = await graph.services.personnel!.dataSource.query(`SELECT unit_id FROM employee WHERE id = $1`, [budi.id]);
      expect(envelope.data.unitId).toBe(unit.unit_id);
      const [sent] = await graph.services.evaluation!.dataSource.query(`SELECT sent_at, attempts FROM outbox WHERE envelope->>'eventId' = $1`, [envelope.eventId]);
      expect(sent.sent_at).not.toBeNull();
    });

    it('lets ADMIN rate and complete too', async () => {
      const [rinaEval] = await graph.services.evaluation!.dataSource.query(`SELECT id FROM evaluation WHERE employee_id = $1`, [rina.id]);
      const r = await rate(rinaEval.id, 'BELOW_EXPECTATION', 'MEETS_EXPECTATION', 1, admin);
      expect(r.data!.rateEvaluation.predicate).toBe('BUTUH_PERBAIKAN');
      expect((await complete(rinaEval.id, 2, admin)).data!.completeEvaluation.status).toBe('COMPLETED');
    });

    it('lists an employee\'s evaluations by year with the latest first', async () => {
      const r = await graphqlOk(graph.url, `query($id: ID!) { employee(id: $id) { evaluations(year: 2026) { id status predicate } none: evaluations(year: 2025) { id } latestEvaluation { id status } } }`, { id: budi.id }, as('kabid'));
      expect(r.employee.evaluations).toEqual([{ id: budiEval, status: 'COMPLETED', predicate: 'SANGAT_BAIK' }]);
      expect(r.employee.none).toEqual([]);
      expect(r.employee.latestEvaluation).toEqual({ id: budiEval, status: 'COMPLETED' });
    });
  });
});
