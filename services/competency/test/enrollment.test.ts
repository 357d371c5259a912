import type { DemoEmployee } from '@kinerja/demo-regency';
import { graphqlOk, rowCounts } from '@kinerja/testing';
import { ATTEND, attempt, CANCEL, COMPLETE, createActivity, ENROLL, startRegencyGraph, type Regency } from './helpers';

const TODAY = '2026-06-15';

describe('enrollment through the gateway', () => {
  let r: Regency;
  let upcoming: string; // 2026-07-01..03, BAPPEDA with DINSOS and DISDIKBUD
  let running: string; // 2026-06-10..20, the same units
  let ended: string; // 2026-05-01..02
  let s1: DemoEmployee; // staff of BAPPEDA-INFRA, a sub-unit of a participating unit
  let lead: DemoEmployee; // s1's direct supervisor
  let headB: DemoEmployee; // head of BAPPEDA, the organizer: above s1 in the chain
  let d1: DemoEmployee; // staff of DINSOS
  let headD: DemoEmployee; // head of DINSOS, a participating unit
  let k1: DemoEmployee; // staff of DINKES, not taking part
  let other: DemoEmployee; // staff of BAPPEDA-PEMBANGUNAN, outside s1's chain
  const tok: Record<string, string> = {};
  let pool: DemoEmployee[] = []; // DISDIKBUD-SD staff no other test uses
  const next = () => pool.shift() as DemoEmployee;

  const vars = (a: string, e: DemoEmployee) => ({ a, e: e.id });
  const enrollmentsDb = () => rowCounts(r.graph.databases.competency!.url, ['enrollment', 'outbox']);

  beforeAll(async () => {
    r = await startRegencyGraph('competency-enrollment', { today: () => TODAY }, 600);
    const pair = [r.unit('BAPPEDA'), r.unit('DINSOS'), r.unit('DISDIKBUD')];
    pool = r.staff('DISDIKBUD-SD').slice(20);
    // Few JP each: a PPPK here takes several of these, under the 24 JP ceiling (that has test/pppk-hours.test.ts).
    upcoming = await createActivity(r, { title: 'Bimtek Perencanaan', organizerUnitId: r.unit('BAPPEDA'), participatingUnitIds: pair, startsOn: '2026-07-01', endsOn: '2026-07-03', hours: 8 });
    running = await createActivity(r, { title: 'Lokakarya Berjalan', kind: 'WORKSHOP', organizerUnitId: r.unit('BAPPEDA'), participatingUnitIds: pair, startsOn: '2026-06-10', endsOn: '2026-06-20', hours: 6 });
    ended = await createActivity(r, { title: 'Seminar Selesai', kind: 'SEMINAR', organizerUnitId: r.unit('BAPPEDA'), participatingUnitIds: pair, startsOn: '2026-05-01', endsOn: '2026-05-02', hours: 4 });
    s1 = r.staff('BAPPEDA-INFRA')[0]!;
    lead = r.regency.employeeById.get(s1.supervisorId!)!;
    headB = r.head('BAPPEDA');
    d1 = r.staff('DINSOS')[0]!;
    headD = r.head('DINSOS');
    k1 = r.staff('DINKES')[0]!;
    other = r.staff('BAPPEDA-PEMBANGUNAN')[0]!;
    for (const [name, e] of Object.entries({ s1, lead, headB, d1, headD, k1, other })) tok[name] = await r.token(e);
    tok.analyst = await r.token(r.staff('BKPSDMD')[0]!, ['ANALYST']);
    expect(lead.positionKind).toBe('PENGAWAS');
    expect(lead.id).not.toBe(headB.id);
  });
  afterAll(() => r?.graph.stop());

  describe('capacity under concurrency', () => {
    it('gives 3 seats to exactly 3 of 8 concurrent calls', async () => {
      const crowd = r.staff('DISDIKBUD-SD').slice(0, 8);
      expect(crowd).toHaveLength(8);
      const a = await createActivity(r, { organizerUnitId: r.unit('DISDIKBUD'), startsOn: '2026-07-01', endsOn: '2026-07-02', capacity: 3 });
      const results = await Promise.all(crowd.map((e) => attempt(r, ENROLL, vars(a, e), r.adminToken)));
      expect(results.filter((x) => x.code === 'OK')).toHaveLength(3);
      const refused = results.filter((x) => x.code !== 'OK');
      expect(refused).toHaveLength(5);
      for (const x of refused) expect(x).toMatchObject({ code: 'CONFLICT', message: 'activityId: the activity is full: all 3 seats are taken' });
      const seats = await graphqlOk(r.graph.url, `{ learningActivities(year: 2026) { id seatsTaken enrollments { id } } }`, {}, { token: r.adminToken });
      const mine = seats.learningActivities.find((x: { id: string }) => x.id === a);
      expect(mine.seatsTaken).toBe(3);
      expect(mine.enrollments).toHaveLength(3);
    });

    it('gives the last seat, taken by two concurrent self-enrollments, to exactly one of them (10 rounds)', async () => {
      const people = r.staff('DISDIKBUD-SMP').slice(0, 20);
      expect(people).toHaveLength(20);
      const tokens = await Promise.all(people.map((e) => r.token(e)));
      for (let round = 0; round < 10; round++) {
        const a = await createActivity(r, { organizerUnitId: r.unit('DISDIKBUD'), startsOn: '2026-07-01', endsOn: '2026-07-02', capacity: 1, title: `Kursi terakhir ${round}` });
        const [x, y] = [people[2 * round]!, people[2 * round + 1]!];
        const results = await Promise.all([attempt(r, ENROLL, vars(a, x), tokens[2 * round]!), attempt(r, ENROLL, vars(a, y), tokens[2 * round + 1]!)]);
        expect(results.map((z) => z.code).sort()).toEqual(['CONFLICT', 'OK']);
      }
    });

    it('enrolls one person once even when two calls for them race', async () => {
      const e = r.staff('DISDIKBUD-SD')[9]!;
      const a = await createActivity(r, { organizerUnitId: r.unit('DISDIKBUD'), startsOn: '2026-07-01', endsOn: '2026-07-02' });
      const results = await Promise.all([0, 1, 2, 3].map(() => attempt(r, ENROLL, vars(a, e), r.adminToken)));
      expect(results.filter((x) => x.code === 'OK')).toHaveLength(1);
      for (const x of results.filter((z) => z.code !== 'OK')) expect(x).toMatchObject({ code: 'CONFLICT', message: 'employeeId: the employee is already enrolled in this activity' });
    });
  });

  describe('who may enroll whom', () => {
    it('lets an employee enroll themself where a participating unit is their unit or above it', async () => {
      const res = await attempt(r, ENROLL, vars(upcoming, s1), tok.s1!);
      expect(res.code).toBe('OK');
      expect(res.data.enroll).toMatchObject({ status: 'ENROLLED', employee: { id: s1.id }, activity: { id: upcoming } });
    });

    it('refuses a second enrollment of the same person with CONFLICT', async () => {
      const res = await attempt(r, ENROLL, vars(upcoming, s1), r.adminToken);
      expect(res).toMatchObject({ code: 'CONFLICT', message: 'employeeId: the employee is already enrolled in this activity' });
    });

    it('lets a direct and an indirect supervisor enroll their subordinates', async () => {
      expect((await attempt(r, ENROLL, vars(running, s1), tok.lead!)).code).toBe('OK');
      expect((await attempt(r, ENROLL, vars(upcoming, lead), tok.headB!)).code).toBe('OK');
    });

    it('lets ADMIN enroll anyone the activity is open to', async () => {
      expect((await attempt(r, ENROLL, vars(upcoming, d1), r.adminToken)).code).toBe('OK');
    });

    it.each([
      ['a colleague outside the chain', 'other', 's1'],
      ['the head of a participating unit, for someone not below them', 'headD', 'other'],
      ['a subordinate, for their supervisor', 's1', 'lead'],
      ['ANALYST', 'analyst', 'other'],
    ])('refuses %s with FORBIDDEN, writing nothing', async (_name, who, whom) => {
      const people: Record<string, DemoEmployee> = { s1, lead, other };
      const before = await enrollmentsDb();
      const res = await attempt(r, ENROLL, vars(running, people[whom]!), tok[who]!);
      expect(res.code).toBe('FORBIDDEN');
      expect(await enrollmentsDb()).toEqual(before);
    });

    it('refuses an employee whose unit does not take part, naming employeeId', async () => {
      const res = await attempt(r, ENROLL, vars(upcoming, k1), tok.k1!);
      expect(res).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^employeeId: the activity is open to its participating units/) });
      // A participating sub-unit does not open the activity to its parent.
      const sub = await createActivity(r, { organizerUnitId: r.unit('BAPPEDA-INFRA'), startsOn: '2026-07-01', endsOn: '2026-07-01', hours: 4 });
      expect((await attempt(r, ENROLL, vars(sub, headB), tok.headB!)).code).toBe('BAD_USER_INPUT');
    });

    it('refuses after the activity ended', async () => {
      const res = await attempt(r, ENROLL, vars(ended, d1), r.adminToken);
      expect(res).toMatchObject({ code: 'CONFLICT', message: 'activityId: the activity ended on 2026-05-02; enrollment is closed' });
    });

    it('refuses an employee who left active service, an unknown employee and an unknown activity', async () => {
      const gone = r.regency.employees.find((e) => e.status !== 'ACTIVE')!;
      let root = r.regency.units.find((u) => u.id === gone.unitId)!;
      while (root.parentId) root = r.regency.units.find((u) => u.id === root.parentId)!;
      const a = await createActivity(r, { organizerUnitId: root.id, startsOn: '2026-07-01', endsOn: '2026-07-01', hours: 4 });
      expect(await attempt(r, ENROLL, { a, e: gone.id }, r.adminToken)).toMatchObject({ code: 'BAD_USER_INPUT', message: `employeeId: the employee is ${gone.status}; only active employees enroll` });
      expect(await attempt(r, ENROLL, { a, e: '00000000-0000-4000-8000-000000000009' }, r.adminToken)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^employeeId: no employee/) });
      expect((await attempt(r, ENROLL, { a: '00000000-0000-4000-8000-000000000009', e: d1.id }, r.adminToken)).code).toBe('NOT_FOUND');
    });
  });

  describe('the status flow', () => {
    const enroll = async (a: string, e: DemoEmployee) => {
      const res = await attempt(r, ENROLL, vars(a, e), r.adminToken);
      if (res.code !== 'OK') throw new Error(res.message);
      return res.data.enroll.id as string;
    };
    const statusOf = async (id: string) => {
      const rows: Array<{ status: string }> = await r.graph.services.competency!.dataSource.query('SELECT status FROM enrollment WHERE id = $1', [id]);
      return rows[0]?.status;
    };

    it('goes ENROLLED → ATTENDED → COMPLETED with score and completedOn, by the organizer unit\'s head', async () => {
      const id = await enroll(running, d1);
      expect((await attempt(r, ATTEND, { id, yes: true }, tok.headB!)).data.recordAttendance.status).toBe('ATTENDED');
      const done = await attempt(r, COMPLETE, { id, score: 88.5, on: null }, tok.headB!);
      // Recorded before the activity's end: completed today.
      expect(done.data.completeEnrollment).toEqual({ id, status: 'COMPLETED', score: 88.5, completedOn: TODAY });
    });

    it('corrects NO_SHOW to ATTENDED before completion', async () => {
      const id = await enroll(running, other);
      expect((await attempt(r, ATTEND, { id, yes: false }, r.adminToken)).data.recordAttendance.status).toBe('NO_SHOW');
      expect((await attempt(r, ATTEND, { id, yes: true }, r.adminToken)).data.recordAttendance.status).toBe('ATTENDED');
    });

    it('cancels before the activity starts, and the person may enroll again', async () => {
      const e = next();
      const id = await enroll(upcoming, e);
      expect((await attempt(r, CANCEL, { id }, await r.token(e))).data.cancelEnrollment.status).toBe('CANCELLED');
      expect((await attempt(r, ENROLL, vars(upcoming, e), r.adminToken)).code).toBe('OK');
    });

    describe('refused transitions (CONFLICT, nothing written)', () => {
      let enrolledUpcoming: string;
      let enrolledRunning: string;
      let noShow: string;
      let completed: string;
      let cancelled: string;
      beforeAll(async () => {
        enrolledUpcoming = await enroll(upcoming, next());
        enrolledRunning = await enroll(running, next());
        noShow = await enroll(running, next());
        await attempt(r, ATTEND, { id: noShow, yes: false }, r.adminToken);
        completed = await enroll(running, next());
        await attempt(r, ATTEND, { id: completed, yes: true }, r.adminToken);
        await attempt(r, COMPLETE, { id: completed, score: 80, on: '2026-06-12' }, r.adminToken);
        cancelled = await enroll(upcoming, next());
        await attempt(r, CANCEL, { id: cancelled }, r.adminToken);
      });

      const cases: Array<[string, () => [string, Record<string, unknown>], RegExp]> = [
        ['attendance before the activity starts', () => [ATTEND, { id: enrolledUpcoming, yes: true }], /attendance is recorded once it has started/],
        ['completion without attendance', () => [COMPLETE, { id: enrolledRunning }], /is ENROLLED.*record attendance first/],
        ['completion of a NO_SHOW', () => [COMPLETE, { id: noShow }], /is NO_SHOW/],
        ['completing twice', () => [COMPLETE, { id: completed }], /is COMPLETED/],
        ['attendance after completion', () => [ATTEND, { id: completed, yes: false }], /is COMPLETED/],
        ['cancelling a completed enrollment', () => [CANCEL, { id: completed }], /is COMPLETED/],
        ['cancelling once the activity started', () => [CANCEL, { id: enrolledRunning }], /only before it starts/],
        ['attendance of a cancelled enrollment', () => [ATTEND, { id: cancelled, yes: true }], /is CANCELLED/],
        ['cancelling twice', () => [CANCEL, { id: cancelled }], /is CANCELLED/],
      ];
      it.each(cases)('refuses %s', async (_name, make, rule) => {
        const [query, v] = make();
        const before = await statusOf(v.id as string);
        const counts = await enrollmentsDb();
        const res = await attempt(r, query, v, r.adminToken);
        expect(res.code).toBe('CONFLICT');
        expect(res.message).toMatch(/^enrollmentId: /);
        expect(res.message).toMatch(rule);
        expect(await statusOf(v.id as string)).toBe(before);
        expect(await enrollmentsDb()).toEqual(counts);
      });

      it.each([
        ['a score over 100', { score: 101 }, /^score: must be from 0 to 100/],
        ['a completion date in the future', { on: '2026-06-16' }, /^completedOn: must not be in the future/],
        ['a completion date before the start', { on: '2026-06-09' }, /^completedOn: must be on or after the activity's start/],
      ])('refuses completion with %s (BAD_USER_INPUT), leaving it ATTENDED', async (_name, extra, message) => {
        const id = await enroll(running, next());
        await attempt(r, ATTEND, { id, yes: true }, r.adminToken);
        const counts = await enrollmentsDb();
        const res = await attempt(r, COMPLETE, { id, score: null, on: null, ...extra }, r.adminToken);
        expect(res.code).toBe('BAD_USER_INPUT');
        expect(res.message).toMatch(message);
        expect(await statusOf(id)).toBe('ATTENDED');
        expect(await enrollmentsDb()).toEqual(counts);
      });
    });

    it.each([
      ['the head of a participating (not organizing) unit', 'headD'],
      ['the employee themself', 'd1'],
      ['the employee\'s supervisor', 'lead'],
    ])('lets only the organizer unit\'s head or ADMIN record attendance and completion: refuses %s', async (_name, who) => {
      const e = next();
      const id = await enroll(running, e);
      const token = who === 'headD' ? tok.headD! : await r.token(who === 'lead' ? r.regency.employeeById.get(e.supervisorId!)! : e);
      expect((await attempt(r, ATTEND, { id, yes: true }, token)).code).toBe('FORBIDDEN');
      await attempt(r, ATTEND, { id, yes: true }, r.adminToken);
      expect((await attempt(r, COMPLETE, { id }, token)).code).toBe('FORBIDDEN');
      expect(await statusOf(id)).toBe('ATTENDED');
    });

    it('refuses cancellation by someone unrelated', async () => {
      const id = await enroll(upcoming, next());
      expect((await attempt(r, CANCEL, { id }, tok.other!)).code).toBe('FORBIDDEN');
      expect((await attempt(r, CANCEL, { id }, tok.headB!)).data.cancelEnrollment.status).toBe('CANCELLED');
    });
  });

  describe('who sees enrollments', () => {
    const roster = `query($y: Int!) { learningActivities(year: $y) { id enrollments { employee { id } } } }`;
    const of = (data: any, id: string) => data.learningActivities.find((a: { id: string }) => a.id === id).enrollments.map((x: { employee: { id: string } }) => x.employee.id);

    it('shows the whole roster to the organizer unit\'s head; others see only people they may read', async () => {
      const all = of(await graphqlOk(r.graph.url, roster, { y: 2026 }, { token: tok.headB! }), upcoming);
      expect(all).toEqual(expect.arrayContaining([s1.id, d1.id, lead.id]));
      const dinsos = of(await graphqlOk(r.graph.url, roster, { y: 2026 }, { token: tok.headD! }), upcoming);
      expect(dinsos).toContain(d1.id);
      expect(dinsos).not.toContain(s1.id);
      expect(of(await graphqlOk(r.graph.url, roster, { y: 2026 }, { token: tok.s1! }), upcoming)).toEqual([s1.id]);
    });

    it('answers Employee.enrollments to the employee and their supervisors, not to a colleague or ANALYST', async () => {
      const q = `query($id: ID!) { employee(id: $id) { name enrollments(year: 2026) { status activity { title } } } }`;
      const own = await graphqlOk(r.graph.url, q, { id: s1.id }, { token: tok.s1! });
      expect(own.employee.enrollments.map((x: any) => x.activity.title).sort()).toEqual(['Bimtek Perencanaan', 'Lokakarya Berjalan']);
      expect((await graphqlOk(r.graph.url, q, { id: s1.id }, { token: tok.headB! })).employee.enrollments).toHaveLength(2);
      expect((await attempt(r, q, { id: s1.id }, tok.other!)).code).toBe('FORBIDDEN');
      expect((await attempt(r, q, { id: s1.id }, tok.analyst!)).code).toBe('FORBIDDEN');
    });
  });
});
