// The reward path, end to end (EVENTS.md): completeEvaluation through the gateway → evaluation's
// outbox and relay → Kafka → recognition's consumer → Evaluation.rewardDecision through the gateway.
import { evaluationService } from '@kinerja/evaluation';
import { personnelService } from '@kinerja/personnel';
import { graphqlOk, startGraph, waitFor, type TestGraph } from '@kinerja/testing';
import { recognitionService } from '../src';
import { cast, cleanKafka, COMPLETE, OPEN_CYCLE, RATE, seedRegency, START } from './helpers';

describe('the reward path through the gateway: personnel + evaluation + recognition on real Kafka', () => {
  let graph: TestGraph;
  let people: ReturnType<typeof cast>;
  let admin: string;

  beforeAll(async () => {
    graph = await startGraph([personnelService, evaluationService, recognitionService], 'recognition-e2e');
    const regency = await seedRegency(graph);
    people = cast(regency);
    admin = await graph.token(regency.admin.id, ['ADMIN', 'EMPLOYEE']);
  });

  afterAll(async () => {
    await graph?.stop();
    if (graph) await cleanKafka(graph.topicPrefix);
  });

  it('completes an evaluation, then Evaluation.rewardDecision answers with the policy\'s decision', async () => {
    const cycle = await graphqlOk(graph.url, OPEN_CYCLE, {
      input: { name: 'Penilaian Kinerja Tahunan 2026', year: 2026, periodType: 'ANNUAL', period: null, opensOn: '2026-01-01', closesOn: '2026-12-31' },
    }, { token: admin });
    const started = await graphqlOk(graph.url, START, { e: people.teacher.id, c: cycle.openEvaluationCycle.id }, { token: admin });
    const id = started.startEvaluation.id as string;
    const rated = await graphqlOk(graph.url, RATE, { id, r: 'ABOVE_EXPECTATION', b: 'ABOVE_EXPECTATION', v: started.startEvaluation.version }, { token: admin });
    expect(rated.rateEvaluation.predicate).toBe('SANGAT_BAIK');
    const completed = await graphqlOk(graph.url, COMPLETE, { id, v: rated.rateEvaluation.version }, { token: admin });
    expect(completed.completeEvaluation.status).toBe('COMPLETED');

    const teacher = await graph.token(people.teacher.id, ['EMPLOYEE']);
    const Q = `query($id: ID!) { evaluation(id: $id) { status rewardDecision { predicate allowancePercent certificateEligible promotionEligible creditPointPercent creditPoints followUp status revision reasons } } }`;
    const answered = await waitFor(async () => {
      const data = await graphqlOk(graph.url, Q, { id }, { token: teacher });
      return data.evaluation.rewardDecision ? data.evaluation : null;
    }, { timeoutMs: 20_000, everyMs: 20 });
    expect(answered).toEqual({
      status: 'COMPLETED',
      rewardDecision: {
        predicate: 'SANGAT_BAIK', allowancePercent: 100, certificateEligible: true, promotionEligible: false, creditPointPercent: 150,
        // The teacher is a Guru Ahli Muda: a yearly coefficient of 25 (PermenPANRB 1/2023).
        creditPoints: 56.25, followUp: 'NONE', status: 'ACTIVE', revision: 1,
        reasons: [
          'Allowance (TPP): predicate SANGAT_BAIK earns 100% of the performance allowance for 2026 (policy version 1).',
          'Certificate: predicate SANGAT_BAIK earns a certificate of recognition (piagam penghargaan).',
          'Promotion: not eligible; it needs at least BAIK in each of the last 2 annual evaluations (2025, 2026): no annual predicate is recorded for 2025.',
          'Credit points: a FUNGSIONAL position earns 150% of its yearly credit-point coefficient 37.5 for predicate SANGAT_BAIK: 56.25 (Peraturan BKN 3/2023).',
        ],
      },
    });

    // The entities join both ways: the employee's decisions lead back to the evaluation subgraph.
    const both = await graphqlOk(graph.url, `query($e: ID!) { employee(id: $e) { name rewardDecisions(year: 2026) { predicate evaluation { id status cycle { year periodType } } } } }`,
      { e: people.teacher.id }, { token: teacher });
    expect(both.employee.rewardDecisions).toEqual([{ predicate: 'SANGAT_BAIK', evaluation: { id, status: 'COMPLETED', cycle: { year: 2026, periodType: 'ANNUAL' } } }]);
  });
});
