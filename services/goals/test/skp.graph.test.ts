import { codeOf, graphql, graphqlOk, waitFor } from '@kinerja/testing';
import { APPROVE, planWithGoals, startGoalsGraph, SUBMIT, YEAR, type GoalsGraph } from './helpers';

/** The full SKP through the gateway (DOMAIN.md, "The performance plan (SKP)"; CONTRACT.md, Additions of December 2026). */

const RETURN = `mutation($id: ID!, $v: Int!, $n: String!) { returnPerformancePlan(id: $id, expectedVersion: $v, note: $n) { id status version returnNote returnedBy { id } } }`;
const UPDATE_GOAL = `mutation($id: ID!, $input: GoalInput!) { updateGoal(id: $id, input: $input) { id kind plan { version } } }`;
const ADD_INDICATOR = `mutation($g: ID!, $input: IndicatorInput!) { addIndicator(goalId: $g, input: $input) { id indicators { id aspect description qualitative target } plan { version } } }`;
const EXPECT = `mutation($p: ID!, $c: CoreValue!, $e: String!) { setBehaviorExpectation(planId: $p, coreValue: $c, expectation: $e) { version behaviorExpectations { coreValue expectation } } }`;
const PLAN = `query($id: ID!) { performancePlan(id: $id) { id status version periodStart periodEnd returnNote achievement
  goals { id kind indicator target indicators { id aspect qualitative target quarterlyTargets achievement realizations { id period value feedback feedbackBy { id } evidenceFiles { id fileName size url } } } } } }`;
const RECORD = `mutation($i: ID!, $input: RealizationInput!) { recordRealization(indicatorId: $i, input: $input) { id indicators { id realizations { id period value } } } }`;

