// The reward latency target (ARCHITECTURE.md): from completeEvaluation returning to Evaluation.rewardDecision resolving
// through the gateway, under 1 second on one machine at rest. `npm run bench` (BENCH_EVALUATIONS=200).
import { evaluationService } from '@kinerja/evaluation';
import { personnelService } from '@kinerja/personnel';
import { graphqlOk, startGraph, waitFor, type TestGraph } from '@kinerja/testing';
import type { DataSource } from 'typeorm';
import { recognitionService, type RunningRecognition } from '../src';
import { cleanKafka, COMPLETE, completedEvent, eventProducer, OPEN_CYCLE, RATE, seedRegency, START } from '../test/helpers';

const N = Number(process.env.BENCH_EVALUATIONS ?? 200);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 2400);
const POLL_MS = 5;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

describe('completion-to-decision latency', () => {
  let graph: TestGraph;

  afterAll(async () => {
    await graph?.stop();
    if (graph) await cleanKafka(graph.topicPrefix);
  });

  let seeded: ReturnType<typeof seedRegency> | undefined;
  const seedRegencyOnce = () => (seeded ??= seedRegency(graph));

  beforeAll(async () => {
    graph = await startGraph([personnelService, evaluationService, recognitionService], 'recognition-bench');
  });

  it(`decides ${N} completed evaluations, each within 1 s of completeEvaluation returning`, async () => {
    const regency = await seedRegencyOnce();
    const admin = await graph.token(regency.admin.id, ['ADMIN', 'EMPLOYEE']);
    const recognition = graph.services.recognition as unknown as RunningRecognition;
    await (await recognition.consumer!.started)!.ready;
    const people = regency.employees.filter((e) => e.status === 'ACTIVE' && e.supervisorId).slice(0, N);
    expect(people).toHaveLength(N);

    const cycle = await graphqlOk(graph.url, OPEN_CYCLE, {
      input: { name: 'Penilaian Kinerja Tahunan 2026', year: 2026, periodType: 'ANNUAL', period: null, opensOn: '2026-01-01', closesOn: '2026-12-31' },
    }, { token: admin });
    const RATINGS = ['ABOVE_EXPECTATION', 'MEETS_EXPECTATION', 'BELOW_EXPECTATION'];
    const Q = `query($id: ID!) { evaluation(id: $id) { rewardDecision { id } } }`;
    const observed: number[] = [];
    for (const [i, employee] of people.entries()) {
      const started = await graphqlOk(graph.url, START, { e: employee.id, c: cycle.openEvaluationCycle.id }, { token: admin });
      const id = started.startEvaluation.id as string;
      const rated = await graphqlOk(graph.url, RATE, { id, r: RATINGS[i % 3], b: RATINGS[Math.floor(i / 3) % 3], v: started.startEvaluation.version }, { token: admin });
      await graphqlOk(graph.url, COMPLETE, { id, v: rated.rateEvaluation.version }, { token: admin });
      const t0 = performance.now();
      for (;;) {
        const data = await graphqlOk(graph.url, Q, { id }, { token: admin });
        if (data.evaluation.rewardDecision) break;
        if (performance.now() - t0 > 30_000) throw new Error(`no decision for evaluation ${id} within 30 s`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      observed.push(performance.now() - t0);
    }

    // The service's own view: decided_at − completed_at (both PostgreSQL clocks on this machine).
    const ds: DataSource = recognition.dataSource;
    const inside = ((await ds.query(`SELECT extract(epoch FROM decided_at - completed_at) * 1000 AS ms FROM reward_decision`)) as Array<{ ms: string }>)
      .map((r) => Number(r.ms)).sort((a, b) => a - b);
    const sorted = [...observed].sort((a, b) => a - b);
    const line = (name: string, v: number[]) =>
      `${name}: n=${v.length} p50=${percentile(v, 50).toFixed(1)} ms p90=${percentile(v, 90).toFixed(1)} ms p99=${percentile(v, 99).toFixed(1)} ms max=${(v[v.length - 1] as number).toFixed(1)} ms\n`;
    process.stdout.write(`\n${line('completeEvaluation returned → rewardDecision through the gateway (polled every 5 ms)', sorted)}`);
    process.stdout.write(line('completedAt → decidedAt in recognition\'s database', inside));
    expect(percentile(sorted, 99)).toBeLessThan(1000);
  });

  it(`drains a backlog of ${BACKLOG} annual events (what \`npm start\` publishes from the seeded 2025 cycle)`, async () => {
    const regency = await seedRegencyOnce();
    const recognition = graph.services.recognition as unknown as RunningRecognition;
    const ds: DataSource = recognition.dataSource;
    const before = Number((await ds.query('SELECT count(*) AS n FROM reward_decision'))[0].n);
    const producer = await eventProducer(graph.topicPrefix);
    const people = regency.employees.filter((e) => e.status === 'ACTIVE');
    const PREDICATES = ['SANGAT_BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG'] as const;
    const t0 = performance.now();
    for (let i = 0; i < BACKLOG; i++) {
      await producer.send(completedEvent({ employee: people[i % people.length]!, predicate: PREDICATES[i % PREDICATES.length]!, year: 2000 + Math.floor(i / people.length) }));
    }
    await producer.stop();
    const produced = (performance.now() - t0) / 1000;
    await waitFor(async () => Number((await ds.query('SELECT count(*) AS n FROM reward_decision'))[0].n) - before >= BACKLOG, { timeoutMs: 600_000, everyMs: 200 });
    const seconds = (performance.now() - t0) / 1000;
    process.stdout.write(`backlog: ${BACKLOG} annual events produced and decided in ${seconds.toFixed(1)} s (${(BACKLOG / seconds).toFixed(0)} events/s; producing them took ${produced.toFixed(1)} s)\n`);
  });
});
