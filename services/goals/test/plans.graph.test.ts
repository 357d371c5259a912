import { validateEnvelope } from '@kinerja/events';
import { codeOf, graphql, graphqlOk, readTopic, rowCounts } from '@kinerja/testing';
import {
  ADD_GOAL, APPROVE, CREATE_PLAN, goalInput, planWithGoals, RECORD, REMOVE_GOAL, REOPEN, startGoalsGraph, SUBMIT, UPDATE_GOAL, YEAR,
  type GoalsGraph,
} from './helpers';

const TABLES = ['performance_plan', 'goal', 'realization', 'realization_history', 'outbox'];

describe('performance plans through the gateway', () => {
  let g: GoalsGraph;
  let url: string;
  let dbUrl: string;
  const counts = () => rowCounts(dbUrl, TABLES);

  // The chain's plans, created in beforeAll: kadis → head → lead → staff, each cascading from the one above.
  let kadisPlan: { planId: string; goalIds: string[]; version: number };
  let headPlan: typeof kadisPlan;
  let leadPlan: typeof kadisPlan;
  let peerPlan: typeof kadisPlan;
  let staffPlanId: string;

  beforeAll(async () => {
    g = await startGoalsGraph('goals_plans');
    url = g.graph.url;
    dbUrl = g.graph.databases.goals!.url;
    const { tokens, cast } = g;
    kadisPlan = await planWithGoals(url, tokens.kadis, cast.kadis.id, [{ title: 'Meningkatnya partisipasi pendidikan nonformal', unitOfMeasure: 'persen', target: 65 }]);
    headPlan = await planWithGoals(url, tokens.head, cast.head.id, [{ title: 'Meningkatnya layanan pendidikan kesetaraan', target: 1500, parentGoalId: kadisPlan.goalIds[0] }]);
    leadPlan = await planWithGoals(url, tokens.lead, cast.lead.id, [{ title: 'Terbinanya PKBM', target: 24, parentGoalId: headPlan.goalIds[0] }]);
    peerPlan = await planWithGoals(url, tokens.peer, cast.peer.id, [{ title: 'Goal of a colleague', target: 10, parentGoalId: leadPlan.goalIds[0] }]);
    const staff = await graphqlOk(url, CREATE_PLAN, { e: cast.staff.id, y: YEAR }, { token: tokens.staff });
    staffPlanId = staff.createPerformancePlan.id;
    expect(staff.createPerformancePlan).toMatchObject({ year: YEAR, status: 'DRAFT', version: 1, goals: [], achievement: null, employee: { name: cast.staff.name } });
  });
  afterAll(() => g?.graph.stop());

  describe('one plan per employee and year', () => {
    it('refuses a second plan for the same year with CONFLICT and writes nothing', async () => {
      const before = await counts();
      const r = await graphql(url, CREATE_PLAN, { e: g.cast.staff.id, y: YEAR }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.message).toBe(`the employee already has a performance plan for ${YEAR}`);
      expect(await counts()).toEqual(before);
    });

    it('refuses a year far from now, naming the field', async () => {
      const r = await graphql(url, CREATE_PLAN, { e: g.cast.staff.id, y: 2206 }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/^year: must be between \d{4} and \d{4}$/);
    });

    it('answers NOT_FOUND for an unknown employee', async () => {
      const r = await graphql(url, CREATE_PLAN, { e: '00000000-0000-4000-8000-000000000000', y: YEAR }, { token: g.tokens.admin });
      expect(codeOf(r)).toBe('NOT_FOUND');
    });
  });

  describe('cascading', () => {
    it('accepts a goal serving a goal of the direct supervisor\'s plan, and shows it among the parent\'s childGoals', async () => {
      const d = await graphqlOk(url, ADD_GOAL, { p: staffPlanId, input: goalInput({ parentGoalId: leadPlan.goalIds[0] }) }, { token: g.tokens.staff });
      expect(d.addGoal).toMatchObject({ title: 'Terlaksananya pendampingan warga belajar', target: 60, parentGoal: { id: leadPlan.goalIds[0] }, realized: null, achievement: null });
      const tree = await graphqlOk(url, `query($id: ID!) { goal(id: $id) { title plan { employee { name } }
        parentGoal { title plan { employee { name } } }
        childGoals { title plan { employee { name } } } } }`, { id: leadPlan.goalIds[0] }, { token: g.tokens.lead });
      expect(tree.goal.parentGoal).toEqual({ title: 'Meningkatnya layanan pendidikan kesetaraan', plan: { employee: { name: g.cast.head.name } } });
      expect(tree.goal.childGoals).toEqual(expect.arrayContaining([
        { title: 'Terlaksananya pendampingan warga belajar', plan: { employee: { name: g.cast.staff.name } } },
        { title: 'Goal of a colleague', plan: { employee: { name: g.cast.peer.name } } },
      ]));
    });

    it.each([
      ['an indirect supervisor\'s goal', () => headPlan.goalIds[0], 'parentGoalId: the goal belongs to an indirect supervisor; a goal may serve only a goal of the direct supervisor'],
      ['a colleague\'s goal', () => peerPlan.goalIds[0], 'parentGoalId: the goal does not belong to the employee\'s direct supervisor'],
      ['a goal that does not exist', () => '11111111-1111-4111-8111-111111111111', 'parentGoalId: no goal has id 11111111-1111-4111-8111-111111111111'],
    ])('refuses a goal serving %s, naming why, and writes nothing', async (_case, parent, message) => {
      const before = await counts();
      const r = await graphql(url, ADD_GOAL, { p: staffPlanId, input: goalInput({ parentGoalId: parent() }) }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toBe(message);
      expect(await counts()).toEqual(before);
    });

    it('refuses a goal serving the supervisor\'s goal of another year', async () => {
      const last = await planWithGoals(url, g.tokens.lead, g.cast.lead.id, [{ title: 'Last year', target: 5 }], YEAR - 1);
      const r = await graphql(url, ADD_GOAL, { p: staffPlanId, input: goalInput({ parentGoalId: last.goalIds[0] }) }, { token: g.tokens.staff });
      expect(r.errors?.[0]?.message).toBe(`parentGoalId: the goal is in the supervisor's ${YEAR - 1} plan; this plan is for ${YEAR}`);
    });

    it('refuses any cascading for the employee without a supervisor', async () => {
      const sekda = await planWithGoals(url, g.tokens.admin, g.cast.sekda.id, []);
      const r = await graphql(url, ADD_GOAL, { p: sekda.planId, input: goalInput({ parentGoalId: kadisPlan.goalIds[0] }) }, { token: g.tokens.admin });
      expect(r.errors?.[0]?.message).toBe('parentGoalId: the employee has no direct supervisor in the records, so their goals cannot cascade');
    });

    it('refuses to remove a goal that others serve', async () => {
      const r = await graphql(url, REMOVE_GOAL, { id: leadPlan.goalIds[0] }, { token: g.tokens.lead });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.message).toMatch(/served by 2 goal\(s\) of subordinates/);
    });
  });

  describe('bad goal input', () => {
    it.each([
      ['an empty title', { title: '   ' }, 'title: must not be empty'],
      ['a title over 300 characters', { title: 'x'.repeat(301) }, 'title: must be at most 300 characters'],
      ['an empty indicator', { indicator: '' }, 'indicator: must not be empty'],
      ['an indicator over 500 characters', { indicator: 'x'.repeat(501) }, 'indicator: must be at most 500 characters'],
      ['a unit of measure over 50 characters', { unitOfMeasure: 'x'.repeat(51) }, 'unitOfMeasure: must be at most 50 characters'],
      ['a HIGHER_IS_BETTER target of 0', { target: 0 }, 'target: must be greater than 0 for HIGHER_IS_BETTER'],
      ['a negative target', { target: -3, direction: 'LOWER_IS_BETTER' }, 'target: must not be negative'],
      ['a parentGoalId that is not an id', { parentGoalId: 'abc' }, 'parentGoalId: must be a goal id'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, change, message) => {
      const before = await counts();
      const r = await graphql(url, ADD_GOAL, { p: staffPlanId, input: goalInput(change) }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toBe(message);
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown direction, naming the field', async () => {
      const r = await graphql(url, ADD_GOAL, { p: staffPlanId, input: goalInput({ direction: 'SIDEWAYS' }) }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/direction/);
      expect(r.errors?.[0]?.message).toMatch(/SIDEWAYS/);
    });

    it('accepts a LOWER_IS_BETTER target of 0 ("zero incidents")', async () => {
      const d = await graphqlOk(url, ADD_GOAL, { p: staffPlanId, input: goalInput({ title: 'Nihil kesalahan', unitOfMeasure: 'kesalahan', target: 0, direction: 'LOWER_IS_BETTER' }) }, { token: g.tokens.staff });
      expect(d.addGoal).toMatchObject({ target: 0, direction: 'LOWER_IS_BETTER' });
    });
  });

  describe('the status flow', () => {
    let version: number;
    const planState = async () => (await graphqlOk(url, `query($id: ID!) { performancePlan(id: $id) { status version } }`, { id: staffPlanId }, { token: g.tokens.admin })).performancePlan;

    it('refuses realizations before approval', async () => {
      const plan = await graphqlOk(url, `query($id: ID!) { performancePlan(id: $id) { goals { id } } }`, { id: staffPlanId }, { token: g.tokens.staff });
      const r = await graphql(url, RECORD, { g: plan.performancePlan.goals[0].id, input: { period: `${YEAR}-01`, value: 5 } }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.message).toBe('the plan is DRAFT: realizations are recorded against an approved plan');
    });

    it('refuses to approve a draft, and a submit by a colleague or an outsider', async () => {
      version = (await planState()).version;
      expect(codeOf(await graphql(url, APPROVE, { id: staffPlanId, v: version }, { token: g.tokens.lead }))).toBe('CONFLICT');
      for (const who of ['peer', 'outsider', 'analyst'] as const) {
        const r = await graphql(url, SUBMIT, { id: staffPlanId, v: version }, { token: g.tokens[who] });
        expect([who, codeOf(r)]).toEqual([who, 'FORBIDDEN']);
      }
      expect(await planState()).toEqual({ status: 'DRAFT', version });
    });

    it('refuses a submit with a stale version with CONFLICT and changes nothing', async () => {
      const r = await graphql(url, SUBMIT, { id: staffPlanId, v: version - 1 }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.message).toBe(`expectedVersion ${version - 1} is stale: the plan is at version ${version}`);
      expect(r.errors?.[0]?.extensions?.currentVersion).toBe(version);
      expect(await planState()).toEqual({ status: 'DRAFT', version });
    });

    it('lets the employee submit', async () => {
      const d = await graphqlOk(url, SUBMIT, { id: staffPlanId, v: version }, { token: g.tokens.staff });
      expect(d.submitPerformancePlan).toEqual({ id: staffPlanId, status: 'SUBMITTED', version: version + 1 });
      version += 1;
    });

    it('refuses goal changes once submitted', async () => {
      const r = await graphql(url, ADD_GOAL, { p: staffPlanId, input: goalInput() }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.message).toMatch(/^the plan is SUBMITTED: goals change only while it is a DRAFT/);
    });

    it.each([
      ['the employee themself', 'staff', 'an employee cannot approve their own plan; their direct supervisor does'],
      ['an indirect supervisor', 'head', 'only the employee\'s direct supervisor may approve this plan'],
      ['a colleague', 'peer', 'only the employee\'s direct supervisor may approve this plan'],
      ['ADMIN', 'admin', 'only the employee\'s direct supervisor may approve this plan'],
      ['ANALYST', 'analyst', 'only the employee\'s direct supervisor may approve this plan'],
    ] as const)('refuses approval by %s with FORBIDDEN', async (_who, token, message) => {
      const r = await graphql(url, APPROVE, { id: staffPlanId, v: version }, { token: g.tokens[token] });
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.errors?.[0]?.message).toBe(message);
    });

    it('refuses an approval with a stale version and writes no event', async () => {
      const before = await counts();
      const r = await graphql(url, APPROVE, { id: staffPlanId, v: version - 1 }, { token: g.tokens.lead });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
      expect(await planState()).toEqual({ status: 'SUBMITTED', version });
    });

    it('lets the direct supervisor approve, writing plan.approved to the outbox in the same transaction', async () => {
      const before = await counts();
      const d = await graphqlOk(url, APPROVE, { id: staffPlanId, v: version }, { token: g.tokens.lead });
      expect(d.approvePerformancePlan).toEqual({ id: staffPlanId, status: 'APPROVED', version: version + 1, approvedBy: { name: g.cast.lead.name } });
      version += 1;
      expect((await counts()).outbox).toBe(before.outbox! + 1);
      const rows = await g.graph.services.goals!.dataSource.query(`SELECT topic, aggregate_id, envelope FROM outbox WHERE type = 'plan.approved'`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ topic: 'kinerja.plan.approved.v1', aggregate_id: g.cast.staff.id });
      expect(rows[0].envelope.data).toEqual({
        planId: staffPlanId, employeeId: g.cast.staff.id, year: YEAR, goals: 2, periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-12-31`,
        utamaGoals: 2, tambahanGoals: 0, indicators: 2, qualitativeIndicators: 0, behaviorExpectations: 0, approvedBy: g.cast.lead.id,
      });
    });

    it('refuses goal changes on an approved plan', async () => {
      const plan = await graphqlOk(url, `query($id: ID!) { performancePlan(id: $id) { goals { id } } }`, { id: staffPlanId }, { token: g.tokens.staff });
      const r = await graphql(url, UPDATE_GOAL, { id: plan.performancePlan.goals[0].id, input: goalInput({ target: 80 }) }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.message).toMatch(/^the plan is APPROVED: goals change only while it is a DRAFT or RETURNED; the direct supervisor can reopen it/);
    });

    it('lets only the direct supervisor reopen, with the current version', async () => {
      expect(codeOf(await graphql(url, REOPEN, { id: staffPlanId, v: version }, { token: g.tokens.staff }))).toBe('FORBIDDEN');
      expect(codeOf(await graphql(url, REOPEN, { id: staffPlanId, v: version }, { token: g.tokens.head }))).toBe('FORBIDDEN');
      expect(codeOf(await graphql(url, REOPEN, { id: staffPlanId, v: version - 1 }, { token: g.tokens.lead }))).toBe('CONFLICT');
      const d = await graphqlOk(url, REOPEN, { id: staffPlanId, v: version }, { token: g.tokens.lead });
      expect(d.reopenPerformancePlan).toEqual({ id: staffPlanId, status: 'DRAFT', version: version + 1 });
      version += 1;
    });

    it('lets goals change again after reopening; each change moves the version', async () => {
      const plan = await graphqlOk(url, `query($id: ID!) { performancePlan(id: $id) { goals { id } } }`, { id: staffPlanId }, { token: g.tokens.staff });
      const d = await graphqlOk(url, UPDATE_GOAL, { id: plan.performancePlan.goals[0].id, input: goalInput({ target: 80, parentGoalId: leadPlan.goalIds[0] }) }, { token: g.tokens.staff });
      expect(d.updateGoal).toMatchObject({ target: 80, parentGoal: { id: leadPlan.goalIds[0] }, plan: { status: 'DRAFT', version: version + 1 } });
      // A submit given the version from before the change is stale.
      expect(codeOf(await graphql(url, SUBMIT, { id: staffPlanId, v: version }, { token: g.tokens.staff }))).toBe('CONFLICT');
      version += 1;
      // The supervisor may submit for the employee; then approves.
      expect((await graphqlOk(url, SUBMIT, { id: staffPlanId, v: version }, { token: g.tokens.lead })).submitPerformancePlan.status).toBe('SUBMITTED');
      expect((await graphqlOk(url, APPROVE, { id: staffPlanId, v: version + 1 }, { token: g.tokens.lead })).approvePerformancePlan.status).toBe('APPROVED');
      version += 2;
    });

    it('refuses to submit a plan without goals', async () => {
      const empty = await planWithGoals(url, g.tokens.outsider, g.cast.outsider.id, []);
      const r = await graphql(url, SUBMIT, { id: empty.planId, v: empty.version }, { token: g.tokens.outsider });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.message).toBe('a plan needs at least one goal before it is submitted');
    });

    it('lets only one of three concurrent submits with the same version through', async () => {
      const plan = await planWithGoals(url, g.tokens.outsider, g.cast.outsider.id, [{ title: 'Race' }], YEAR + 1);
      const results = await Promise.all([g.tokens.outsider, g.tokens.outsider, g.tokens.admin].map((token) => graphql(url, SUBMIT, { id: plan.planId, v: plan.version }, { token })));
      expect(results.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
      const state = await graphqlOk(url, `query($id: ID!) { performancePlan(id: $id) { status version } }`, { id: plan.planId }, { token: g.tokens.admin });
      expect(state.performancePlan).toEqual({ status: 'SUBMITTED', version: plan.version + 1 });
    });

    it('lets ADMIN approve for the employee without a supervisor (the Sekda)', async () => {
      const sekda = await planWithGoals(url, g.tokens.admin, g.cast.sekda.id, [{ title: 'Meningkatnya kualitas pelayanan publik', target: 85 }], YEAR + 1);
      const s = await graphqlOk(url, SUBMIT, { id: sekda.planId, v: sekda.version }, { token: g.tokens.sekda });
      const a = await graphqlOk(url, APPROVE, { id: sekda.planId, v: s.submitPerformancePlan.version }, { token: g.tokens.admin });
      expect(a.approvePerformancePlan.status).toBe('APPROVED');
    });
  });

  describe('realizations', () => {
    let monthly: string;
    let lower: string;

    beforeAll(async () => {
      const plan = await graphqlOk(url, `query($id: ID!) { performancePlan(id: $id) { goals { id direction } } }`, { id: staffPlanId }, { token: g.tokens.staff });
      monthly = plan.performancePlan.goals.find((x: { direction: string }) => x.direction === 'HIGHER_IS_BETTER').id;
      lower = plan.performancePlan.goals.find((x: { direction: string }) => x.direction === 'LOWER_IS_BETTER').id;
    });

    it('records a month and computes realized and achievement, writing the event to the outbox', async () => {
      const d = await graphqlOk(url, RECORD, { g: monthly, input: { period: `${YEAR}-01`, value: 20, note: 'Januari', evidenceUrl: 'https://drive.example.go.id/bukti/1' } }, { token: g.tokens.staff });
      // DOMAIN.md: the plan counts every quantitative indicator at its latest passed quarter; a January value
      // is no realization for that quarter, so the plan counts it (and its other goal) as 0.
      expect(d.recordRealization).toMatchObject({ realized: 20, achievement: 0.25, plan: { achievement: 0 } });
      expect(d.recordRealization.realizations).toEqual([
        { period: `${YEAR}-01`, value: 20, note: 'Januari', evidenceUrl: 'https://drive.example.go.id/bukti/1', recordedBy: { id: g.cast.staff.id, name: g.cast.staff.name }, revisions: [] },
      ]);
      const [row] = await g.graph.services.goals!.dataSource.query(`SELECT aggregate_id, envelope FROM outbox WHERE type = 'goal.realization-recorded'`);
      expect(row.aggregate_id).toBe(g.cast.staff.id);
      expect(row.envelope.data).toEqual({
        goalId: monthly, planId: staffPlanId, employeeId: g.cast.staff.id, year: YEAR, period: `${YEAR}-01`, value: 20, target: 80, achievement: 0.25,
        realizationId: expect.any(String), indicatorId: expect.any(String), aspect: 'KUANTITAS', goalKind: 'UTAMA',
        unitOfMeasure: expect.any(String), direction: 'HIGHER_IS_BETTER', annualTarget: 80,
      });
    });

    it('takes the latest period as realized, and lets a supervisor in the chain record', async () => {
      const d = await graphqlOk(url, RECORD, { g: monthly, input: { period: `${YEAR}-03`, value: 60 } }, { token: g.tokens.head });
      expect(d.recordRealization).toMatchObject({ realized: 60, achievement: 0.75 });
      expect(d.recordRealization.realizations.map((r: { period: string }) => r.period)).toEqual([`${YEAR}-01`, `${YEAR}-03`]);
    });

    it('replaces a period recorded again, keeping the earlier value in the history', async () => {
      const before = await counts();
      const d = await graphqlOk(url, RECORD, { g: monthly, input: { period: `${YEAR}-03`, value: 64, note: 'koreksi' } }, { token: g.tokens.staff });
      const march = d.recordRealization.realizations.find((r: { period: string }) => r.period === `${YEAR}-03`);
      expect(march).toMatchObject({ value: 64, note: 'koreksi', recordedBy: { id: g.cast.staff.id }, revisions: [{ value: 60, recordedBy: { id: g.cast.head.id }, replacedBy: { id: g.cast.staff.id } }] });
      expect(d.recordRealization).toMatchObject({ realized: 64, achievement: 0.8 });
      const after = await counts();
      expect(after.realization).toBe(before.realization);
      expect(after.realization_history).toBe(before.realization_history! + 1);
      expect(after.outbox).toBe(before.outbox! + 1);
    });

    it('gives the cap for a LOWER_IS_BETTER realized 0, and the plan the mean of its goals', async () => {
      const d = await graphqlOk(url, RECORD, { g: lower, input: { period: `${YEAR}-Q1`, value: 0 } }, { token: g.tokens.staff });
      // The goal's own achievement is its latest value; the plan's counts passed quarters (Q1 and January are long past).
      expect(d.recordRealization).toMatchObject({ realized: 0, achievement: 1.5, plan: { achievement: 0 } });
    });

    it.each([
      ['a period of another year', { period: `${YEAR - 1}-12` }, `period: ${YEAR - 1}-12 lies outside the plan's year ${YEAR}`],
      ['a month 13', { period: `${YEAR}-13` }, `period: "${YEAR}-13" is not a period: write a month as YYYY-MM (2026-03) or a quarter as YYYY-Qn (2026-Q1)`],
      ['a quarter on a monthly goal', { period: `${YEAR}-Q2` }, `period: this indicator's realizations are monthly (YYYY-MM), like ${YEAR}-01; keep one kind per indicator`],
      ['a negative value', { value: -1 }, 'value: must not be negative'],
      ['an evidence link that is not http(s)', { evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl: must be an http or https URL'],
      ['a note over 1000 characters', { note: 'x'.repeat(1001) }, 'note: must be at most 1000 characters'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, change, message) => {
      const before = await counts();
      const r = await graphql(url, RECORD, { g: monthly, input: { period: `${YEAR}-04`, value: 70, ...change } }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toBe(message);
      expect(await counts()).toEqual(before);
    });

    it('refuses realizations by a colleague, an ANALYST or a unit outsider', async () => {
      for (const who of ['peer', 'analyst', 'outsider'] as const) {
        const r = await graphql(url, RECORD, { g: monthly, input: { period: `${YEAR}-04`, value: 70 } }, { token: g.tokens[who] });
        expect([who, codeOf(r)]).toEqual([who, 'FORBIDDEN']);
      }
    });

    it('refuses to remove a goal with realizations', async () => {
      const plan = await graphqlOk(url, `query($id: ID!) { performancePlan(id: $id) { version } }`, { id: staffPlanId }, { token: g.tokens.lead });
      await graphqlOk(url, REOPEN, { id: staffPlanId, v: plan.performancePlan.version }, { token: g.tokens.lead });
      const r = await graphql(url, REMOVE_GOAL, { id: monthly }, { token: g.tokens.staff });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.message).toMatch(/has 2 realization\(s\)/);
    });
  });

  it('publishes the outbox to Kafka through the relay: envelopes valid, keyed by employee, eventId in a header', async () => {
    const relay = (g.graph.services.goals as unknown as { relay: { drain(): Promise<number> } }).relay;
    await relay.drain();
    const pending = await g.graph.services.goals!.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
    expect(pending[0].n).toBe(0);
    const approved = await readTopic(`${g.graph.topicPrefix}kinerja.plan.approved.v1`, 3);
    const envelopes = approved.map((m) => {
      const v = validateEnvelope('plan.approved', JSON.parse(m.value!));
      if (!v.ok) throw new Error(v.reason);
      expect(m.headers.eventId).toBe(v.envelope.eventId);
      expect(m.key).toBe((v.envelope.data as { employeeId: string }).employeeId);
      return v.envelope;
    });
    expect(envelopes.map((e) => (e.data as { employeeId: string }).employeeId).sort()).toEqual([g.cast.staff.id, g.cast.staff.id, g.cast.sekda.id].sort());
    const recorded = await readTopic(`${g.graph.topicPrefix}kinerja.goal.realization-recorded.v1`, 4);
    const data = recorded.map((m) => JSON.parse(m.value!).data);
    // One key, one partition: in commit order.
    expect(data.map((d) => [d.period, d.value])).toEqual([[`${YEAR}-01`, 20], [`${YEAR}-03`, 60], [`${YEAR}-03`, 64], [`${YEAR}-Q1`, 0]]);
  });

  it('refuses everything to a caller without a token', async () => {
    const r = await graphql(url, CREATE_PLAN, { e: g.cast.staff.id, y: YEAR });
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
  });
});
