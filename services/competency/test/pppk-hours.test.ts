import { codeOf, graphql, graphqlOk, rowCounts } from '@kinerja/testing';
import { ATTEND, attempt, CANCEL, COMPLETE, createActivity, ENROLL, startRegencyGraph, type Regency } from './helpers';

const TODAY = '2026-06-15';
const HOURS = `query($id: ID!, $y: Int!) { employee(id: $id) { learningHours(year: $y) {
  year completedHours requiredHours met ceilingHours contractYears { startsOn endsOn fromContract completedHours countedHours remainingHours } } } }`;
const REGISTER = `mutation($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { id } }`;

/** PNS owe 20 JP a year; PPPK are given at most 24 JP per contract year (PP 49/2018 art. 40(1)). */
describe('JP for PPPK: a ceiling of 24 per contract year, not a requirement', () => {
  let r: Regency;
  let unit: string;
  const clock = { today: TODAY };
  const people: Record<'pppk' | 'pppkIdle' | 'pns' | 'pnsIdle', string> = { pppk: '', pppkIdle: '', pns: '', pnsIdle: '' };
  const act: Record<string, string> = {};

  const ok = async (query: string, v: Record<string, unknown>) => {
    const res = await attempt(r, query, v, r.adminToken);
    if (res.code !== 'OK') throw new Error(res.message);
    return res.data;
  };
  /** Enrolls on the first day, attends, completes after the end. */
  const takePart = async (activityId: string, startsOn: string, endsOn: string, employeeId: string) => {
    clock.today = startsOn;
    try {
      const id = (await ok(ENROLL, { a: activityId, e: employeeId })).enroll.id as string;
      await ok(ATTEND, { id, yes: true });
      clock.today = endsOn;
      await ok(COMPLETE, { id, score: 88, on: null });
    } finally {
      clock.today = TODAY;
    }
  };
  const hours = async (id: string, year = 2026) => (await graphqlOk(r.graph.url, HOURS, { id, y: year }, { token: r.adminToken })).employee.learningHours;

  beforeAll(async () => {
    r = await startRegencyGraph('competency-pppk', { today: () => clock.today }, 200);
    const created = await graphqlOk(r.graph.url, `mutation($p: ID) { createOrganizationUnit(input: { code: "UPTD-SMPN7", name: "UPTD SMP Negeri 7 Muara Bungo", kind: UPTD, parentId: $p }) { id } }`,
      { p: r.unit('DISDIKBUD') }, { token: r.adminToken });
    unit = created.createOrganizationUnit.id;
    const base = { positionTitle: 'Guru Ahli Pertama', positionKind: 'FUNGSIONAL', unitId: unit };
    const pppk = (name: string, nip: string, birthDate: string, number: string) => graphqlOk(r.graph.url, REGISTER, { input: {
      ...base, name, nip, gender: 'FEMALE', birthDate, employmentType: 'PPPK', pppkGrade: 'IX',
      contract: { number, startsOn: '2026-03-01', endsOn: '2028-02-29' },
    } }, { token: r.adminToken });
    const pns = (name: string, nip: string, birthDate: string) => graphqlOk(r.graph.url, REGISTER, { input: {
      ...base, name, nip, gender: 'MALE', birthDate, employmentType: 'PNS', grade: 'III_A',
    } }, { token: r.adminToken });
    people.pppk = (await pppk('Sri Wahyuni, S.Pd.', '19940312 2026 2 1 2 004', '1994-03-12', '800/77/PK-PPPK/BKPSDMD/2026')).registerEmployee.id;
    people.pppkIdle = (await pppk('Dewi Anggraini, S.Pd.', '19960818 2026 2 1 2 005', '1996-08-18', '800/78/PK-PPPK/BKPSDMD/2026')).registerEmployee.id;
    people.pns = (await pns('Ahmad Fauzi, S.Pd.', '19880101 201403 1 006', '1988-01-01')).registerEmployee.id;
    people.pnsIdle = (await pns('Rudi Hartono, S.Pd.', '19890202 201403 1 007', '1989-02-02')).registerEmployee.id;
    const activity = async (key: string, startsOn: string, endsOn: string, h: number) => {
      act[key] = await createActivity(r, { title: `Pelatihan ${key}`, organizerUnitId: r.unit('DISDIKBUD'), startsOn, endsOn, hours: h });
    };
    await activity('april', '2026-04-01', '2026-04-02', 16);
    await activity('juli', '2026-07-01', '2026-07-01', 8);
    await activity('agustus', '2026-08-03', '2026-08-03', 4);
    await activity('maret-2027', '2027-03-08', '2027-03-08', 8);
    await takePart(act.april!, '2026-04-01', '2026-04-02', people.pppk);
    await takePart(act.april!, '2026-04-01', '2026-04-02', people.pns);
  });
  afterAll(() => r?.graph.stop());

  it('shows a PPPK their hours against 24 JP in the contract year, owing no minimum', async () => {
    expect(await hours(people.pppk)).toEqual({
      year: 2026, completedHours: 16, requiredHours: 0, met: true, ceilingHours: 24,
      contractYears: [{ startsOn: '2026-03-01', endsOn: '2027-02-28', fromContract: true, completedHours: 16, countedHours: 16, remainingHours: 8 }],
    });
    // A PNS is owed 20 JP and has no ceiling.
    expect(await hours(people.pns)).toEqual({ year: 2026, completedHours: 16, requiredHours: 20, met: false, ceilingHours: null, contractYears: [] });
  });

  it('counts enrolled hours still to come, and refuses an enrollment past 24 JP naming the hours', async () => {
    await ok(ENROLL, { a: act.juli, e: people.pppk });
    expect((await hours(people.pppk)).contractYears[0]).toMatchObject({ completedHours: 16, countedHours: 24, remainingHours: 0 });
    const db = r.graph.databases.competency!.url;
    const before = await rowCounts(db, ['enrollment', 'audit_entry']);
    const refused = await graphql(r.graph.url, ENROLL, { a: act.agustus, e: people.pppk }, { token: r.adminToken });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toBe(
      'activityId: a PPPK is given at most 24 JP per contract year (PP 49/2018 art. 40(1)): 24 JP are already counted in the contract year '
      + "2026-03-01 to 2027-02-28, and this activity's 4 JP would make 28");
    expect(refused.errors?.[0]?.extensions?.messageId).toMatch(/^PPPK paling banyak 24 JP per tahun masa perjanjian kerja: sudah 24 JP/);
    expect(await rowCounts(db, ['enrollment', 'audit_entry'])).toEqual(before);
    // The employee enrolling themself meets the same ceiling.
    const self = await graphql(r.graph.url, ENROLL, { a: act.agustus, e: people.pppk }, { token: await r.token(people.pppk) });
    expect(codeOf(self)).toBe('BAD_USER_INPUT');
    // A PNS has no ceiling.
    await ok(ENROLL, { a: act.juli, e: people.pns });
    await ok(ENROLL, { a: act.agustus, e: people.pns });
  });

  it('frees the hours of a cancelled enrollment, and starts afresh in the next contract year', async () => {
    const [juli] = (await graphqlOk(r.graph.url, `query($id: ID!) { employee(id: $id) { enrollments(year: 2026) { id activity { id } } } }`, { id: people.pppk }, { token: r.adminToken }))
      .employee.enrollments.filter((e: { activity: { id: string } }) => e.activity.id === act.juli);
    await ok(CANCEL, { id: juli.id });
    await ok(ENROLL, { a: act.agustus, e: people.pppk });
    await ok(ENROLL, { a: act['maret-2027'], e: people.pppk });
    const y2027 = await hours(people.pppk, 2027);
    expect(y2027.contractYears).toEqual([
      { startsOn: '2026-03-01', endsOn: '2027-02-28', fromContract: true, completedHours: 16, countedHours: 20, remainingHours: 4 },
      { startsOn: '2027-03-01', endsOn: '2028-02-29', fromContract: true, completedHours: 0, countedHours: 8, remainingHours: 16 },
    ]);
  });

  it("counts only PNS in a unit's 20 JP compliance", async () => {
    await takePart(act.april!, '2026-04-01', '2026-04-02', people.pnsIdle);
    const q = `query($id: ID!) { organizationUnit(id: $id) { learningCompliance(year: 2026) { employees metRequirement ratio } } }`;
    // Ahmad: 16 JP, Rudi: 16 JP; one more activity brings Ahmad to 20 (he is enrolled in juli, 8 JP).
    const juli = (await graphqlOk(r.graph.url, `query($id: ID!) { employee(id: $id) { enrollments(year: 2026) { id activity { id } } } }`, { id: people.pns }, { token: r.adminToken }))
      .employee.enrollments.find((e: { activity: { id: string } }) => e.activity.id === act.juli);
    clock.today = '2026-07-01';
    await ok(ATTEND, { id: juli.id, yes: true });
    await ok(COMPLETE, { id: juli.id, score: 80, on: null });
    clock.today = TODAY;
    const data = await graphqlOk(r.graph.url, q, { id: unit }, { token: r.adminToken });
    // Two PNS (Ahmad met 24 JP, Rudi 16 JP); the two PPPK are not counted at all.
    expect(data.organizationUnit.learningCompliance).toEqual({ employees: 2, metRequirement: 1, ratio: 0.5 });
  });
});
