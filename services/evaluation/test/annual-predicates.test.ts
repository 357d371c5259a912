// contractsEnding (personnel) with each employee's last annual predicates (evaluation), in one query through the gateway.
import { randomUUID } from 'node:crypto';
import { personnelService } from '@kinerja/personnel';
import { codeOf, createUnit, graphql, graphqlOk, registerEmployee, startGraph, type Person, type TestGraph } from '@kinerja/testing';
import { evaluationService } from '../src';
import { ADMIN_ID } from './helpers';

const day = (offset: number) => {
  const d = new Date(Date.now() + 7 * 3600_000); // WIB
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

describe('contracts ending, with the last annual predicates (PP 49/2018 art. 37)', () => {
  let graph: TestGraph;
  let admin: string;
  let unit: string;
  let kepala: Person;
  const pppk: Record<string, Person> = {};

  const registerPppk = async (name: string, nip: string, birthDate: string, number: string, endsInDays: number) => {
    const endsOn = day(endsInDays);
    const startsOn = `${Number(endsOn.slice(0, 4)) - 1}${endsOn.slice(4)}`;
    const data = await graphqlOk(graph.url, `mutation($i: RegisterEmployeeInput!) { registerEmployee(input: $i) { id nip } }`, { i: {
      name, nip, gender: 'FEMALE', birthDate, employmentType: 'PPPK', pppkGrade: 'VII', positionTitle: 'Perawat Terampil', positionKind: 'FUNGSIONAL',
      unitId: unit, supervisorId: kepala.id, contract: { number, startsOn: startsOn > '2024-01-01' ? startsOn : '2024-01-01', endsOn },
    } }, { token: admin });
    return data.registerEmployee as Person;
  };

  beforeAll(async () => {
    graph = await startGraph([personnelService, evaluationService], 'annual-predicates');
    admin = await graph.token(ADMIN_ID, ['ADMIN', 'EMPLOYEE']);
    unit = await createUnit(graph.url, admin, 'PUSK-RIMBO', 'UPTD Puskesmas Rimbo Tengah', 'UPTD');
    kepala = await registerEmployee(graph.url, admin, { name: 'dr. Yulia Sari', unitId: unit, sequence: 31, positionKind: 'PENGAWAS' });
    pppk.lina = await registerPppk('Lina Marlina', '19930415 2024 2 1 2 011', '1993-04-15', 'PK/PUSK/2024/11', 20);
    pppk.tari = await registerPppk('Tari Anggraini', '19950920 2024 2 1 2 012', '1995-09-20', 'PK/PUSK/2024/12', 60);

    // Past cycles and completed evaluations, as the seed writes them (evaluation's own database).
    const ds = graph.services.evaluation!.dataSource;
    const cycle = async (year: number, periodType: string, period: number | null) => {
      const id = randomUUID();
      const [opensOn, closesOn] = periodType === 'ANNUAL' ? [`${year}-01-01`, `${year}-12-31`] : [`${year}-0${period}-01`, `${year}-0${period}-28`];
      await ds.query(`INSERT INTO evaluation_cycle (id, name, year, period_type, period, status, opens_on, closes_on, closed_at)
        VALUES ($1, $2, $3, $4, $5, 'CLOSED', $6, $7, now())`, [id, `Penilaian ${year}`, year, periodType, period, opensOn, closesOn]);
      return id;
    };
    const evaluate = (cycleId: string, p: Person, predicate: string | null) => ds.query(
      `INSERT INTO evaluation (id, cycle_id, employee_id, employee_nip, unit_id, evaluator_id, status, result_rating, behavior_rating, predicate, rated_by, completed_at, completed_by, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $6, $10, $6, 2)`,
      [randomUUID(), cycleId, p.id, p.nip, unit, kepala.id, predicate ? 'COMPLETED' : 'DRAFT', predicate ? 'MEETS_EXPECTATION' : null, predicate, predicate ? new Date() : null]);
    const [y2023, y2024, y2025, mar2025] = [await cycle(2023, 'ANNUAL', null), await cycle(2024, 'ANNUAL', null), await cycle(2025, 'ANNUAL', null), await cycle(2025, 'MONTHLY', 3)];
    await evaluate(y2023, pppk.lina!, 'SANGAT_BAIK');
    await evaluate(y2024, pppk.lina!, 'BAIK');
    await evaluate(y2025, pppk.lina!, 'BUTUH_PERBAIKAN');
    await evaluate(mar2025, pppk.lina!, 'KURANG'); // monthly: not an annual predicate
    await evaluate(y2025, pppk.tari!, null); // still a draft: no predicate yet
  });
  afterAll(() => graph?.stop());

  const QUERY = `query($d: Int) { contractsEnding(withinDays: $d) { name contract { number endsOn } annualPredicates { year predicate } } }`;

  it('shows ADMIN each PPPK whose contract ends within 90 days with the last two annual predicates, in one query', async () => {
    const data = await graphqlOk(graph.url, QUERY, {}, { token: admin });
    expect(data.contractsEnding).toEqual([
      { name: 'Lina Marlina', contract: { number: 'PK/PUSK/2024/11', endsOn: day(20) }, annualPredicates: [{ year: 2025, predicate: 'BUTUH_PERBAIKAN' }, { year: 2024, predicate: 'BAIK' }] },
      { name: 'Tari Anggraini', contract: { number: 'PK/PUSK/2024/12', endsOn: day(60) }, annualPredicates: [] },
    ]);
    const within30 = await graphqlOk(graph.url, `{ contractsEnding(withinDays: 30) { name annualPredicates(last: 3) { year } } }`, {}, { token: admin });
    expect(within30.contractsEnding).toEqual([{ name: 'Lina Marlina', annualPredicates: [{ year: 2025 }, { year: 2024 }, { year: 2023 }] }]);
  });

  it('refuses the list to everyone but ADMIN', async () => {
    for (const token of [await graph.token(kepala.id), await graph.token(pppk.lina!.id), await graph.token(ADMIN_ID, ['ANALYST'])]) {
      const r = await graphql(graph.url, QUERY, {}, { token });
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.data?.contractsEnding ?? null).toBeNull();
    }
  });

  it('shows annual predicates to whoever may read the evaluations, and not to a colleague', async () => {
    const q = `query($id: ID) { employee(id: $id) { annualPredicates { year predicate } } }`;
    const own = await graphqlOk(graph.url, q, { id: pppk.lina!.id }, { token: await graph.token(pppk.lina!.id) });
    expect(own.employee.annualPredicates.map((p: { year: number }) => p.year)).toEqual([2025, 2024]);
    const boss = await graphqlOk(graph.url, q, { id: pppk.lina!.id }, { token: await graph.token(kepala.id) });
    expect(boss.employee.annualPredicates).toHaveLength(2);
    const colleague = await graphqlOk(graph.url, q, { id: pppk.lina!.id }, { token: await graph.token(pppk.tari!.id) });
    expect(colleague.employee.annualPredicates).toEqual([]);
    const bad = await graphql(graph.url, `query($id: ID) { employee(id: $id) { annualPredicates(last: 0) { year } } }`, { id: pppk.lina!.id }, { token: admin });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/^last: must be a number of years from 1 to 10/);
  });
});
