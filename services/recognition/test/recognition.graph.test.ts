// Recognition through the gateway, with personnel: decisions come from real evaluation.completed
// events on Kafka; policies, awards and sanctions through the graph, checked against "Who may do what".
import { personnelService } from '@kinerja/personnel';
import { codeOf, graphql, graphqlOk, rowCounts, startGraph, waitFor, type TestGraph } from '@kinerja/testing';
import type { DataSource } from 'typeorm';
import { DEFAULT_REWARD_RULES, recognitionService, type RunningRecognition } from '../src';
import { cast, cleanKafka, completedEvent, eventProducer, seedRegency, waitForDecision } from './helpers';

const DECISION_FIELDS = 'id year periodType predicate allowancePercent certificateEligible promotionEligible sanctionRecommended followUp status revision creditPointPercent creditPoints reasons policyVersion decidedAt sourceEventId';

describe('recognition through the gateway', () => {
  let graph: TestGraph;
  let ds: DataSource;
  let dbUrl: string;
  let people: ReturnType<typeof cast>;
  const tokens: Record<string, string> = {};
  const decisions: Record<string, string> = {};
  const evaluations: Record<string, string> = {};

  beforeAll(async () => {
    graph = await startGraph([personnelService, recognitionService], 'recognition-graph');
    const regency = await seedRegency(graph);
    people = cast(regency);
    const recognition = graph.services.recognition as unknown as RunningRecognition;
    ds = recognition.dataSource;
    dbUrl = graph.databases.recognition!.url;
    tokens.admin = await graph.token(regency.admin.id, ['ADMIN', 'EMPLOYEE']);
    tokens.analyst = await graph.token(people.outsider.id, ['ANALYST']);
    for (const who of ['teacher', 'colleague', 'clerk', 'disdikHead', 'sdHead', 'outsiderHead', 'teacherBoss', 'clerkBoss'] as const) {
      tokens[who] = await graph.token(people[who].id, ['EMPLOYEE']);
    }
    await (await recognition.consumer!.started)!.ready;
    const producer = await eventProducer(graph.topicPrefix);
    const events = {
      teacher2025: completedEvent({ employee: people.teacher, predicate: 'BAIK', year: 2025 }),
      teacher: completedEvent({ employee: people.teacher, predicate: 'SANGAT_BAIK', year: 2026 }),
      colleague: completedEvent({ employee: people.colleague, predicate: 'BAIK', year: 2026 }),
      clerk: completedEvent({ employee: people.clerk, predicate: 'KURANG', year: 2026 }),
      outsider: completedEvent({ employee: people.outsider, predicate: 'BAIK', year: 2026 }),
    };
    for (const event of Object.values(events)) await producer.send(event);
    await producer.stop();
    for (const [name, event] of Object.entries(events)) {
      decisions[name] = (await waitForDecision(ds, event.data.evaluationId)).id;
      evaluations[name] = event.data.evaluationId;
    }
  });

  afterAll(async () => {
    await graph?.stop();
    if (graph) await cleanKafka(graph.topicPrefix);
  });

  describe('the reward policy', () => {
    const SET = `mutation($rules: String!, $from: Date!) { setRewardPolicy(rules: $rules, effectiveFrom: $from) { version effectiveFrom rules createdBy { id } } }`;

    it('shows the default table as version 1 to any signed-in employee', async () => {
      const data = await graphqlOk(graph.url, '{ rewardPolicy { version effectiveFrom rules createdBy { id } } }', {}, { token: tokens.teacher });
      expect(data.rewardPolicy).toMatchObject({ version: 1, effectiveFrom: '2020-01-01', createdBy: null });
      expect(JSON.parse(data.rewardPolicy.rules)).toEqual(DEFAULT_REWARD_RULES);
      expect(codeOf(await graphql(graph.url, '{ rewardPolicy { version } }'))).toBe('UNAUTHENTICATED');
    });

    it('lets only ADMIN set a policy, refuses an invalid one naming the problem, and writes nothing then', async () => {
      const before = await rowCounts(dbUrl, ['reward_policy']);
      const rules = JSON.parse(JSON.stringify(DEFAULT_REWARD_RULES));
      expect(codeOf(await graphql(graph.url, SET, { rules: JSON.stringify(rules), from: '2099-01-01' }, { token: tokens.disdikHead }))).toBe('FORBIDDEN');

      const notJson = await graphql(graph.url, SET, { rules: '{"predicates": ', from: '2099-01-01' }, { token: tokens.admin });
      expect(codeOf(notJson)).toBe('BAD_USER_INPUT');
      expect(notJson.errors?.[0]?.message).toMatch(/^rules: is not valid JSON/);

      rules.predicates.KURANG.allowancePercent = 90;
      delete rules.predicates.SANGAT_KURANG;
      const invalid = await graphql(graph.url, SET, { rules: JSON.stringify(rules), from: '2099-01-01' }, { token: tokens.admin });
      expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
      expect(invalid.errors?.[0]?.message).toBe('rules: predicates.SANGAT_KURANG: is required');
      expect(invalid.errors?.[0]?.extensions?.field).toBe('rules');
      delete rules.predicates.KURANG;
      rules.predicates.KURANG = { ...DEFAULT_REWARD_RULES.predicates.KURANG, allowancePercent: 90 };
      rules.predicates.SANGAT_KURANG = DEFAULT_REWARD_RULES.predicates.SANGAT_KURANG;
      const rising = await graphql(graph.url, SET, { rules: JSON.stringify(rules), from: '2099-01-01' }, { token: tokens.admin });
      expect(rising.errors?.[0]?.message).toBe('rules: predicates.KURANG.allowancePercent: must not exceed BUTUH_PERBAIKAN\'s 75: a worse predicate cannot earn more');
      expect(await rowCounts(dbUrl, ['reward_policy'])).toEqual(before);
    });

    it('stores a valid policy as the next version, in force from its date', async () => {
      const rules = { ...DEFAULT_REWARD_RULES, promotion: { minimumPredicate: 'SANGAT_BAIK', annualEvaluations: 2 } };
      const set = await graphqlOk(graph.url, SET, { rules: JSON.stringify(rules, null, 2), from: '2099-01-01' }, { token: tokens.admin });
      expect(set.setRewardPolicy).toMatchObject({ version: 2, effectiveFrom: '2099-01-01', createdBy: { id: expect.any(String) } });
      expect(JSON.parse(set.setRewardPolicy.rules)).toEqual(rules);
      const data = await graphqlOk(graph.url, '{ today: rewardPolicy { version } v2: rewardPolicy(version: 2) { version } }', {}, { token: tokens.teacher });
      expect(data).toEqual({ today: { version: 1 }, v2: { version: 2 } });
      const all = await graphqlOk(graph.url, '{ rewardPolicies { version } }', {}, { token: tokens.analyst });
      expect(all.rewardPolicies).toEqual([{ version: 2 }, { version: 1 }]);
      expect(codeOf(await graphql(graph.url, '{ rewardPolicies { version } }', {}, { token: tokens.teacher }))).toBe('FORBIDDEN');
      expect(codeOf(await graphql(graph.url, '{ rewardPolicy(version: 9) { version } }', {}, { token: tokens.teacher }))).toBe('NOT_FOUND');
    });
  });

  describe('who sees decisions', () => {
    const MINE = `{ me { rewardDecisions(year: 2026) { ${DECISION_FIELDS} employee { id name } } awards { id } sanctions { id } } }`;
    const OF = `query($id: ID!) { employee(id: $id) { name rewardDecisions { predicate year } } }`;

    it('shows an employee their own decisions with the reasons', async () => {
      const data = await graphqlOk(graph.url, MINE, {}, { token: tokens.teacher });
      expect(data.me.rewardDecisions).toEqual([expect.objectContaining({
        id: decisions.teacher, year: 2026, periodType: 'ANNUAL', predicate: 'SANGAT_BAIK', allowancePercent: 100, certificateEligible: true,
        promotionEligible: true, sanctionRecommended: null, followUp: 'NONE', status: 'ACTIVE', revision: 1, creditPointPercent: 150, policyVersion: 1,
        employee: { id: people.teacher.id, name: people.teacher.name },
      })]);
      expect(data.me.rewardDecisions[0].reasons).toHaveLength(4);
    });

    it('gives each reason as a code with its values, in the order of the sentences, for a screen to say in its language', async () => {
      const REASONS = `{ me { rewardDecisions(year: 2026) { reasons reasonCodes { code predicate percent year periodType period policyVersion minimumPredicate
        annualEvaluations years { year predicate was } positionKind coefficient creditPoints revision text } } } }`;
      const [decision] = (await graphqlOk(graph.url, REASONS, {}, { token: tokens.teacher })).me.rewardDecisions;
      const none = { predicate: null, percent: null, year: null, periodType: null, period: null, policyVersion: null, minimumPredicate: null,
        annualEvaluations: null, years: null, positionKind: null, coefficient: null, creditPoints: null, revision: null };
      expect(decision.reasonCodes.map((r: { code: string }) => r.code)).toEqual(['ALLOWANCE', 'CERTIFICATE', 'PROMOTION_ELIGIBLE', expect.stringMatching(/^CREDIT_POINTS/)]);
      expect(decision.reasonCodes.slice(0, 3)).toEqual([
        { ...none, code: 'ALLOWANCE', predicate: 'SANGAT_BAIK', percent: 100, year: 2026, periodType: 'ANNUAL', policyVersion: 1, text: decision.reasons[0] },
        { ...none, code: 'CERTIFICATE', predicate: 'SANGAT_BAIK', text: decision.reasons[1] },
        { ...none, code: 'PROMOTION_ELIGIBLE', minimumPredicate: 'BAIK', years: [{ year: 2025, predicate: 'BAIK', was: null }, { year: 2026, predicate: 'SANGAT_BAIK', was: null }], text: decision.reasons[2] },
      ]);
      expect(decision.reasonCodes.map((r: { text: string }) => r.text)).toEqual(decision.reasons);
    });

    it.each([
      ['the head of the employee\'s unit', 'sdHead', true],
      ['the head of a unit above it', 'disdikHead', true],
      ['ANALYST', 'analyst', true],
      ['ADMIN', 'admin', true],
      ['a colleague of the same unit', 'colleague', false],
      ['the head of another unit', 'outsiderHead', false],
    ])('%s: %s', async (_who, token, allowed) => {
      const r = await graphql(graph.url, OF, { id: people.teacher.id }, { token: tokens[token] });
      if (allowed) {
        expect(r.errors).toBeUndefined();
        expect(r.data?.employee.rewardDecisions).toEqual([{ predicate: 'BAIK', year: 2025 }, { predicate: 'SANGAT_BAIK', year: 2026 }]);
      } else {
        expect(codeOf(r)).toBe('FORBIDDEN');
        expect(r.errors?.[0]?.path).toEqual(['employee', 'rewardDecisions']);
      }
    });

    it('lists a year\'s decisions for ADMIN and ANALYST everywhere and for unit heads in their units, filtered by unit and predicate', async () => {
      const LIST = `query($unit: ID, $p: Predicate) { rewardDecisions(year: 2026, unitId: $unit, predicate: $p) { id employee { id } } }`;
      const ids = (r: Record<string, any>) => (r.rewardDecisions as Array<{ id: string }>).map((d) => d.id).sort();
      const all = await graphqlOk(graph.url, LIST, {}, { token: tokens.admin });
      expect(ids(all)).toEqual([decisions.teacher, decisions.colleague, decisions.clerk, decisions.outsider].sort());
      const analyst = await graphqlOk(graph.url, LIST, { unit: people.disdik.id }, { token: tokens.analyst });
      expect(ids(analyst)).toEqual([decisions.teacher, decisions.colleague, decisions.clerk].sort());
      const head = await graphqlOk(graph.url, LIST, {}, { token: tokens.disdikHead });
      expect(ids(head)).toEqual([decisions.teacher, decisions.colleague, decisions.clerk].sort());
      const sub = await graphqlOk(graph.url, LIST, { unit: people.sd.id }, { token: tokens.sdHead });
      expect(ids(sub)).toEqual([decisions.teacher, decisions.colleague].sort());
      const kurang = await graphqlOk(graph.url, LIST, { p: 'KURANG' }, { token: tokens.admin });
      expect(ids(kurang)).toEqual([decisions.clerk]);

      expect(codeOf(await graphql(graph.url, LIST, { unit: people.disdik.id }, { token: tokens.sdHead }))).toBe('FORBIDDEN');
      expect(codeOf(await graphql(graph.url, LIST, {}, { token: tokens.teacher }))).toBe('FORBIDDEN');
      const badYear = await graphql(graph.url, '{ rewardDecisions(year: 26) { id } }', {}, { token: tokens.admin });
      expect(badYear.errors?.[0]?.message).toBe('year: must be between 2000 and 2100');
    });

    it('resolves Evaluation.rewardDecision and RewardDecision by key, with the same visibility', async () => {
      const Q = `query($id: ID!) { rewardDecision(id: $id) { predicate evaluation { id rewardDecision { id predicate } } } }`;
      const own = await graphqlOk(graph.url, Q, { id: decisions.clerk }, { token: tokens.clerk });
      expect(own.rewardDecision).toEqual({ predicate: 'KURANG', evaluation: { id: evaluations.clerk, rewardDecision: { id: decisions.clerk, predicate: 'KURANG' } } });
      expect(codeOf(await graphql(graph.url, Q, { id: decisions.clerk }, { token: tokens.teacher }))).toBe('FORBIDDEN');
    });

    it('reads 200 employees\' decisions, awards and sanctions in a constant number of statements', async () => {
      const Q = `query($u: ID!) { employees(unitId: $u, includeSubunits: true, first: 200) { totalCount edges { node { id rewardDecisions { predicate awards { kind } }
        awards { kind decision { year } } sanctions { level history { status by { id } } decision { predicate } } } } } }`;
      let data: Record<string, any> = {};
      const counts = await graph.countSql(async () => { data = await graphqlOk(graph.url, Q, { u: people.disdik.id }, { token: tokens.disdikHead }); });
      const nodes = data.employees.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(Math.min(200, data.employees.totalCount));
      expect(nodes.filter((n: any) => n.rewardDecisions.length > 0).map((n: any) => n.id).sort()).toEqual([people.teacher.id, people.colleague.id, people.clerk.id].sort());
      // A statement per list field and batch (the head's own row needs no directory call, so it
      // batches apart), plus the outbox relay's idle poll: constant; per employee it would pass 150.
      expect(counts.recognition).toBeLessThanOrEqual(16);
    });
  });

  describe('awards', () => {
    const GRANT = `mutation($d: ID!, $k: AwardKind!, $t: String!) { grantAward(decisionId: $d, kind: $k, title: $t) {
      id kind title allowancePercent grantedOn employee { id name } grantedBy { id } decision { id predicate } } }`;

    it('grants a certificate and a promotion recommendation where the decision allows them, emitting award.granted', async () => {
      const cert = await graphqlOk(graph.url, GRANT, { d: decisions.teacher, k: 'CERTIFICATE', t: 'Piagam Penghargaan Kinerja 2026' }, { token: tokens.admin });
      expect(cert.grantAward).toMatchObject({
        kind: 'CERTIFICATE', title: 'Piagam Penghargaan Kinerja 2026', allowancePercent: null, grantedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        employee: { id: people.teacher.id, name: people.teacher.name }, decision: { id: decisions.teacher, predicate: 'SANGAT_BAIK' },
      });
      await graphqlOk(graph.url, GRANT, { d: decisions.teacher, k: 'PROMOTION_RECOMMENDATION', t: 'Usul kenaikan pangkat' }, { token: tokens.admin });
      const mine = await graphqlOk(graph.url, '{ me { awards { kind } } }', {}, { token: tokens.teacher });
      expect(mine.me.awards).toEqual([{ kind: 'CERTIFICATE' }, { kind: 'PROMOTION_RECOMMENDATION' }]);
      // The relay publishes award.granted from the outbox.
      const sent = await waitFor(async () => {
        const [row] = await ds.query(`SELECT sent_at, envelope FROM outbox WHERE type = 'award.granted' AND envelope->'data'->>'awardId' = $1`, [cert.grantAward.id]);
        return row?.sent_at ? row : null;
      });
      expect(sent.envelope.data).toEqual({
        awardId: cert.grantAward.id, employeeId: people.teacher.id, kind: 'CERTIFICATE', title: 'Piagam Penghargaan Kinerja 2026',
        grantedOn: cert.grantAward.grantedOn, decisionId: decisions.teacher,
      });
    });

    it('grants the performance allowance at the decision\'s percent', async () => {
      const data = await graphqlOk(graph.url, GRANT, { d: decisions.clerk, k: 'PERFORMANCE_ALLOWANCE', t: 'TPP 2026' }, { token: tokens.admin });
      expect(data.grantAward).toMatchObject({ kind: 'PERFORMANCE_ALLOWANCE', allowancePercent: 50 });
    });

    it('refuses what the decision does not allow, a second award of a kind, a missing decision and a non-ADMIN, writing nothing', async () => {
      const before = await rowCounts(dbUrl, ['award', 'outbox']);
      const notEligible = await graphql(graph.url, GRANT, { d: decisions.colleague, k: 'CERTIFICATE', t: 'Piagam' }, { token: tokens.admin });
      expect(codeOf(notEligible)).toBe('BAD_USER_INPUT');
      expect(notEligible.errors?.[0]?.message).toBe('kind: the decision (predicate BAIK) does not make the employee eligible for a certificate');
      const noPromotion = await graphql(graph.url, GRANT, { d: decisions.colleague, k: 'PROMOTION_RECOMMENDATION', t: 'Usul' }, { token: tokens.admin });
      expect(noPromotion.errors?.[0]?.message).toMatch(/^kind: .*promotion recommendation/);
      const twice = await graphql(graph.url, GRANT, { d: decisions.teacher, k: 'CERTIFICATE', t: 'Piagam lagi' }, { token: tokens.admin });
      expect(codeOf(twice)).toBe('CONFLICT');
      expect(twice.errors?.[0]?.message).toBe('kind: a CERTIFICATE award was already granted for this decision');
      const missing = await graphql(graph.url, GRANT, { d: '00000000-0000-4000-8000-000000000000', k: 'CERTIFICATE', t: 'Piagam' }, { token: tokens.admin });
      expect(missing.errors?.[0]?.message).toBe('decisionId: no reward decision has id 00000000-0000-4000-8000-000000000000');
      const title = await graphql(graph.url, GRANT, { d: decisions.outsider, k: 'PERFORMANCE_ALLOWANCE', t: ' ' }, { token: tokens.admin });
      expect(title.errors?.[0]?.message).toBe('title: must be 2 to 200 characters');
      expect(codeOf(await graphql(graph.url, GRANT, { d: decisions.outsider, k: 'PERFORMANCE_ALLOWANCE', t: 'TPP' }, { token: tokens.outsiderHead }))).toBe('FORBIDDEN');
      expect(await rowCounts(dbUrl, ['award', 'outbox'])).toEqual(before);
    });

    it('shows awards only to those who may see them', async () => {
      const r = await graphql(graph.url, 'query($id: ID!) { employee(id: $id) { awards { kind } } }', { id: people.teacher.id }, { token: tokens.colleague });
      expect(codeOf(r)).toBe('FORBIDDEN');
    });
  });

  describe('discipline cases (PP 94/2021), never from a predicate', () => {
    const PROPOSE = `mutation($e: ID!, $l: SanctionLevel!, $v: String!, $r: String!, $d: ID) { proposeSanction(employeeId: $e, level: $l, violation: $v, reason: $r, decisionId: $d) {
      id level violation reason status decidedOn proposedBy { id } employee { id } history { status by { id } reason } } }`;
    const EXAMINE = `mutation($s: ID!, $d: Date!, $x: [ID!]!) { recordExamination(sanctionId: $s, heldOn: $d, examinerIds: $x, record: "Berita acara pemeriksaan") { id status } }`;
    const DECIDE = `mutation($id: ID!, $impose: Boolean!, $r: String, $t: SanctionType, $from: Date) { decideSanction(id: $id, impose: $impose, reason: $r, type: $t, startsOn: $from) {
      id status type startsOn endsOn decidedOn decidedBy { id } history { status by { id } reason at } } }`;

    it('proposes no case from a KURANG decision: the clerk has an improvement plan owned by the direct superior instead', async () => {
      const data = await graphqlOk(graph.url, '{ me { sanctions { id } improvementPlans { status owner { id } decision { id followUp sanctionRecommended } } } }', {}, { token: tokens.clerk });
      expect(data.me.sanctions).toEqual([]);
      expect(data.me.improvementPlans).toEqual([{ status: 'OPEN', owner: { id: people.clerkBoss.id }, decision: { id: decisions.clerk, followUp: 'IMPROVEMENT_TRACK', sanctionRecommended: null } }]);
    });

    it('lets the direct superior open a case, ADMIN impose it after the examination, then revoke it, keeping who and why', async () => {
      const violation = 'Absent without leave for 12 working days in March';
      const reason = 'Reported by the attendance system';
      const proposed = await graphqlOk(graph.url, PROPOSE, { e: people.clerk.id, l: 'LIGHT', v: violation, r: reason }, { token: tokens.clerkBoss });
      const id = proposed.proposeSanction.id;
      expect(proposed.proposeSanction).toMatchObject({
        level: 'LIGHT', violation, reason, status: 'PROPOSED', decidedOn: null, proposedBy: { id: people.clerkBoss.id }, employee: { id: people.clerk.id },
        history: [{ status: 'PROPOSED', by: { id: people.clerkBoss.id }, reason }],
      });
      expect(codeOf(await graphql(graph.url, DECIDE, { id, impose: true, t: 'WRITTEN_REPRIMAND', from: '2026-05-04' }, { token: tokens.clerkBoss }))).toBe('FORBIDDEN');
      const unexamined = await graphql(graph.url, DECIDE, { id, impose: true, t: 'WRITTEN_REPRIMAND', from: '2026-05-04' }, { token: tokens.admin });
      expect(unexamined.errors?.[0]?.message).toBe('impose: the case has no examination record yet; recordExamination first (PP 94/2021 art. 27)');
      expect(codeOf(await graphql(graph.url, EXAMINE, { s: id, d: '2026-04-20', x: [people.clerkBoss.id] }, { token: tokens.disdikHead }))).toBe('FORBIDDEN');
      await graphqlOk(graph.url, EXAMINE, { s: id, d: '2026-04-20', x: [people.clerkBoss.id] }, { token: tokens.clerkBoss });

      const imposed = await graphqlOk(graph.url, DECIDE, { id, impose: true, r: 'Confirmed by the disciplinary hearing', t: 'WRITTEN_REPRIMAND', from: '2026-05-04' }, { token: tokens.admin });
      const adminId = imposed.decideSanction.decidedBy.id;
      expect(imposed.decideSanction).toMatchObject({ status: 'IMPOSED', type: 'WRITTEN_REPRIMAND', startsOn: '2026-05-04', endsOn: null, decidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      const again = await graphql(graph.url, DECIDE, { id, impose: true }, { token: tokens.admin });
      expect(codeOf(again)).toBe('BAD_USER_INPUT');
      expect(again.errors?.[0]?.message).toBe('impose: the sanction is already IMPOSED; pass impose: false to revoke it');
      expect((await graphql(graph.url, DECIDE, { id, impose: false }, { token: tokens.admin })).errors?.[0]?.message).toBe('reason: is required when revoking a sanction');

      const revoked = await graphqlOk(graph.url, DECIDE, { id, impose: false, r: 'Annulled on appeal' }, { token: tokens.admin });
      expect(revoked.decideSanction.status).toBe('REVOKED');
      expect(revoked.decideSanction.history.map((h: any) => [h.status, h.by?.id, h.reason])).toEqual([
        ['PROPOSED', people.clerkBoss.id, reason],
        ['EXAMINED', people.clerkBoss.id, 'Examined on 2026-04-20 by 1 examiner'],
        ['IMPOSED', adminId, 'Confirmed by the disciplinary hearing'],
        ['REVOKED', adminId, 'Annulled on appeal'],
      ]);
      const events = await ds.query(`SELECT envelope FROM outbox WHERE type = 'sanction.decided' AND envelope->'data'->>'sanctionId' = $1 ORDER BY id`, [id]);
      expect(events.map((e: any) => e.envelope.data.status)).toEqual(['PROPOSED', 'EXAMINED', 'IMPOSED', 'REVOKED']);
      expect(events[2].envelope.data).toEqual({
        sanctionId: id, employeeId: people.clerk.id, level: 'LIGHT', status: 'IMPOSED', reason: 'Confirmed by the disciplinary hearing',
        violation, type: 'WRITTEN_REPRIMAND', startsOn: '2026-05-04', endsOn: null,
      });
    });

    it('refuses cases from those without the right, from a reward decision, and bad input, writing nothing', async () => {
      const before = await rowCounts(dbUrl, ['sanction', 'sanction_history', 'outbox']);
      const v = 'Repeatedly late to work';
      const r = 'Attendance record';
      expect(codeOf(await graphql(graph.url, PROPOSE, { e: people.teacher.id, l: 'LIGHT', v, r }, { token: tokens.colleague }))).toBe('FORBIDDEN');
      // A unit head who is not the direct superior: FORBIDDEN (PP 94/2021: the direct superior or BKPSDM).
      expect(codeOf(await graphql(graph.url, PROPOSE, { e: people.clerk.id, l: 'LIGHT', v, r }, { token: tokens.disdikHead }))).toBe('FORBIDDEN');
      expect(codeOf(await graphql(graph.url, PROPOSE, { e: people.clerk.id, l: 'LIGHT', v, r }, { token: tokens.outsiderHead }))).toBe('FORBIDDEN');
      // Whatever the input, a caller without the right is FORBIDDEN.
      expect(codeOf(await graphql(graph.url, PROPOSE, { e: people.clerk.id, l: 'LIGHT', v: 'x', r }, { token: tokens.teacher }))).toBe('FORBIDDEN');
      const short = await graphql(graph.url, PROPOSE, { e: people.clerk.id, l: 'LIGHT', v: 'x', r }, { token: tokens.clerkBoss });
      expect(short.errors?.[0]?.message).toBe('violation: must be 3 to 2000 characters');
      const fromDecision = await graphql(graph.url, PROPOSE, { e: people.clerk.id, l: 'LIGHT', v, r, d: decisions.clerk }, { token: tokens.admin });
      expect(fromDecision.errors?.[0]?.message).toBe('decisionId: a discipline case is never opened from a reward decision: a predicate is not a disciplinary offence (PP 94/2021)');
      const nobody = await graphql(graph.url, PROPOSE, { e: '00000000-0000-4000-8000-000000000000', l: 'LIGHT', v, r }, { token: tokens.admin });
      expect(nobody.errors?.[0]?.message).toBe('employeeId: no employee has id 00000000-0000-4000-8000-000000000000');
      const unknown = await graphql(graph.url, DECIDE, { id: '00000000-0000-4000-8000-000000000000', impose: true }, { token: tokens.admin });
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      expect(await rowCounts(dbUrl, ['sanction', 'sanction_history', 'outbox'])).toEqual(before);
    });

    it('lists cases by status for ADMIN and for unit heads in their units only', async () => {
      const LIST = `query($s: SanctionStatus) { sanctions(status: $s) { level status employee { id } } }`;
      const revoked = await graphqlOk(graph.url, LIST, { s: 'REVOKED' }, { token: tokens.admin });
      expect(revoked.sanctions).toEqual([{ level: 'LIGHT', status: 'REVOKED', employee: { id: people.clerk.id } }]);
      expect((await graphqlOk(graph.url, LIST, { s: 'PROPOSED' }, { token: tokens.admin })).sanctions).toEqual([]);
      const head = await graphqlOk(graph.url, LIST, {}, { token: tokens.disdikHead });
      expect(head.sanctions.map((s: any) => s.status)).toEqual(['REVOKED']);
      const other = await graphqlOk(graph.url, LIST, {}, { token: tokens.outsiderHead });
      expect(other.sanctions).toEqual([]);
      expect(codeOf(await graphql(graph.url, LIST, {}, { token: tokens.clerk }))).toBe('FORBIDDEN');
    });
  });
});
