import type { DemoEmployee } from '@kinerja/demo-regency';
import { validateEnvelope } from '@kinerja/events';
import { graphqlOk, readTopicUntil, type ReadMessage } from '@kinerja/testing';
import { ATTEND, attempt, CANCEL, COMPLETE, createActivity, ENROLL, startRegencyGraph, type Regency } from './helpers';

const TODAY = '2026-06-15';
const HOURS = `query($id: ID!, $y: Int!) { employee(id: $id) { learningHours(year: $y) { year completedHours requiredHours met } } }`;

describe('learning hours, compliance and learning.completed', () => {
  let r: Regency;
  let units: string[];
  // The regency's "today", moved by the tests: enroll before an activity ends, complete after it.
  const clock = { today: TODAY };
  type Activity = { id: string; startsOn: string; endsOn: string };
  const hours = async (e: DemoEmployee, year: number, token = r.adminToken) =>
    (await graphqlOk(r.graph.url, HOURS, { id: e.id, y: year }, { token })).employee.learningHours;
  const activity = async (title: string, startsOn: string, endsOn: string, h: number): Promise<Activity> => ({
    id: await createActivity(r, { title, organizerUnitId: r.unit('DISDIKBUD'), participatingUnitIds: units, startsOn, endsOn, hours: h }),
    startsOn, endsOn,
  });
  const ok = async (query: string, v: Record<string, unknown>) => {
    const res = await attempt(r, query, v, r.adminToken);
    if (res.code !== 'OK') throw new Error(res.message);
    return res.data;
  };
  /** Enrolls on the first day, attends, and completes on TODAY (after the end) as ADMIN. */
  const takePart = async (a: Activity, e: DemoEmployee, completedOn?: string): Promise<string> => {
    clock.today = a.startsOn;
    try {
      const id = (await ok(ENROLL, { a: a.id, e: e.id })).enroll.id as string;
      await ok(ATTEND, { id, yes: true });
      clock.today = TODAY > a.endsOn ? TODAY : a.endsOn;
      await ok(COMPLETE, { id, score: 90, on: completedOn ?? null });
      return id;
    } finally {
      clock.today = TODAY;
    }
  };

  beforeAll(async () => {
    r = await startRegencyGraph('competency-hours', { today: () => clock.today, pppkRequiredHours: 12 }, 600);
    units = [r.unit('DISDIKBUD'), r.unit('DINSOS'), r.unit('BAPPEDA')];
  });
  afterAll(() => r?.graph.stop());

  describe('hours are credited only on completion, in the year of completedOn', () => {
    let pool: DemoEmployee[];
    beforeAll(() => {
      pool = r.staff('DISDIKBUD-SD').filter((e) => e.employmentType === 'PNS');
    });

    it('credits nothing while ENROLLED or ATTENDED, nor for NO_SHOW or CANCELLED; the JP on COMPLETED', async () => {
      const a = await activity('Pelatihan Juni', '2026-06-10', '2026-06-20', 16);
      const later = await activity('Pelatihan Juli', '2026-07-01', '2026-07-02', 8);
      const [x, noShow, cancelled] = [pool[0]!, pool[1]!, pool[2]!];
      const id = (await ok(ENROLL, { a: a.id, e: x.id })).enroll.id;
      expect(await hours(x, 2026)).toEqual({ year: 2026, completedHours: 0, requiredHours: 20, met: false });
      await ok(ATTEND, { id, yes: true });
      expect((await hours(x, 2026)).completedHours).toBe(0);
      await ok(COMPLETE, { id, score: 75 });
      expect(await hours(x, 2026)).toEqual({ year: 2026, completedHours: 16, requiredHours: 20, met: false });

      const ns = (await ok(ENROLL, { a: a.id, e: noShow.id })).enroll.id;
      await ok(ATTEND, { id: ns, yes: false });
      const c = (await ok(ENROLL, { a: later.id, e: cancelled.id })).enroll.id;
      await ok(CANCEL, { id: c });
      expect((await hours(noShow, 2026)).completedHours).toBe(0);
      expect((await hours(cancelled, 2026)).completedHours).toBe(0);
    });

    it('counts an activity spanning the new year in the year it was completed', async () => {
      const a = await activity('Magang Akhir Tahun', '2025-12-29', '2026-01-02', 8);
      const [inNewYear, inOldYear, byDefault] = [pool[3]!, pool[4]!, pool[5]!];
      await takePart(a, inNewYear, '2026-01-02');
      await takePart(a, inOldYear, '2025-12-30');
      await takePart(a, byDefault); // recorded after the end: the last day
      expect((await hours(inNewYear, 2026)).completedHours).toBe(8);
      expect((await hours(inNewYear, 2025)).completedHours).toBe(0);
      expect((await hours(inOldYear, 2025)).completedHours).toBe(8);
      expect((await hours(inOldYear, 2026)).completedHours).toBe(0);
      expect((await hours(byDefault, 2026)).completedHours).toBe(8);
    });

    it('meets 20 JP for a PNS by adding completions within the year', async () => {
      const x = pool[0]!; // 16 JP from the first test
      const a = await activity('Seminar Singkat', '2026-05-05', '2026-05-05', 4);
      await takePart(a, x);
      expect(await hours(x, 2026)).toEqual({ year: 2026, completedHours: 20, requiredHours: 20, met: true });
    });

    it("uses the regency's own PPPK minimum where one is set (employmentType from personnel's directory)", async () => {
      const pppk = r.staff('DISDIKBUD-SD').find((e) => e.employmentType === 'PPPK')!;
      const pns = pool[6]!;
      const a = await activity('E-Learning Dua Belas JP', '2026-04-01', '2026-04-30', 12);
      await takePart(a, pppk);
      await takePart(a, pns);
      expect(await hours(pppk, 2026)).toEqual({ year: 2026, completedHours: 12, requiredHours: 12, met: true });
      expect(await hours(pns, 2026)).toEqual({ year: 2026, completedHours: 12, requiredHours: 20, met: false });
    });

    it('refuses an implausible year naming the field', async () => {
      const res = await attempt(r, HOURS, { id: pool[0]!.id, y: 26 }, r.adminToken);
      expect(res).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^year: /) });
    });
  });

  describe('who reads learning hours', () => {
    it.each([
      ['the employee', 'self', 'OK'],
      ['their direct supervisor', 'supervisor', 'OK'],
      ['the head of a unit above them', 'head', 'OK'],
      ['ANALYST', 'analyst', 'OK'],
      ['a colleague', 'colleague', 'FORBIDDEN'],
      ['the head of another unit', 'otherHead', 'FORBIDDEN'],
    ])('answers %s (%s) with %s', async (_name, who, code) => {
      const e = r.staff('DISDIKBUD-SMP')[0]!;
      const token = {
        self: () => r.token(e),
        supervisor: () => r.token(r.regency.employeeById.get(e.supervisorId!)!),
        head: () => r.token(r.head('DISDIKBUD')),
        analyst: () => r.token(r.staff('BKPSDMD')[0]!, ['ANALYST']),
        colleague: () => r.token(r.staff('DISDIKBUD-SMP')[1]!),
        otherHead: () => r.token(r.head('DINSOS')),
      }[who]!;
      expect((await attempt(r, HOURS, { id: e.id, y: 2026 }, await token())).code).toBe(code);
    });
  });

  describe('learningCompliance for a unit with sub-units', () => {
    const COMPLIANCE = `query($c: String!) { organizationUnit(code: $c) { name learningCompliance(year: 2026) { year employees metRequirement ratio } } }`;
    // PPPK owe no 20 JP (PP 49/2018 art. 40(1) gives them a ceiling): compliance counts active PNS only.
    const activeIn = (codes: string[]) => r.regency.employees.filter((e) => e.status === 'ACTIVE' && e.employmentType === 'PNS' && codes.map((c) => r.unit(c)).includes(e.unitId));

    beforeAll(async () => {
      const big = await activity('Pelatihan Dua Puluh Empat JP', '2026-02-02', '2026-02-04', 24);
      const small = await activity('Workshop Sepuluh JP', '2026-02-10', '2026-02-11', 10);
      const ofDinsos = r.staff('DINSOS').filter((e) => e.employmentType === 'PNS');
      const ofRehsos = r.staff('DINSOS-REHSOS').filter((e) => e.employmentType === 'PNS');
      const pppkOfDinsos = r.staff('DINSOS').find((e) => e.employmentType === 'PPPK');
      if (pppkOfDinsos) await takePart(big, pppkOfDinsos); // 24 JP, but a PPPK: not counted
      await takePart(big, ofDinsos[0]!); // met, in DINSOS itself
      await takePart(big, ofRehsos[0]!); // met, in a sub-unit
      await takePart(small, ofDinsos[1]!); // 10 JP: not met
      await takePart(big, r.head('BAPPEDA')); // met, but outside DINSOS
      const past = await activity('Tahun Lalu', '2025-03-02', '2025-03-04', 24);
      await takePart(past, ofDinsos[2]!); // met in 2025 only
    });

    it("counts the unit's active employees with its sub-units, and how many met 20 JP", async () => {
      const token = await r.token(r.head('DINSOS'));
      const data = await graphqlOk(r.graph.url, COMPLIANCE, { c: 'DINSOS' }, { token });
      const employees = activeIn(['DINSOS', 'DINSOS-REHSOS', 'DINSOS-PFM']).length;
      expect(employees).toBeGreaterThan(5);
      expect(data.organizationUnit.learningCompliance).toEqual({ year: 2026, employees, metRequirement: 2, ratio: Math.round((2 / employees) * 10000) / 10000 });
      const sub = await graphqlOk(r.graph.url, COMPLIANCE, { c: 'DINSOS-REHSOS' }, { token });
      expect(sub.organizationUnit.learningCompliance).toMatchObject({ employees: activeIn(['DINSOS-REHSOS']).length, metRequirement: 1 });
    });

    it('leaves out PPPK, whatever their hours', async () => {
      expect(r.staff('DINSOS').some((e) => e.employmentType === 'PPPK')).toBe(true);
      const data = await graphqlOk(r.graph.url, COMPLIANCE, { c: 'DINSOS' }, { token: r.adminToken });
      expect(data.organizationUnit.learningCompliance.employees).toBe(activeIn(['DINSOS', 'DINSOS-REHSOS', 'DINSOS-PFM']).length);
      expect(data.organizationUnit.learningCompliance.metRequirement).toBe(2);
    });

    it('leaves out employees who are no longer active', async () => {
      const gone = r.regency.employees.filter((e) => e.status !== 'ACTIVE');
      expect(gone.length).toBeGreaterThan(0);
      const unit = r.regency.units.find((u) => u.id === gone[0]!.unitId)!;
      const data = await graphqlOk(r.graph.url, `query($c: String!) { organizationUnit(code: $c) { learningCompliance(year: 2026) { employees } } }`, { c: unit.code }, { token: r.adminToken });
      const subtree = (id: string): string[] => [id, ...r.regency.units.filter((u) => u.parentId === id).flatMap((u) => subtree(u.id))];
      const ids = subtree(unit.id);
      expect(data.organizationUnit.learningCompliance.employees).toBe(r.regency.employees.filter((e) => e.status === 'ACTIVE' && e.employmentType === 'PNS' && ids.includes(e.unitId)).length);
    });

    it.each([
      ['the head of the unit', 'OK', () => r.token(r.head('DINSOS'))],
      ['ADMIN', 'OK', () => Promise.resolve(r.adminToken)],
      ['ANALYST', 'OK', () => r.token(r.staff('BKPSDMD')[0]!, ['ANALYST'])],
      ['the head of a sub-unit', 'FORBIDDEN', () => r.token(r.head('DINSOS-REHSOS'))],
      ['an employee of the unit', 'FORBIDDEN', () => r.token(r.staff('DINSOS')[0]!)],
    ])('answers %s with %s', async (_name, code, token) => {
      expect((await attempt(r, COMPLIANCE, { c: 'DINSOS' }, await token())).code).toBe(code);
    });
  });

  describe('kinerja.learning.completed.v1', () => {
    it('is written to the outbox in the completing transaction and published, keyed by employee id', async () => {
      const e = r.staff('DISDIKBUD-SMP')[5]!;
      const a = await activity('Bimtek Kurikulum', '2026-03-02', '2026-03-03', 12);
      const enrollmentId = await takePart(a, e);
      const rows: Array<{ topic: string; aggregate_id: string; envelope: any }> = await r.graph.services.competency!.dataSource.query(
        `SELECT topic, aggregate_id, envelope FROM outbox WHERE envelope->'data'->>'enrollmentId' = $1`, [enrollmentId]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ topic: 'kinerja.learning.completed.v1', aggregate_id: e.id });
      expect(rows[0]!.envelope.data).toEqual({
        enrollmentId, activityId: a.id, employeeId: e.id, kind: 'TRAINING', hours: 12, completedOn: '2026-03-03',
        participatingUnitIds: expect.arrayContaining(units),
      });

      const ours = (m: ReadMessage) => JSON.parse(m.value ?? 'null')?.data?.enrollmentId === enrollmentId;
      const seen = (await readTopicUntil(`${r.graph.topicPrefix}kinerja.learning.completed.v1`, (read) => read.some(ours), { timeoutMs: 20_000, settleMs: 0 }))
        .map((m) => ({ key: m.key, value: JSON.parse(m.value ?? 'null'), headers: m.headers }));
      const mine = seen.find((s) => s.value?.data?.enrollmentId === enrollmentId);
      expect(mine).toBeDefined();
      expect(mine!.key).toBe(e.id);
      expect(validateEnvelope('learning.completed', mine!.value).ok).toBe(true);
      expect(mine!.headers).toMatchObject({ eventId: mine!.value.eventId, type: 'learning.completed' });
    });

    it('is not written when completion is refused', async () => {
      const before = await r.graph.services.competency!.dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
      const e = r.staff('DISDIKBUD-SMP')[6]!;
      const a = await activity('Tanpa Hadir', '2026-06-09', '2026-06-30', 6);
      const id = (await ok(ENROLL, { a: a.id, e: e.id })).enroll.id;
      expect((await attempt(r, COMPLETE, { id }, r.adminToken)).code).toBe('CONFLICT');
      expect(await r.graph.services.competency!.dataSource.query(`SELECT count(*)::int AS n FROM outbox`)).toEqual(before);
    });
  });
});
