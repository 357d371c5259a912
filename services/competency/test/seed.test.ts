import { generateRegency } from '@kinerja/demo-regency';
import { graphqlOk } from '@kinerja/testing';
import { contractYearOf } from '../src/domain/learning-hours';
import { ACTIVITIES, activityId, isEmpty, planEnrollments, seedCompetency } from '../src/seed';
import { startRegencyGraph, type Regency } from './helpers';

describe('the seed plan (pure)', () => {
  const regency = generateRegency({ employees: 2400 });
  const plan = planEnrollments(regency);
  const byId = new Map(ACTIVITIES.map((a) => [activityId(a.key), a]));
  const pathOf = (unitId: string): string[] => {
    const u = regency.units.find((x) => x.id === unitId);
    return u ? [u.code, ...(u.parentId ? pathOf(u.parentId) : [])] : [];
  };

  it('is deterministic', () => {
    expect(planEnrollments(generateRegency({ employees: 2400 }))).toEqual(plan);
  });

  it('enrolls only active employees, once per activity, within capacity and where the activity is open to them', () => {
    const seats = new Map<string, number>();
    const pairs = new Set<string>();
    for (const e of plan) {
      const person = regency.employeeById.get(e.employeeId)!;
      const a = byId.get(e.activityId)!;
      expect(person.status).toBe('ACTIVE');
      if (a.units !== '*') expect(pathOf(person.unitId).some((c) => (a.units as string[]).includes(c))).toBe(true);
      expect(pairs.has(`${e.activityId}|${e.employeeId}`)).toBe(false);
      pairs.add(`${e.activityId}|${e.employeeId}`);
      if (e.status !== 'CANCELLED') seats.set(e.activityId, (seats.get(e.activityId) ?? 0) + 1);
      if (e.status === 'COMPLETED') {
        expect(e.hours).toBe(a.hours);
        expect(e.completedOn! >= a.startsOn && e.completedOn! <= a.endsOn).toBe(true);
      } else {
        expect(e.completedOn).toBeNull();
      }
    }
    for (const a of ACTIVITIES) if (a.capacity !== null) expect(seats.get(activityId(a.key)) ?? 0).toBeLessThanOrEqual(a.capacity);
  });

  it('sends administrative staff to the time-management training, and some but not all meet 20 JP in 2026', () => {
    const admin = plan.filter((e) => byId.get(e.activityId)!.key.startsWith('manwaktu'));
    expect(admin.length).toBeGreaterThan(100);
    for (const e of admin) expect(regency.employeeById.get(e.employeeId)!.positionKind).toBe('PELAKSANA');
    const hours = new Map<string, number>();
    for (const e of plan) if (e.status === 'COMPLETED' && e.completedOn!.startsWith('2026')) hours.set(e.employeeId, (hours.get(e.employeeId) ?? 0) + e.hours!);
    const active = regency.employees.filter((e) => e.status === 'ACTIVE');
    const met = active.filter((e) => (hours.get(e.id) ?? 0) >= 20).length;
    expect(met / active.length).toBeGreaterThan(0.2);
    expect(met / active.length).toBeLessThan(0.8);
  });
});

describe('the seed and the PPPK ceiling (PP 49/2018 art. 40(1))', () => {
  it('plans no PPPK more than 24 JP in any contract year', () => {
    const regency = generateRegency();
    const plan = planEnrollments(regency);
    const byId = new Map(ACTIVITIES.map((a) => [activityId(a.key), a]));
    const counted = new Map<string, number>();
    let pppkEnrolled = 0;
    for (const e of plan) {
      const person = regency.employeeById.get(e.employeeId)!;
      if (person.employmentType !== 'PPPK' || !['ENROLLED', 'ATTENDED', 'COMPLETED'].includes(e.status)) continue;
      pppkEnrolled += 1;
      const a = byId.get(e.activityId)!;
      const year = contractYearOf(e.status === 'COMPLETED' ? e.completedOn! : a.startsOn, person.contracts);
      const key = `${person.id}|${year.startsOn}`;
      counted.set(key, (counted.get(key) ?? 0) + a.hours);
    }
    expect(pppkEnrolled).toBeGreaterThan(100);
    expect(Math.max(...counted.values())).toBeLessThanOrEqual(24);
  });
});