describe('the full SKP through the gateway', () => {
  let g: GoalsGraph;
  beforeAll(async () => {
    g = await startGoalsGraph('skp');
  }, 120_000);
  afterAll(async () => {
    await g?.graph.stop();
  });

  async function approved(employee: 'staff' | 'peer', parentGoalId: string | null = null) {
    const { graph, cast, tokens } = g;
    const plan = await planWithGoals(graph.url, tokens[employee], cast[employee].id, [
      { kind: 'UTAMA', quarterlyTargets: [15, 30, 45, 60], parentGoalId },
      { kind: 'TAMBAHAN', title: 'Tersusunnya bahan sosialisasi', indicator: 'Jumlah bahan', unitOfMeasure: 'dokumen', target: 4 },
    ]);
    const submitted = await graphqlOk(graph.url, SUBMIT, { id: plan.planId, v: plan.version }, { token: tokens[employee] });
    await graphqlOk(graph.url, APPROVE, { id: plan.planId, v: submitted.submitPerformancePlan.version }, { token: tokens.lead });
    return plan;
  }

  it('refuses a plan without an UTAMA goal at submit; the employee makes one UTAMA, the supervisor returns it with a note, the employee revises and submits again', async () => {
    const { graph, cast, tokens } = g;
    const plan = await planWithGoals(graph.url, tokens.head, cast.head.id, [{ kind: 'TAMBAHAN' }]);
    const refused = await graphql(graph.url, SUBMIT, { id: plan.planId, v: plan.version }, { token: tokens.head });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.extensions?.reason).toBe('NO_UTAMA_GOAL');
    expect(refused.errors?.[0]?.message).toMatch(/at least one UTAMA/);

    const goalId = plan.goalIds[0]!;
    const utama = await graphqlOk(graph.url, UPDATE_GOAL, {
      id: goalId, input: { title: 'Terlaksananya pembinaan PKBM', indicator: 'Jumlah PKBM yang dibina', unitOfMeasure: 'lembaga', target: 24, direction: 'HIGHER_IS_BETTER', kind: 'UTAMA' },
    }, { token: tokens.head });
    expect(utama.updateGoal.kind).toBe('UTAMA');
    const submitted = await graphqlOk(graph.url, SUBMIT, { id: plan.planId, v: utama.updateGoal.plan.version }, { token: tokens.head });

    // Only the direct supervisor returns it; the note is required.
    expect(codeOf(await graphql(graph.url, RETURN, { id: plan.planId, v: submitted.submitPerformancePlan.version, n: 'x' }, { token: tokens.head }))).toBe('FORBIDDEN');
    expect(codeOf(await graphql(graph.url, RETURN, { id: plan.planId, v: submitted.submitPerformancePlan.version, n: '  ' }, { token: tokens.kadis }))).toBe('BAD_USER_INPUT');
    const returned = await graphqlOk(graph.url, RETURN, {
      id: plan.planId, v: submitted.submitPerformancePlan.version, n: 'Tambahkan indikator kualitas pembinaan',
    }, { token: tokens.kadis });
    expect(returned.returnPerformancePlan).toMatchObject({ status: 'RETURNED', returnNote: 'Tambahkan indikator kualitas pembinaan', returnedBy: { id: cast.kadis.id } });

    const expectation = await graphqlOk(graph.url, EXPECT, { p: plan.planId, c: 'AKUNTABEL', e: 'Laporan pembinaan tepat waktu' }, { token: tokens.kadis });
    expect(expectation.setBehaviorExpectation.behaviorExpectations).toHaveLength(7);
    expect(expectation.setBehaviorExpectation.behaviorExpectations).toContainEqual({ coreValue: 'AKUNTABEL', expectation: 'Laporan pembinaan tepat waktu' });
    expect(expectation.setBehaviorExpectation.behaviorExpectations).toContainEqual({ coreValue: 'LOYAL', expectation: '' });
    expect(codeOf(await graphql(graph.url, EXPECT, { p: plan.planId, c: 'LOYAL', e: 'x' }, { token: tokens.head }))).toBe('FORBIDDEN');

    const revised = await graphqlOk(graph.url, ADD_INDICATOR, {
      g: goalId, input: { aspect: 'KUALITAS', description: 'PKBM memenuhi standar pelayanan minimal', qualitative: true },
    }, { token: tokens.head });
    expect(revised.addIndicator.indicators).toHaveLength(2);
    expect(revised.addIndicator.indicators[1]).toMatchObject({ aspect: 'KUALITAS', qualitative: true, target: null });
    const again = await graphqlOk(graph.url, SUBMIT, { id: plan.planId, v: revised.addIndicator.plan.version }, { token: tokens.head });
    expect(again.submitPerformancePlan.status).toBe('SUBMITTED');
    const done = await graphqlOk(graph.url, APPROVE, { id: plan.planId, v: again.submitPerformancePlan.version }, { token: tokens.kadis });
    expect(done.approvePerformancePlan.status).toBe('APPROVED');
  });

  it('serves an uploaded evidence file to the supervisor and refuses it to a colleague; the supervisor gives feedback', async () => {
    const { graph, cast, tokens } = g;
    const plan = await approved('staff');
    const read = await graphqlOk(graph.url, PLAN, { id: plan.planId }, { token: tokens.staff });
    const indicator = read.performancePlan.goals[0].indicators[0];
    expect(indicator.quarterlyTargets).toEqual([15, 30, 45, 60]);
    const recorded = await graphqlOk(graph.url, RECORD, { i: indicator.id, input: { period: `${YEAR}-Q1`, value: 18 } }, { token: tokens.staff });
    const realizationId = recorded.recordRealization.indicators[0].realizations[0].id as string;

    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
    const files = new URL('/files/goals/', graph.url);
    // Each answer read whole: status and body (a JSON error, or the file).
    const call = async (url: URL, init: RequestInit) => {
      const r = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
      return { status: r.status, type: r.headers.get('content-type'), body: Buffer.from(await r.arrayBuffer()) };
    };
    const json = (b: Buffer) => JSON.parse(b.toString('utf8'));
    const upload = (token: string, body: Buffer, type = 'application/pdf') => call(new URL(`realizations/${realizationId}`, files), {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type, 'x-file-name': encodeURIComponent('Daftar hadir Q1.pdf') }, body,
    });
    const byPeer = await upload(tokens.peer, pdf);
    expect(byPeer.status).toBe(403);
    expect(json(byPeer.body).errors[0].extensions.code).toBe('FORBIDDEN');
    const badType = await upload(tokens.staff, pdf, 'text/html');
    expect(badType.status).toBe(400);
    expect(json(badType.body).errors[0].message).toMatch(/Content-Type/);
    expect((await upload(tokens.staff, Buffer.from('MZ not a pdf'))).status).toBe(400);
    expect((await upload(tokens.staff, Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]))).status).toBe(413);
    const ok = await upload(tokens.staff, pdf);
    expect(ok.status).toBe(201);
    const meta = json(ok.body) as { id: string; url: string; size: number };
    expect(meta.size).toBe(pdf.length);

    const get = (token?: string) => call(new URL(meta.url, graph.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const bySupervisor = await get(tokens.lead);
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.type).toBe('application/pdf');
    expect(bySupervisor.body.equals(pdf)).toBe(true);
    expect((await get(tokens.kadis)).status).toBe(200); // up the chain
    expect((await get(tokens.staff)).status).toBe(200); // the owner
    const byColleague = await get(tokens.peer);
    expect(byColleague.status).toBe(403);
    expect(json(byColleague.body).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await get(tokens.analyst)).status).toBe(403);
    expect((await get()).status).toBe(401);

    const FEEDBACK = `mutation($r: ID!, $f: String!) { giveRealizationFeedback(realizationId: $r, feedback: $f) { id feedback feedbackBy { id } } }`;
    expect(codeOf(await graphql(graph.url, FEEDBACK, { r: realizationId, f: 'Bagus' }, { token: tokens.head }))).toBe('FORBIDDEN');
    const fb = await graphqlOk(graph.url, FEEDBACK, { r: realizationId, f: 'Lampirkan juga foto kegiatan' }, { token: tokens.lead });
    expect(fb.giveRealizationFeedback).toMatchObject({ feedback: 'Lampirkan juga foto kegiatan', feedbackBy: { id: cast.lead.id } });
    const after = await graphqlOk(graph.url, PLAN, { id: plan.planId }, { token: tokens.lead });
    expect(after.performancePlan.goals[0].indicators[0].realizations[0].evidenceFiles).toEqual([
      { id: meta.id, fileName: 'Daftar hadir Q1.pdf', size: pdf.length, url: `/files/goals/evidence/${meta.id}` },
    ]);
    expect(codeOf(await graphql(graph.url, PLAN, { id: plan.planId }, { token: tokens.peer }))).toBe('FORBIDDEN');
  });

  it('a transfer closes the plan at the transfer date and opens a draft for the rest of the year; both keep their realizations', async () => {
    const { graph, cast, tokens, regency } = g;
    // The supervisor's RHK that no subordinate serves yet are listed on their plan.
    const leadPlan = await planWithGoals(graph.url, tokens.lead, cast.lead.id, [{ kind: 'UTAMA', title: 'Terbinanya warga belajar' }, { kind: 'UTAMA', title: 'Tersusunnya laporan' }]);
    const UNCOVERED = `query($id: ID!) { performancePlan(id: $id) { uncoveredGoals { id title } } }`;
    expect((await graphqlOk(graph.url, UNCOVERED, { id: leadPlan.planId }, { token: tokens.lead })).performancePlan.uncoveredGoals).toHaveLength(2);
    const plan = await approved('peer', leadPlan.goalIds[0]);
    expect((await graphqlOk(graph.url, UNCOVERED, { id: leadPlan.planId }, { token: tokens.lead })).performancePlan.uncoveredGoals)
      .toEqual([{ id: leadPlan.goalIds[1], title: 'Tersusunnya laporan' }]);
    const read = await graphqlOk(graph.url, PLAN, { id: plan.planId }, { token: tokens.peer });
    await graphqlOk(graph.url, RECORD, { i: read.performancePlan.goals[0].indicators[0].id, input: { period: `${YEAR}-01`, value: 5 } }, { token: tokens.peer });
    const target = regency.units.find((u) => u.id !== cast.peer.unitId && u.headId && u.headId !== cast.peer.id)!;
    await graphqlOk(graph.url, `mutation($id: ID!, $u: ID!) { transferEmployee(id: $id, unitId: $u) { id } }`, { id: cast.peer.id, u: target.id }, { token: tokens.admin });
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const PLANS = `query($id: ID!) { employee(id: $id) { performancePlans { id year status periodStart periodEnd goals { indicators { realizations { period value } } } } } }`;
    const plans = await waitFor(async () => {
      const d = await graphqlOk(graph.url, PLANS, { id: cast.peer.id }, { token: tokens.admin });
      const list = (d.employee.performancePlans as Array<{ id: string; year: number; periodStart: string }>).filter((p) => p.year === YEAR);
      return list.length === 2 ? list : null;
    }, { everyMs: 200, what: "the peer's second plan of the year, opened by the transfer" });
    const closed = plans.find((p) => p.id === plan.planId) as unknown as { status: string; periodStart: string; periodEnd: string; goals: Array<{ indicators: Array<{ realizations: unknown[] }> }> };
    const opened = plans.find((p) => p.id !== plan.planId) as unknown as { status: string; periodStart: string; periodEnd: string };
    expect(closed).toMatchObject({ status: 'APPROVED', periodStart: `${YEAR}-01-01` });
    expect(opened).toMatchObject({ status: 'DRAFT', periodStart: today, periodEnd: `${YEAR}-12-31` });
    expect(closed.periodEnd < today).toBe(true);
    expect(closed.goals[0]!.indicators[0]!.realizations).toEqual([{ period: `${YEAR}-01`, value: 5 }]);
    // The year's second plan is the one for the new position.
    const current = await graphqlOk(graph.url, `query($id: ID!, $y: Int!) { employee(id: $id) { performancePlan(year: $y) { id } } }`, { id: cast.peer.id, y: YEAR }, { token: tokens.admin });
    expect(current.employee.performancePlan.id).not.toBe(plan.planId);
  });
});
