// Query.feedbackTargets lists exactly what Mutation.giveFeedback accepts (domain/access.ts, feedbackSourceFor over the
// facts its guard reads), through the gateway with the real personnel subgraph and PostgreSQL: supervisors above the
// direct one, and a colleague who moved into the caller's unit after their evaluation started.
import { personnelService } from '@kinerja/personnel';
import { codeOf, createUnit, graphql, graphqlOk, registerEmployee, rowCounts, setUnitHead, startGraph, type Person, type TestGraph } from '@kinerja/testing';
import { evaluationService } from '../src';
import { ADMIN_ID } from './helpers';

const SOURCES = ['SELF', 'SUBORDINATE', 'SUPERVISOR', 'PEER'] as const;
interface Target { source: string; evaluation: { id: string; employee: { id: string }; cycle: { id: string } } }

describe('feedbackTargets is what giveFeedback accepts', () => {
  let graph: TestGraph;
  let admin: string;
  const people: Record<string, Person> = {};
  const tokens: Record<string, string> = {};
  let annual: string;
  let quarter: string;
  const evaluations: Record<string, string> = {}; // `${who}@annual`, `${who}@q2`, `${who}@closed`

  const targets = async (who: string): Promise<Target[]> =>
    (await graphqlOk<{ feedbackTargets: Target[] }>(graph.url, '{ feedbackTargets { source evaluation { id employee { id } cycle { id } } } }', {}, { token: tokens[who] })).feedbackTargets;
  const give = (who: string, evaluationId: string, source: string) =>
    graphql(graph.url, 'mutation($id: ID!, $input: FeedbackInput!) { giveFeedback(evaluationId: $id, input: $input) { id source } }',
      { id: evaluationId, input: { source, coreValue: 'KOLABORATIF', score: 4 } }, { token: tokens[who] });
  const openCycle = async (input: Record<string, unknown>) =>
    (await graphqlOk(graph.url, 'mutation($input: EvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }', { input }, { token: admin })).openEvaluationCycle.id as string;
  const start = async (who: string, cycleId: string) =>
    (await graphqlOk(graph.url, 'mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id } }', { e: people[who]!.id, c: cycleId }, { token: admin })).startEvaluation.id as string;
  const transfer = (who: string, unitId: string, supervisor: string) =>
    graphqlOk(graph.url, 'mutation($id: ID!, $u: ID!, $s: ID) { transferEmployee(id: $id, unitId: $u, supervisorId: $s) { id } }', { id: people[who]!.id, u: unitId, s: people[supervisor]!.id }, { token: admin });
  const nameOf = (evaluationId: string) => Object.entries(evaluations).find(([, id]) => id === evaluationId)?.[0] ?? evaluationId;
  const listed = async (who: string) => Object.fromEntries((await targets(who)).map((t) => [nameOf(t.evaluation.id), t.source]));

  let units: Record<string, string>;
  beforeAll(async () => {
    graph = await startGraph([personnelService, evaluationService], 'evaluation_targets');
    admin = await graph.token(ADMIN_ID, ['ADMIN', 'EMPLOYEE']);
    const dinkes = await createUnit(graph.url, admin, 'DINKES', 'Dinas Kesehatan', 'DINAS');
    const p2p = await createUnit(graph.url, admin, 'DINKES-P2P', 'Bidang Pencegahan dan Pengendalian Penyakit', 'BIDANG', dinkes);
    const yankes = await createUnit(graph.url, admin, 'DINKES-YANKES', 'Bidang Pelayanan Kesehatan', 'BIDANG', dinkes);
    const disdik = await createUnit(graph.url, admin, 'DISDIK', 'Dinas Pendidikan', 'DINAS');
    units = { dinkes, p2p, yankes, disdik };
    // kadis → kabid → kasi → budi, rina (P2P); kadis → kabid2 → tono, sari (YANKES); andi elsewhere.
    const add = async (name: string, unitId: string, supervisor: string | null, sequence: number, positionKind = 'PELAKSANA') => {
      people[name] = await registerEmployee(graph.url, admin, { name, unitId, supervisorId: supervisor ? people[supervisor]!.id : null, sequence, positionKind });
      tokens[name] = await graph.token(people[name]!.id);
    };
    await add('Kadis Hendra', dinkes, null, 1, 'JPT');
    await add('Kabid Siti', p2p, 'Kadis Hendra', 2, 'ADMINISTRATOR');
    await add('Kasi Budi', p2p, 'Kabid Siti', 3, 'PENGAWAS');
    await add('Dodi', p2p, 'Kasi Budi', 4);
    await add('Rina', p2p, 'Kasi Budi', 5);
    await add('Kabid Yanto', yankes, 'Kadis Hendra', 6, 'ADMINISTRATOR');
    await add('Tono', yankes, 'Kabid Yanto', 7);
    await add('Sari', yankes, 'Kabid Yanto', 8);
    await add('Andi', disdik, null, 9);
    await setUnitHead(graph.url, admin, dinkes, people['Kadis Hendra']!.id);
    await setUnitHead(graph.url, admin, p2p, people['Kabid Siti']!.id);
    await setUnitHead(graph.url, admin, yankes, people['Kabid Yanto']!.id);

    annual = await openCycle({ name: 'Tahunan 2026', year: 2026, periodType: 'ANNUAL', period: null, opensOn: '2026-01-01', closesOn: '2026-12-31' });
    quarter = await openCycle({ name: 'Triwulan II 2026', year: 2026, periodType: 'QUARTERLY', period: 2, opensOn: '2026-04-01', closesOn: '2026-06-30' });
    for (const who of ['Kabid Siti', 'Kasi Budi', 'Dodi', 'Rina', 'Kabid Yanto', 'Tono', 'Sari']) evaluations[`${who}@annual`] = await start(who, annual);
    evaluations['Dodi@q2'] = await start('Dodi', quarter);
    // A DRAFT evaluation of a cycle that closed: giveFeedback refuses it, so the list never offers it.
    const closed = await openCycle({ name: 'Januari 2026', year: 2026, periodType: 'MONTHLY', period: 1, opensOn: '2026-01-01', closesOn: '2026-01-31' });
    evaluations['Dodi@closed'] = await start('Dodi', closed);
    await graphqlOk(graph.url, 'mutation($id: ID!) { closeEvaluationCycle(id: $id) { id } }', { id: closed }, { token: admin });
  });

  afterAll(() => graph?.stop());

  it('lists the evaluations of everyone below the caller in the supervisor chain as SUPERVISOR, not only those they evaluate', async () => {
    // Kadis Hendra evaluates only the two kabid; everyone below them is in his chain too.
    expect(await listed('Kadis Hendra')).toEqual({
      'Kabid Siti@annual': 'SUPERVISOR', 'Kasi Budi@annual': 'SUPERVISOR', 'Dodi@annual': 'SUPERVISOR', 'Rina@annual': 'SUPERVISOR',
      'Kabid Yanto@annual': 'SUPERVISOR', 'Tono@annual': 'SUPERVISOR', 'Sari@annual': 'SUPERVISOR', 'Dodi@q2': 'SUPERVISOR',
    });
    // Kabid Siti: her supervisor's evaluation is not open; Kasi Budi's she evaluates, Dodi's and Rina's are two levels down.
    expect(await listed('Kabid Siti')).toEqual({
      'Kabid Siti@annual': 'SELF', 'Kasi Budi@annual': 'SUPERVISOR', 'Dodi@annual': 'SUPERVISOR', 'Rina@annual': 'SUPERVISOR', 'Dodi@q2': 'SUPERVISOR',
    });
    const r = await give('Kadis Hendra', evaluations['Dodi@annual']!, 'SUPERVISOR');
    expect(r.errors).toBeUndefined();
    expect(r.data!.giveFeedback).toMatchObject({ source: 'SUPERVISOR' });
  });

  it('lists every open evaluation of an employee the mutation accepts, one per cycle, newest cycle first within a source', async () => {
    const rina = await targets('Rina');
    expect(rina.filter((t) => t.evaluation.employee.id === people.Dodi!.id).map((t) => [t.source, t.evaluation.cycle.id])).toEqual([['PEER', quarter], ['PEER', annual]]);
    // Kasi Budi is her direct supervisor and works in her unit: SUBORDINATE comes first; the head of her bidang is a colleague too.
    expect(await listed('Rina')).toEqual({ 'Rina@annual': 'SELF', 'Kasi Budi@annual': 'SUBORDINATE', 'Kabid Siti@annual': 'PEER', 'Dodi@annual': 'PEER', 'Dodi@q2': 'PEER' });
    expect(rina.map((t) => t.source)).toEqual(['SELF', 'SUBORDINATE', 'PEER', 'PEER', 'PEER']);
  });

  it('lists a colleague who moved into the caller\'s unit after their evaluation started as PEER, and no longer to the unit they left', async () => {
    expect(await listed('Sari')).toMatchObject({ 'Tono@annual': 'PEER' });
    expect(await listed('Rina')).not.toHaveProperty('Tono@annual');
    await transfer('Tono', units.p2p!, 'Kasi Budi');
    // The evaluation keeps the unit it started in; who may give PEER feedback follows personnel's unit today.
    const [row] = await graph.services.evaluation!.dataSource.query('SELECT unit_id::text AS unit FROM evaluation WHERE id = $1', [evaluations['Tono@annual']]);
    expect(row.unit).toBe(units.yankes);
    expect(await listed('Rina')).toMatchObject({ 'Tono@annual': 'PEER' });
    expect(await listed('Sari')).not.toHaveProperty('Tono@annual');
    // Tono's chain is Kasi Budi's now: Kasi Budi gives SUPERVISOR feedback; his evaluator at the start, no longer above him, none.
    expect(await listed('Kasi Budi')).toMatchObject({ 'Tono@annual': 'SUPERVISOR' });
    expect(await listed('Kabid Yanto')).not.toHaveProperty('Tono@annual');
    const r = await give('Rina', evaluations['Tono@annual']!, 'PEER');
    expect(r.errors).toBeUndefined();
    expect(codeOf(await give('Sari', evaluations['Tono@annual']!, 'PEER'))).toBe('FORBIDDEN');
  });

  it('for every caller: each listed target is accepted by giveFeedback with its source; every other evaluation is refused from every source', async () => {
    const all: Array<{ id: string }> = await graph.services.evaluation!.dataSource.query('SELECT id::text AS id FROM evaluation ORDER BY id');
    expect(all).toHaveLength(Object.keys(evaluations).length);
    const failures: string[] = [];
    let accepted = 0;
    let refused = 0;
    for (const who of Object.keys(people)) {
      const list = await targets(who);
      expect(new Set(list.map((t) => t.evaluation.id)).size).toBe(list.length);
      for (const t of list) {
        const r = await give(who, t.evaluation.id, t.source);
        if (r.errors) failures.push(`${who} → ${nameOf(t.evaluation.id)} listed as ${t.source} but giveFeedback answered ${codeOf(r)} ${r.errors[0]?.message}`);
        else accepted++;
      }
      const offered = new Set(list.map((t) => t.evaluation.id));
      for (const { id } of all.filter((e) => !offered.has(e.id))) {
        for (const source of SOURCES) {
          const before = await rowCounts(graph.databases.evaluation!.url, ['feedback']);
          const r = await give(who, id, source);
          if (!r.errors) failures.push(`${who} → ${nameOf(id)} not listed but giveFeedback accepted ${source}`);
          else if (!['FORBIDDEN', 'BAD_USER_INPUT'].includes(codeOf(r) ?? '')) failures.push(`${who} → ${nameOf(id)} ${source}: ${codeOf(r)} ${r.errors[0]?.message}`);
          else refused++;
          expect(await rowCounts(graph.databases.evaluation!.url, ['feedback'])).toEqual(before);
        }
      }
    }
    expect(failures).toEqual([]);
    // Something was tried both ways: the cast gives every caller targets or refusals to check.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(100);
  }, 120_000);

  it('refuses a caller without a token with UNAUTHENTICATED', async () => {
    expect(codeOf(await graphql(graph.url, '{ feedbackTargets { source } }'))).toBe('UNAUTHENTICATED');
  });
});
