// submitPublicFeedback through the gateway: no login, no identity stored, rate-limited per client.
import { personnelService } from '@kinerja/personnel';
import { codeOf, createUnit, graphql, graphqlOk, registerEmployee, rowCounts, setUnitHead, startGraph, type Person, type TestGraph } from '@kinerja/testing';
import { DataSource } from 'typeorm';
import { evaluationService } from '../src';
import { takeHit } from '../src/rate-limit';
import { ADMIN_ID } from './helpers';

const SUBMIT = `mutation($input: PublicFeedbackInput!) { submitPublicFeedback(input: $input) }`;

describe('public feedback', () => {
  let graph: TestGraph;
  let admin: string;
  let kadis: Person;
  let kapus: Person;
  let nurse: Person;
  let midwife: Person;
  let cycleId: string;
  const evaluations: Record<string, string> = {};

  const submit = (input: Record<string, unknown>) => graphql(graph.url, SUBMIT, { input }); // no token: a citizen
  const db = () => graph.services.evaluation!.dataSource;
  const spaced = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;

  beforeAll(async () => {
    graph = await startGraph([personnelService, evaluationService], 'public-feedback');
    admin = await graph.token(ADMIN_ID, ['ADMIN']);
    const dinkes = await createUnit(graph.url, admin, 'DINKES', 'Dinas Kesehatan', 'DINAS');
    const pkm = await createUnit(graph.url, admin, 'PKM-MUARABUNGO', 'Puskesmas Muara Bungo', 'UPTD', dinkes);
    kadis = await registerEmployee(graph.url, admin, { name: 'Kadis Kesehatan', unitId: dinkes, sequence: 1, positionKind: 'JPT' });
    await setUnitHead(graph.url, admin, dinkes, kadis.id);
    kapus = await registerEmployee(graph.url, admin, { name: 'Kepala Puskesmas', unitId: pkm, supervisorId: kadis.id, sequence: 2, positionKind: 'PENGAWAS' });
    await setUnitHead(graph.url, admin, pkm, kapus.id);
    nurse = await registerEmployee(graph.url, admin, { name: 'Perawat Satu', unitId: pkm, supervisorId: kapus.id, sequence: 3, positionKind: 'FUNGSIONAL' });
    midwife = await registerEmployee(graph.url, admin, { name: 'Bidan Dua', unitId: pkm, supervisorId: kapus.id, sequence: 4, positionKind: 'FUNGSIONAL' });
    const cycle = await graphqlOk(graph.url, `mutation { openEvaluationCycle(input: { name: "Tahunan 2026", year: 2026, periodType: ANNUAL, opensOn: "2026-01-01", closesOn: "2026-12-31" }) { id } }`, {}, { token: admin });
    cycleId = cycle.openEvaluationCycle.id;
    for (const [name, p] of Object.entries({ nurse, kapus })) {
      const r = await graphqlOk(graph.url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id } }`, { e: p.id, c: cycleId }, { token: admin });
      evaluations[name] = r.startEvaluation.id;
    }
  });

  // Every test starts with a fresh allowance: all requests come from one address here.
  beforeEach(() => db().query('DELETE FROM rate_limit'));
  afterAll(() => graph?.stop());

  it('takes feedback on an employee by NIP (spaces allowed) without login, attached to their open evaluation, with no identity stored', async () => {
    const r = await submit({ employeeNip: spaced(nurse.nip), coreValue: 'BERORIENTASI_PELAYANAN', score: 5, comment: 'Ramah dan sigap' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.submitPublicFeedback).toBe(true);
    const rows = await db().query(`SELECT evaluation_id, employee_id, source, author_id, core_value, score, comment FROM feedback`);
    expect(rows).toEqual([{ evaluation_id: evaluations.nurse, employee_id: nurse.id, source: 'PUBLIC', author_id: null, core_value: 'BERORIENTASI_PELAYANAN', score: 5, comment: 'Ramah dan sigap' }]);
    // Nothing about the citizen is kept: no such column exists, and the limiter holds only the gateway's keyed hash.
    const columns = await db().query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'feedback' ORDER BY column_name`);
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual(['author_id', 'comment', 'core_value', 'created_at', 'employee_id', 'evaluation_id', 'id', 'score', 'source', 'unit_id']);
    const keys = await db().query(`SELECT DISTINCT client_key FROM rate_limit`);
    expect(keys).toHaveLength(1);
    expect(keys[0].client_key).toMatch(/^c:[A-Za-z0-9_-]{22}$/);
    expect(keys[0].client_key).not.toContain('127.0.0.1');
  });

  it('takes feedback on a unit by code and gives it to the unit head\'s evaluation', async () => {
    expect((await submit({ unitCode: 'PKM-MUARABUNGO', score: 2, comment: 'Antrean terlalu lama' })).data!.submitPublicFeedback).toBe(true);
    const [row] = await db().query(`SELECT evaluation_id, employee_id, unit_id, author_id FROM feedback WHERE comment = 'Antrean terlalu lama'`);
    expect(row).toMatchObject({ evaluation_id: evaluations.kapus, employee_id: kapus.id, author_id: null });
    expect(row.unit_id).toBeTruthy();
    const seen = await graphqlOk(graph.url, `query($id: ID!) { evaluation(id: $id) { feedback { source author { id } score comment } } }`, { id: evaluations.kapus }, { token: await graph.token(kapus.id) });
    expect(seen.evaluation.feedback).toEqual([{ source: 'PUBLIC', author: null, score: 2, comment: 'Antrean terlalu lama' }]);
  });

  it('keeps feedback for an employee without an open evaluation until their next one starts', async () => {
    await graphqlOk(graph.url, SUBMIT, { input: { employeeNip: midwife.nip, score: 4, coreValue: 'KOMPETEN' } });
    const [waiting] = await db().query(`SELECT evaluation_id FROM feedback WHERE employee_id = $1`, [midwife.id]);
    expect(waiting.evaluation_id).toBeNull();
    const started = await graphqlOk(graph.url, `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id feedback { source score } behaviorSummary { coreValue mean count } } }`, { e: midwife.id, c: cycleId }, { token: await graph.token(kapus.id) });
    expect(started.startEvaluation.feedback).toEqual([{ source: 'PUBLIC', score: 4 }]);
    expect(started.startEvaluation.behaviorSummary).toEqual([{ coreValue: 'KOMPETEN', mean: 4, count: 1 }]);
  });

  it.each([
    ['both an employee and a unit', { employeeNip: '198609262015051003', unitCode: 'DINKES', score: 3 }, 'BAD_USER_INPUT', /^employeeNip: give exactly one of employeeNip or unitCode/],
    ['neither an employee nor a unit', { score: 3 }, 'BAD_USER_INPUT', /^employeeNip: give exactly one/],
    ['a NIP that is not 18 digits', { employeeNip: '12345', score: 3 }, 'BAD_USER_INPUT', /^employeeNip: must be 18 digits/],
    ['an unknown NIP', { employeeNip: '199001012015051999', score: 3 }, 'NOT_FOUND', /Employee with NIP 199001012015051999 does not exist/],
    ['an unknown unit code', { unitCode: 'NOPE', score: 3 }, 'NOT_FOUND', /OrganizationUnit with code NOPE does not exist/],
    ['a score of 9', { unitCode: 'DINKES', score: 9 }, 'BAD_USER_INPUT', /score: score must be 1 to 5/],
    ['a comment over 1000 characters', { unitCode: 'DINKES', score: 3, comment: 'x'.repeat(1001) }, 'BAD_USER_INPUT', /comment: comment must be at most 1000 characters/],
  ])('refuses %s with %s, storing nothing', async (_case, input, code, message) => {
    const before = await rowCounts(graph.databases.evaluation!.url, ['feedback']);
    const r = await submit(input);
    expect(codeOf(r)).toBe(code);
    expect(r.errors![0]!.message).toMatch(message);
    expect(await rowCounts(graph.databases.evaluation!.url, ['feedback'])).toEqual(before);
  });

  it('refuses the sixth submission within a minute from the same client with a clear error, storing nothing', async () => {
    for (let i = 0; i < 5; i++) expect((await submit({ employeeNip: nurse.nip, score: 4 })).data!.submitPublicFeedback).toBe(true);
    const before = await rowCounts(graph.databases.evaluation!.url, ['feedback']);
    const r = await submit({ employeeNip: nurse.nip, score: 1 });
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toMatch(/^Too many public feedback submissions from this client: at most 5 per minute; try again in \d+ s/);
    expect(r.errors![0]!.extensions).toMatchObject({ reason: 'RATE_LIMITED', limit: 5, window: 'minute' });
    expect(await rowCounts(graph.databases.evaluation!.url, ['feedback'])).toEqual(before);
    // A signed-in employee is counted separately from the anonymous address.
    const signedIn = await graphql(graph.url, SUBMIT, { input: { employeeNip: nurse.nip, score: 5 } }, { token: await graph.token(midwife.id) });
    expect(signedIn.data!.submitPublicFeedback).toBe(true);
  });

  it('counts in the database, so replicas share one allowance, per minute and per day', async () => {
    const other = new DataSource({ type: 'postgres', url: graph.databases.evaluation!.url });
    await other.initialize();
    try {
      const limits = { perMinute: 2, perDay: 3 };
      const at = (iso: string) => new Date(iso);
      // Two "replicas" alternate: the minute allows two, whoever asks.
      expect(await takeHit(db().manager, 'c:replicas', limits, at('2026-05-01T08:00:01Z'))).toBeNull();
      expect(await takeHit(other.manager, 'c:replicas', limits, at('2026-05-01T08:00:20Z'))).toBeNull();
      expect(await takeHit(db().manager, 'c:replicas', limits, at('2026-05-01T08:00:40Z'))).toMatchObject({ bucket: 'minute', limit: 2 });
      // Next minute: the day's third is allowed, the fourth is not, until the next day.
      expect(await takeHit(other.manager, 'c:replicas', limits, at('2026-05-01T08:01:00Z'))).toBeNull();
      expect(await takeHit(db().manager, 'c:replicas', limits, at('2026-05-01T09:30:00Z'))).toMatchObject({ bucket: 'day', limit: 3 });
      expect(await takeHit(db().manager, 'c:replicas', limits, at('2026-05-02T00:00:05Z'))).toBeNull();
      // Another client has its own allowance.
      expect(await takeHit(other.manager, 'c:someone-else', limits, at('2026-05-01T08:00:41Z'))).toBeNull();
    } finally {
      await other.destroy();
    }
  });
});
