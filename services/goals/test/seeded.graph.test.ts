import { generateRegency } from '@kinerja/demo-regency';
import { personnelService, seedPersonnel } from '@kinerja/personnel';
import { graphqlOk, rowCounts, startGraph, type TestGraph } from '@kinerja/testing';
import { goalsService } from '../src';
import { isEmpty, seedGoals } from '../src/seed';

/** Against the demo regency as `npm start` seeds it (2,400 employees), through the gateway. */
describe('the seeded regency', () => {
  let graph: TestGraph;
  const regency = generateRegency({ employees: 2400 });
  let admin: string;
  let seedMs = 0;

  beforeAll(async () => {
    graph = await startGraph([personnelService, goalsService], 'goals_seeded');
    await seedPersonnel(graph.services.personnel!.dataSource, regency);
    const ds = graph.services.goals!.dataSource;
    expect(await isEmpty(ds)).toBe(true);
    const started = Date.now();
    await seedGoals(ds, regency);
    seedMs = Date.now() - started;
    admin = await graph.token(regency.admin.id, ['ADMIN', 'EMPLOYEE']);
  });
  afterAll(() => graph?.stop());

  it('seeds a plan for every active employee quickly, with realizations and some history', async () => {
    const counts = await rowCounts(graph.databases.goals!.url, ['performance_plan', 'goal', 'realization', 'realization_history', 'outbox']);
    // One plan per active employee, and one more for the employee transferred on 1 July (two plans that year).
    expect(counts.performance_plan).toBe(regency.employees.filter((e) => e.status === 'ACTIVE').length + 1);
    const split = await graph.services.goals!.dataSource.query(
      `SELECT employee_id, array_agg(period_start::text || '..' || period_end::text ORDER BY period_start) AS periods FROM performance_plan GROUP BY employee_id HAVING count(*) > 1`);
    expect(split).toEqual([{ employee_id: expect.any(String), periods: ['2026-01-01..2026-06-30', '2026-07-01..2026-12-31'] }]);
    const kinds = await graph.services.goals!.dataSource.query(`SELECT kind, count(*)::int AS n FROM goal GROUP BY kind ORDER BY kind`);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['TAMBAHAN', 'UTAMA']);
    const multi = await graph.services.goals!.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT goal_id FROM indicator GROUP BY goal_id HAVING count(*) >= 3) x`);
    expect(multi[0].n).toBeGreaterThan(100);
    const expectations = await graph.services.goals!.dataSource.query(`SELECT count(DISTINCT plan_id)::int AS n FROM behavior_expectation`);
    expect(expectations[0].n).toBeGreaterThan(1000);
    expect(counts.goal).toBeGreaterThan(3 * 2300);
    expect(counts.realization).toBeGreaterThan(30_000);
    expect(counts.realization_history).toBeGreaterThan(0);
    expect(counts.outbox).toBe(0); // demo history, not news
    expect(seedMs).toBeLessThan(20_000);
    const statuses = await graph.services.goals!.dataSource.query('SELECT status, count(*)::int AS n FROM performance_plan GROUP BY status ORDER BY status');
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(['APPROVED', 'DRAFT', 'SUBMITTED']);
  });

  it('cascades every goal from a goal of the direct supervisor\'s plan of the same year', async () => {
    const otherYear = await graph.services.goals!.dataSource.query(`
      SELECT count(*)::int AS n FROM goal g JOIN performance_plan p ON p.id = g.plan_id
        JOIN goal pg ON pg.id = g.parent_goal_id JOIN performance_plan pp ON pp.id = pg.plan_id
       WHERE pp.year <> p.year`);
    expect(otherYear[0].n).toBe(0);
    const byId = regency.employeeById;
    const pairs: Array<{ child: string; parent: string }> = await graph.services.goals!.dataSource.query(`
      SELECT p.employee_id::text AS child, pp.employee_id::text AS parent FROM goal g JOIN performance_plan p ON p.id = g.plan_id
        JOIN goal pg ON pg.id = g.parent_goal_id JOIN performance_plan pp ON pp.id = pg.plan_id`);
    expect(pairs.length).toBeGreaterThan(6000);
    expect(pairs.filter((x) => byId.get(x.child)?.supervisorId !== x.parent)).toEqual([]);
  });

  it('answers the issue\'s "Done when" query for a staff member of the PAUD and non-formal education bidang', async () => {
    const paud = regency.unitByCode.get('DISDIKBUD-PAUD')!;
    const staff = regency.employees.find((e) => e.unitId === paud.id && e.positionTitle === 'Pamong Belajar' && e.status === 'ACTIVE')!;
    const lead = regency.employeeById.get(staff.supervisorId!)!;
    const token = await graph.token(staff.id, ['EMPLOYEE']);
    const d = await graphqlOk(graph.url, `{ employee(nip: "${staff.nip}") { name performancePlan(year: 2026) { status achievement goals { title kind target realized achievement indicators { aspect achievement } parentGoal { title plan { employee { name } } } childGoals { plan { employee { name } } } } } } }`, {}, { token });
    const plan = d.employee.performancePlan;
    expect(d.employee.name).toBe(staff.name);
    expect(plan.status).toBe('APPROVED');
    expect(plan.achievement).toBeGreaterThan(0);
    expect(plan.goals).toHaveLength(4);
    const nonformal = plan.goals[0];
    expect(nonformal).toMatchObject({
      title: 'Terlaksananya pembelajaran dan pendampingan warga belajar pendidikan kesetaraan', target: 60,
      parentGoal: { title: 'Terbinanya PKBM dan SKB penyelenggara pendidikan kesetaraan', plan: { employee: { name: lead.name } } },
      childGoals: [],
    });
    expect(nonformal.realized).toBeGreaterThan(0);
    expect(nonformal.kind).toBe('UTAMA');
    expect(nonformal.indicators.map((i: { aspect: string }) => i.aspect)).toEqual(['KUANTITAS', 'WAKTU']);
    expect(nonformal.indicators[0].achievement).toBeCloseTo(nonformal.realized / 60, 4);
    // The RHK's achievement is the mean of its quantitative indicators'.
    expect(nonformal.achievement).toBeCloseTo((nonformal.indicators[0].achievement + nonformal.indicators[1].achievement) / 2, 4);
    for (const goal of plan.goals) expect(goal.parentGoal.plan.employee.name).toBe(lead.name);
  });

  it('shows the non-formal education goal cascading from the head of the dinas down to staff', async () => {
    const kadis = regency.employeeById.get(regency.unitByCode.get('DISDIKBUD')!.headId!)!;
    const token = await graph.token(kadis.id, ['EMPLOYEE']);
    const d = await graphqlOk(graph.url, `query($nip: String!) { employee(nip: $nip) { performancePlan(year: 2026) { goals { title
      childGoals { title plan { employee { name positionTitle } } childGoals { plan { employee { positionTitle } } childGoals { plan { employee { name positionTitle } } } } } } } } }`, { nip: kadis.nip }, { token });
    const goal = d.employee.performancePlan.goals[0];
    expect(goal.title).toBe('Meningkatnya partisipasi masyarakat dalam pendidikan nonformal');
    expect(goal.childGoals).toHaveLength(1);
    expect(goal.childGoals[0].plan.employee.positionTitle).toBe('Kepala Bidang Pendidikan Anak Usia Dini dan Pendidikan Nonformal');
    const staff = goal.childGoals[0].childGoals.flatMap((kasi: { childGoals: Array<{ plan: { employee: { positionTitle: string } } }> }) => kasi.childGoals);
    expect(staff.length).toBeGreaterThan(0);
    expect(staff.map((s: { plan: { employee: { positionTitle: string } } }) => s.plan.employee.positionTitle)).toContain('Pamong Belajar');
  });

  describe('the N+1 guard', () => {
    // The supervisor's childGoals are never empty (the employee's goals serve them), so 5 and 50 have the same shape.
    const query = `query($first: Int!, $unit: ID) { employees(first: $first, unitId: $unit, includeSubunits: true) { edges { node { name
      performancePlan(year: 2026) { status achievement goals { title target realized achievement parentGoal { title plan { employee { name } } } } }
      supervisor { name performancePlan(year: 2026) { goals { childGoals { title plan { employee { name } } } } } } } } } }`;

    beforeAll(async () => {
      // The relays' background polls would count as statements of the request being measured.
      for (const s of Object.values(graph.services)) await (s as { relay?: { stop(): Promise<void> } }).relay?.stop();
    });

    const read = (first: number, token: string, unit: string | null = null) => graphqlOk(graph.url, query, { first, unit }, { token });

    it('reads 50 employees\' names, plans and goals with the same statements per subgraph as 5', async () => {
      await read(5, admin); // warm the query plan
      const five = await graph.countSql(async () => {
        const d = await read(5, admin);
        expect(d.employees.edges).toHaveLength(5);
      });
      const fifty = await graph.countSql(async () => {
        const d = await read(50, admin);
        expect(d.employees.edges).toHaveLength(50);
        const plans = d.employees.edges.map((e: { node: { performancePlan: unknown } }) => e.node.performancePlan).filter(Boolean);
        expect(plans.length).toBeGreaterThan(45);
      });
      expect(fifty).toEqual(five);
      // Employees' plans, goals, indicators, realizations, parent goals; supervisors' plans, goals, child goals.
      expect(fifty.goals).toBeLessThanOrEqual(8);
    });

    it('keeps a unit head\'s read of 50 of their people constant too (relations come batched from personnel)', async () => {
      const dinkes = regency.unitByCode.get('DINKES')!;
      const head = await graph.token(dinkes.headId!, ['EMPLOYEE']);
      await read(5, head, dinkes.id);
      const five = await graph.countSql(async () => read(5, head, dinkes.id));
      const fifty = await graph.countSql(async () => {
        const d = await read(50, head, dinkes.id);
        expect(d.employees.edges).toHaveLength(50);
      });
      expect(fifty.goals).toBe(five.goals);
      // Personnel also answers the directory: at most one more batched call (3 statements) when more people are involved.
      expect(fifty.personnel).toBeLessThanOrEqual(five.personnel! + 3);
      expect(fifty.personnel).toBeLessThanOrEqual(21);
    });
  });
});
