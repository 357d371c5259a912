// The reward path's consumer against real PostgreSQL and the real Kafka broker: events are produced
// to the graph's unique topics as the evaluation service's relay would publish them.
import { randomUUID } from 'node:crypto';
import { personnelService } from '@kinerja/personnel';
import { readTopic, startGraph, waitFor, type TestGraph } from '@kinerja/testing';
import type { DataSource } from 'typeorm';
import { recognitionService, type RunningRecognition } from '../src';
import { cast, completedEvent, completedTopic, cleanKafka, decisionsFor, eventProducer, seedRegency, waitForDecision } from './helpers';

describe('recognition consumes kinerja.evaluation.completed.v1', () => {
  let graph: TestGraph;
  let ds: DataSource;
  let people: ReturnType<typeof cast>;
  let producer: Awaited<ReturnType<typeof eventProducer>>;

  beforeAll(async () => {
    graph = await startGraph([personnelService, recognitionService], 'recognition-consumer');
    people = cast(await seedRegency(graph));
    const recognition = graph.services.recognition as unknown as RunningRecognition;
    ds = recognition.dataSource;
    const consumer = await recognition.consumer!.started;
    await consumer!.ready;
    producer = await eventProducer(graph.topicPrefix);
  });

  afterAll(async () => {
    await producer?.stop();
    await graph?.stop();
    if (graph) await cleanKafka(graph.topicPrefix);
  });

  const outbox = (type: string, field: string, value: string) =>
    ds.query(`SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>$2 = $3 ORDER BY id`, [type, field, value]) as Promise<Array<{ envelope: any }>>;

  it('decides two annual cycles: allowance, certificate, promotion and credit points, with reasons, a reward.decided event on Kafka', async () => {
    const first = completedEvent({ employee: people.teacher, predicate: 'BAIK', year: 2025 });
    const second = completedEvent({ employee: people.teacher, predicate: 'SANGAT_BAIK', year: 2026 });
    await producer.send(first);
    await producer.send(second);
    const d1 = await waitForDecision(ds, first.data.evaluationId);
    const d2 = await waitForDecision(ds, second.data.evaluationId);
    expect(d1).toMatchObject({ predicate: 'BAIK', allowance_percent: 100, certificate_eligible: false, promotion_eligible: false, credit_point_percent: 100, position_kind: 'FUNGSIONAL', policy_version: 1, year: 2025 });
    expect(d1.reasons).toContain('Promotion: not eligible; it needs at least BAIK in each of the last 2 annual evaluations (2024, 2025): no annual predicate is recorded for 2024.');
    expect(d2).toMatchObject({
      predicate: 'SANGAT_BAIK', allowance_percent: 100, certificate_eligible: true, promotion_eligible: true, sanction_recommended: null,
      credit_point_percent: 150, source_event_id: second.eventId, employee_id: people.teacher.id, unit_id: people.sd.id,
    });
    expect(d2.reasons).toEqual([
      'Allowance (TPP): predicate SANGAT_BAIK earns 100% of the performance allowance for 2026 (policy version 1).',
      'Certificate: predicate SANGAT_BAIK earns a certificate of recognition (piagam penghargaan).',
      'Promotion: eligible for a promotion recommendation (kenaikan pangkat); annual predicates 2025 BAIK, 2026 SANGAT_BAIK are each BAIK or better.',
      expect.stringMatching(/^Credit points: a FUNGSIONAL position earns 150% of its yearly credit-point coefficient (12\.5|25|37\.5) for predicate SANGAT_BAIK: [\d.]+ \(Peraturan BKN 3\/2023\)\.$/),
    ]);
    expect(d2).toMatchObject({ status: 'ACTIVE', revision: 1, follow_up: 'NONE', employment_type: people.teacher.employmentType });
    expect(d2.credit_points).toBe(d2.credit_coefficient * 1.5);

    const [row] = await outbox('reward.decided', 'evaluationId', second.data.evaluationId);
    expect(row!.envelope.data).toEqual({
      decisionId: d2.id, evaluationId: second.data.evaluationId, employeeId: people.teacher.id, unitId: people.sd.id, year: 2026,
      predicate: 'SANGAT_BAIK', allowancePercent: 100, certificateEligible: true, promotionEligible: true, sanctionRecommended: null,
      reasons: d2.reasons, sourceEventId: second.eventId, status: 'ACTIVE', revision: 1, revises: null, followUp: 'NONE',
    });
    // The relay publishes the outbox: the decision reaches analysts on kinerja.reward.decided.v1.
    const published = await readTopic(`${graph.topicPrefix}kinerja.reward.decided.v1`, 2);
    const message = published.find((m) => JSON.parse(m.value!).data.decisionId === d2.id)!;
    expect(message.key).toBe(people.teacher.id);
    expect(message.headers).toMatchObject({ eventId: row!.envelope.eventId, type: 'reward.decided' });
  });

  it('refuses promotion when the previous annual predicate is missing or below BAIK, naming why', async () => {
    const missing = completedEvent({ employee: people.colleague, predicate: 'SANGAT_BAIK', year: 2026 });
    await producer.send(missing);
    const d = await waitForDecision(ds, missing.data.evaluationId);
    expect(d.promotion_eligible).toBe(false);
    expect(d.reasons).toContain('Promotion: not eligible; it needs at least BAIK in each of the last 2 annual evaluations (2025, 2026): no annual predicate is recorded for 2025.');

    const low = completedEvent({ employee: people.colleague, predicate: 'BUTUH_PERBAIKAN', year: 2026, completedAt: '2027-01-20T03:00:00.000Z' });
    const next = completedEvent({ employee: people.colleague, predicate: 'BAIK', year: 2027 });
    await producer.send(low); // a correction of 2026, completed later: it supersedes the SANGAT_BAIK
    await producer.send(next);
    const d2027 = await waitForDecision(ds, next.data.evaluationId);
    expect(d2027.promotion_eligible).toBe(false);
    expect(d2027.reasons).toContain('Promotion: not eligible; it needs at least BAIK in each of the last 2 annual evaluations (2026, 2027): 2026 was BUTUH_PERBAIKAN.');
  });

  it('opens an improvement plan for each low annual predicate and proposes no discipline case (PP 30/2019 art. 56-58; PP 94/2021)', async () => {
    const y2025 = completedEvent({ employee: people.clerk, predicate: 'KURANG', year: 2025 });
    const y2026 = completedEvent({ employee: people.clerk, predicate: 'SANGAT_KURANG', year: 2026 });
    await producer.send(y2025);
    await producer.send(y2026);
    const kurang = await waitForDecision(ds, y2025.data.evaluationId);
    const sangatKurang = await waitForDecision(ds, y2026.data.evaluationId);
    expect(kurang).toMatchObject({ allowance_percent: 50, sanction_recommended: null, follow_up: 'IMPROVEMENT_TRACK', credit_point_percent: people.clerk.positionKind === 'FUNGSIONAL' ? 50 : null });
    expect(sangatKurang).toMatchObject({ allowance_percent: 25, sanction_recommended: null, follow_up: 'IMPROVEMENT_TRACK', promotion_eligible: false });
    for (const d of [kurang, sangatKurang]) expect((d.reasons as string[]).filter((r) => /sanction|disciplin/i.test(r))).toEqual([]);

    expect(await ds.query('SELECT * FROM sanction WHERE employee_id = $1', [people.clerk.id])).toEqual([]);
    const plans = await waitFor(async () => {
      const rows = await ds.query('SELECT decision_id, owner_id, status, opens_on::text AS opens, review_due_on::text AS due FROM improvement_plan WHERE employee_id = $1 ORDER BY opens_on', [people.clerk.id]);
      return rows.length === 2 ? rows : null;
    });
    expect(plans).toEqual([
      { decision_id: kurang.id, owner_id: people.clerk.supervisorId, status: 'OPEN', opens: '2026-01-15', due: '2026-07-15' },
      { decision_id: sangatKurang.id, owner_id: people.clerk.supervisorId, status: 'OPEN', opens: '2027-01-15', due: '2027-07-15' },
    ]);
    const events = await outbox('improvement.changed', 'employeeId', people.clerk.id);
    expect(events.map((e) => [e.envelope.data.status, e.envelope.data.decidedBy])).toEqual([['OPEN', null], ['OPEN', null]]);
  });

  it('decides only the period\'s allowance for MONTHLY and QUARTERLY evaluations and keeps them out of the annual history', async () => {
    const monthly = completedEvent({ employee: people.outsider, predicate: 'SANGAT_KURANG', year: 2026, periodType: 'MONTHLY', period: 3 });
    const quarterly = completedEvent({ employee: people.outsider, predicate: 'SANGAT_BAIK', year: 2026, periodType: 'QUARTERLY', period: 1 });
    await producer.send(monthly);
    await producer.send(quarterly);
    const m = await waitForDecision(ds, monthly.data.evaluationId);
    const q = await waitForDecision(ds, quarterly.data.evaluationId);
    expect(m).toMatchObject({ allowance_percent: 25, certificate_eligible: false, promotion_eligible: false, sanction_recommended: null, credit_point_percent: null, period_type: 'MONTHLY', period: 3 });
    expect(m.reasons[0]).toBe('Allowance (TPP): predicate SANGAT_KURANG earns 25% of the performance allowance for 2026-03 (policy version 1).');
    expect(q).toMatchObject({ allowance_percent: 100, certificate_eligible: false, period_type: 'QUARTERLY', period: 1 });
    expect(await ds.query('SELECT * FROM annual_predicate WHERE employee_id = $1', [people.outsider.id])).toEqual([]);
    expect(await ds.query('SELECT * FROM sanction WHERE employee_id = $1', [people.outsider.id])).toEqual([]);
  });

  it('gives one decision for a duplicate delivery, and for a second event about the same evaluation', async () => {
    const event = completedEvent({ employee: people.sdHead, predicate: 'KURANG', year: 2026 });
    const again = { ...event, eventId: randomUUID() }; // the same evaluation under another event id
    const sentinel = completedEvent({ employee: people.sdHead, predicate: 'BAIK', year: 2026, periodType: 'MONTHLY', period: 5 });
    await producer.send(event);
    await producer.send(event);
    await producer.send(again);
    await producer.send(sentinel); // same key, same partition: processed after the three above
    await waitForDecision(ds, sentinel.data.evaluationId);
    expect(await decisionsFor(ds, event.data.evaluationId)).toHaveLength(1);
    expect(await outbox('reward.decided', 'evaluationId', event.data.evaluationId)).toHaveLength(1);
    expect(await ds.query('SELECT status FROM improvement_plan WHERE employee_id = $1', [people.sdHead.id])).toEqual([{ status: 'OPEN' }]);
    const processed = await ds.query('SELECT event_id FROM processed_event WHERE event_id = ANY($1)', [[event.eventId, again.eventId]]);
    expect(processed).toHaveLength(2);
  });

  it('sends a poison message to the DLQ with its reason and goes on with the next valid event', async () => {
    const employee = people.disdikHead;
    await producer.send('{"eventId": "not json', employee.id);
    const invalid = completedEvent({ employee, predicate: 'BAIK' });
    (invalid.data as Record<string, unknown>).predicate = 'ISTIMEWA';
    await producer.send(invalid);
    const valid = completedEvent({ employee, predicate: 'BAIK', year: 2026 });
    await producer.send(valid);
    const decision = await waitForDecision(ds, valid.data.evaluationId);
    expect(decision.predicate).toBe('BAIK');
    expect(await decisionsFor(ds, invalid.data.evaluationId)).toEqual([]);

    const topic = completedTopic(graph.topicPrefix);
    const dlq = await readTopic(`${topic}.dlq`, 2);
    expect(dlq).toHaveLength(2);
    const [parse, validation] = dlq.map((m) => m.headers);
    expect(parse).toMatchObject({ consumer: `${graph.topicPrefix}recognition`, 'original-topic': topic });
    expect(parse!.error).toMatch(/^parse: /);
    expect(validation!.error).toMatch(/^data: predicate: /);
    expect(dlq[1]!.value).toBe(JSON.stringify(invalid));
  });

  it('applies the policy in force for the evaluated period, not on the day it completed', async () => {
    const rules = (await ds.query('SELECT rules FROM reward_policy WHERE version = 1'))[0].rules;
    rules.predicates.BAIK.allowancePercent = 90;
    await ds.query(`INSERT INTO reward_policy (version, effective_from, rules) VALUES (2, '2031-01-01', $1)`, [JSON.stringify(rules)]);
    // The 2030 annual evaluation completes in 2031, under the new policy's dates: the 2030 policy decides it.
    const annual2030 = completedEvent({ employee: people.outsiderHead, predicate: 'BAIK', year: 2030, completedAt: '2031-01-20T03:00:00.000Z' });
    const december = completedEvent({ employee: people.outsiderHead, predicate: 'BAIK', year: 2030, periodType: 'MONTHLY', period: 12, completedAt: '2031-01-05T03:00:00.000Z' });
    const january = completedEvent({ employee: people.outsiderHead, predicate: 'BAIK', year: 2031, periodType: 'MONTHLY', period: 1, completedAt: '2031-02-03T03:00:00.000Z' });
    for (const e of [annual2030, december, january]) await producer.send(e);
    expect(await waitForDecision(ds, annual2030.data.evaluationId)).toMatchObject({ policy_version: 1, allowance_percent: 100 });
    expect(await waitForDecision(ds, december.data.evaluationId)).toMatchObject({ policy_version: 1, allowance_percent: 100 });
    expect(await waitForDecision(ds, january.data.evaluationId)).toMatchObject({ policy_version: 2, allowance_percent: 90 });
  });

  it('reports on /metrics what it decided, dead-lettered and still has to publish', async () => {
    const event = completedEvent({ employee: people.colleague, predicate: 'BAIK', year: 2031 });
    await producer.send(event);
    await waitForDecision(ds, event.data.evaluationId);
    const url = graph.services.recognition!.url.replace(/\/graphql$/, '/metrics');
    const text = await waitFor(async () => {
      const t = await (await fetch(url)).text();
      return /kinerja_outbox_pending\{service="recognition"\} 0\n/.test(t) ? t : null;
    });
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1]);
    // Every test above produced at least one decided event; the poison message went to the DLQ.
    expect(value(/kinerja_consumer_events_total\{[^}]*outcome="processed"\} (\d+)/)).toBeGreaterThanOrEqual(10);
    expect(value(/kinerja_consumer_events_total\{[^}]*outcome="duplicate"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(value(/kinerja_consumer_events_total\{[^}]*outcome="dead_lettered"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(value(/kinerja_consumer_running\{[^}]*\} (\d)/)).toBe(1);
    expect(value(/kinerja_outbox_published_total\{service="recognition"\} (\d+)/)).toBeGreaterThanOrEqual(10);
    expect(text).toContain('kinerja_sql_statements_total{service="recognition"}');
  });
});