describe('the seeded regency through the gateway (the demo regency)', () => {
  let r: Regency;

  beforeAll(async () => {
    r = await startRegencyGraph('competency-seed', {}, 2400);
    const ds = r.graph.services.competency!.dataSource;
    expect(await isEmpty(ds)).toBe(true);
    await seedCompetency(ds, r.regency);
    expect(await isEmpty(ds)).toBe(false);
  });
  afterAll(() => r?.graph.stop());

  const DONE_WHEN = `{ organizationUnit(code: "BAPPEDA") { name learningCompliance(year: 2026) { employees metRequirement ratio } collaborations(year: 2026) { title participatingUnits { name } } employees(first: 10) { edges { node { name learningHours(year: 2026) { completedHours met } } } } } }`;

  it("answers the issue's query for Bappeda's head", async () => {
    const token = await r.token(r.head('BAPPEDA'));
    const { organizationUnit: u } = await graphqlOk(r.graph.url, DONE_WHEN, {}, { token });
    expect(u.name).toBe('Badan Perencanaan Pembangunan Daerah');
    const c = u.learningCompliance;
    expect(c.employees).toBeGreaterThan(20);
    expect(c.metRequirement).toBeGreaterThan(0);
    expect(c.metRequirement).toBeLessThan(c.employees);
    expect(c.ratio).toBeCloseTo(c.metRequirement / c.employees, 4);
    const titles = u.collaborations.map((a: { title: string }) => a.title);
    expect(titles).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Sosialisasi Program Pembangunan Daerah/), expect.stringMatching(/^Kolaborasi Percepatan Penurunan Stunting/),
    ]));
    const sosialisasi = u.collaborations.find((a: { title: string }) => a.title.startsWith('Sosialisasi'));
    expect(sosialisasi.participatingUnits[0].name).toBe('Badan Perencanaan Pembangunan Daerah');
    expect(sosialisasi.participatingUnits.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Dinas Kesehatan', 'Dinas Pendidikan dan Kebudayaan', 'Dinas Sosial']));
    const people = u.employees.edges.map((e: any) => e.node);
    expect(people).toHaveLength(10);
    expect(people.every((p: any) => typeof p.learningHours.completedHours === 'number')).toBe(true);
  });

  it('shows some units and people meeting 20 JP and some not', async () => {
    const d = await graphqlOk(r.graph.url, `{ organizationUnits { code learningCompliance(year: 2026) { employees metRequirement ratio } } }`, {}, { token: r.adminToken });
    const ratios = d.organizationUnits.filter((u: any) => u.learningCompliance.employees > 10).map((u: any) => u.learningCompliance.ratio);
    expect(ratios.some((x: number) => x > 0 && x < 1)).toBe(true);
    const rows: Array<{ met: boolean }> = await r.graph.services.competency!.dataSource.query(
      `SELECT sum(credited_hours) >= 20 AS met FROM enrollment WHERE status = 'COMPLETED' AND completed_on >= '2026-01-01' AND completed_on < '2027-01-01' GROUP BY employee_id`);
    expect(rows.some((x) => x.met) && rows.some((x) => !x.met)).toBe(true);
  });

  it('keeps the 2025 training out of 2026', async () => {
    const d = await graphqlOk(r.graph.url, `{ y2025: learningActivities(year: 2025) { title } y2026: learningActivities(year: 2026) { title kind } }`, {}, { token: r.adminToken });
    expect(d.y2025.map((a: { title: string }) => a.title)).toEqual(['Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar']);
    expect(d.y2026.map((a: { kind: string }) => a.kind)).toEqual(expect.arrayContaining(['TRAINING', 'SOCIALIZATION', 'COLLABORATION', 'E_LEARNING', 'COACHING']));
  });
});
