import { graphqlOk, rowCounts } from '@kinerja/testing';
import { ACTIVITIES } from '../src/seed';
import { activityInput, attempt, createActivity, CREATE_ACTIVITY, startRegencyGraph, type Regency } from './helpers';

describe('competencies and learning activities through the gateway', () => {
  let r: Regency;
  let competencyId: string;

  beforeAll(async () => {
    r = await startRegencyGraph('competency-activities', { today: () => '2026-06-15' });
    const made = await graphqlOk(r.graph.url, `mutation($i: CompetencyInput!) { createCompetency(input: $i) { id code name kind } }`,
      { i: { code: 'TEK-PERENCANAAN', name: 'Perencanaan Pembangunan Daerah', kind: 'TECHNICAL' } }, { token: r.adminToken });
    competencyId = made.createCompetency.id;
  });
  afterAll(() => r?.graph.stop());

  describe('the competency catalogue', () => {
    it('lists competencies for any signed-in employee', async () => {
      const token = await r.token(r.staff('DINSOS')[0]!);
      const data = await graphqlOk(r.graph.url, `{ competencies { code name kind } }`, {}, { token });
      expect(data.competencies).toEqual([{ code: 'TEK-PERENCANAAN', name: 'Perencanaan Pembangunan Daerah', kind: 'TECHNICAL' }]);
    });

    it('is kept by ADMIN only', async () => {
      const token = await r.token(r.head('BAPPEDA'));
      const res = await attempt(r, `mutation($i: CompetencyInput!) { createCompetency(input: $i) { id } }`, { i: { code: 'MAN-X', name: 'Kerja Sama', kind: 'MANAGERIAL' } }, token);
      expect(res.code).toBe('FORBIDDEN');
    });

    it('refuses a duplicate code with CONFLICT and a bad code naming the field', async () => {
      const dup = await attempt(r, `mutation($i: CompetencyInput!) { createCompetency(input: $i) { id } }`,
        { i: { code: 'TEK-PERENCANAAN', name: 'Lagi', kind: 'TECHNICAL' } }, r.adminToken);
      expect(dup).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^code: /) });
      const bad = await attempt(r, `mutation($i: CompetencyInput!) { createCompetency(input: $i) { id } }`,
        { i: { code: 'x', name: 'Kerja Sama', kind: 'MANAGERIAL' } }, r.adminToken);
      expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^code: /) });
    });
  });

  describe('creating an activity', () => {
    const spec = () => ({ organizerUnitId: r.unit('BAPPEDA'), startsOn: '2026-09-01', endsOn: '2026-09-02', hours: 8 });

    it('creates a cross-dinas sosialisasi with its units and competencies, organizer first', async () => {
      const input = activityInput({
        ...spec(), title: 'Sosialisasi RPJMD', kind: 'SOCIALIZATION', capacity: 100, competencyIds: [competencyId],
        participatingUnitIds: [r.unit('DINKES'), r.unit('BAPPEDA'), r.unit('DISDIKBUD')],
      });
      const data = await graphqlOk(r.graph.url, `mutation($input: LearningActivityInput!) {
        createLearningActivity(input: $input) { title kind startsOn endsOn hours capacity seatsTaken organizerUnit { code } participatingUnits { code name } competencies { code kind } }
      }`, { input }, { token: r.adminToken });
      const a = data.createLearningActivity;
      expect(a).toMatchObject({ title: 'Sosialisasi RPJMD', kind: 'SOCIALIZATION', startsOn: '2026-09-01', endsOn: '2026-09-02', hours: 8, capacity: 100, seatsTaken: 0 });
      expect(a.organizerUnit).toEqual({ code: 'BAPPEDA' });
      expect(a.participatingUnits[0]).toEqual({ code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah' });
      expect(a.participatingUnits.map((u: { code: string }) => u.code).sort()).toEqual(['BAPPEDA', 'DINKES', 'DISDIKBUD']);
      expect(a.competencies).toEqual([{ code: 'TEK-PERENCANAAN', kind: 'TECHNICAL' }]);
    });

    const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
      ['endsOn before startsOn', { endsOn: '2026-08-31' }, /^endsOn: must be on or after startsOn/],
      ['0 JP', { hours: 0 }, /^hours: must be a whole number of JP from 1 to 200/],
      ['201 JP', { hours: 201 }, /^hours: /],
      ['an organizer outside the participating units', { participating: ['DINKES'] }, /^participatingUnitIds: must include the organizer unit/],
      ['a one-unit COLLABORATION', { kind: 'COLLABORATION' }, /^participatingUnitIds: a COLLABORATION activity needs at least two/],
      ['a one-unit SOCIALIZATION', { kind: 'SOCIALIZATION' }, /^participatingUnitIds: a SOCIALIZATION activity needs at least two/],
      ['an unknown participating unit', { participating: ['BAPPEDA', '00000000-0000-4000-8000-000000000000'] }, /^participatingUnitIds: no organization unit has id/],
      ['an unknown competency', { competencyIds: ['00000000-0000-4000-8000-000000000001'] }, /^competencyIds: no competency has id/],
      ['a capacity of 0', { capacity: 0 }, /^capacity: /],
    ];
    it.each(refusals)('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_name, change, message) => {
      const before = await rowCounts(r.graph.databases.competency!.url, ['learning_activity', 'activity_unit', 'activity_competency']);
      const { participating, ...rest } = change as { participating?: string[] };
      const input = activityInput({
        ...spec(), ...rest,
        ...(participating ? { participatingUnitIds: participating.map((c) => (c.includes('-0000-') ? c : r.unit(c))) } : {}),
      } as never);
      const res = await attempt(r, CREATE_ACTIVITY, { input }, r.adminToken);
      expect(res.code).toBe('BAD_USER_INPUT');
      expect(res.message).toMatch(message);
      expect(await rowCounts(r.graph.databases.competency!.url, ['learning_activity', 'activity_unit', 'activity_competency'])).toEqual(before);
    });

    it('lets the head of the organizer unit (or of a unit above it) create one', async () => {
      const head = await r.token(r.head('BAPPEDA'));
      await expect(createActivity(r, { ...spec(), title: 'Lokakarya Perencanaan' }, head)).resolves.toMatch(/-/);
      // The head of BAPPEDA also heads its bidang.
      await expect(createActivity(r, { ...spec(), organizerUnitId: r.unit('BAPPEDA-INFRA'), title: 'Bimtek Tata Ruang' }, head)).resolves.toMatch(/-/);
    });

    it.each([
      ['the head of another unit', 'DINKES', 'head'],
      ['the head of a sub-unit of the organizer', 'BAPPEDA-INFRA', 'head'],
      ['an employee of the organizer unit', 'BAPPEDA', 'staff'],
      ['ANALYST', 'BKPSDMD', 'analyst'],
    ])('refuses %s with FORBIDDEN', async (_name, code, who) => {
      const person = who === 'head' ? r.head(code) : r.staff(code)[0]!;
      const token = await r.token(person, who === 'analyst' ? ['ANALYST'] : ['EMPLOYEE']);
      const res = await attempt(r, CREATE_ACTIVITY, { input: activityInput(spec()) }, token);
      expect(res.code).toBe('FORBIDDEN');
    });

    it('refuses without a token', async () => {
      const res = await attempt(r, CREATE_ACTIVITY, { input: activityInput(spec()) }, '');
      expect(res.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('listing activities and collaborations', () => {
    let stunting: string;
    beforeAll(async () => {
      stunting = await createActivity(r, {
        title: 'Kolaborasi Penurunan Stunting', kind: 'COLLABORATION', organizerUnitId: r.unit('DINKES'),
        participatingUnitIds: [r.unit('DINKES'), r.unit('DINSOS'), r.unit('BAPPEDA')], startsOn: '2026-05-18', endsOn: '2026-05-20', hours: 16,
      });
      await createActivity(r, { title: 'Kolaborasi 2025', kind: 'COLLABORATION', organizerUnitId: r.unit('DINKES'),
        participatingUnitIds: [r.unit('DINKES'), r.unit('DINSOS')], startsOn: '2025-05-18', endsOn: '2025-05-20', hours: 16 });
      await createActivity(r, { title: 'Pelatihan Internal Dinkes', organizerUnitId: r.unit('DINKES'), startsOn: '2026-04-01', endsOn: '2026-04-02', hours: 8 });
      // Spans the new year: it takes place in both.
      await createActivity(r, { title: 'Magang Lintas Tahun', kind: 'INTERNSHIP', organizerUnitId: r.unit('DINSOS'),
        participatingUnitIds: [r.unit('DINSOS'), r.unit('DINKES')], startsOn: '2025-12-15', endsOn: '2026-01-15', hours: 40 });
    });

    it("answers a unit's collaborations in a year with the units that took part", async () => {
      const token = await r.token(r.head('DINSOS'));
      const data = await graphqlOk(r.graph.url, `{ organizationUnit(code: "DINSOS") { name collaborations(year: 2026) { title kind participatingUnits { code } } } }`, {}, { token });
      expect(data.organizationUnit.collaborations.map((a: { title: string }) => a.title)).toEqual(['Magang Lintas Tahun', 'Kolaborasi Penurunan Stunting']);
      const units = data.organizationUnit.collaborations[1].participatingUnits.map((u: { code: string }) => u.code);
      expect(units[0]).toBe('DINKES'); // the organizer first
      expect([...units].sort()).toEqual(['BAPPEDA', 'DINKES', 'DINSOS']);
      const past = await graphqlOk(r.graph.url, `{ organizationUnit(code: "DINSOS") { collaborations(year: 2025) { title } } }`, {}, { token });
      expect(past.organizationUnit.collaborations.map((a: { title: string }) => a.title)).toEqual(['Kolaborasi 2025', 'Magang Lintas Tahun']);
    });

    it('leaves single-unit activities and other units\' collaborations out', async () => {
      const data = await graphqlOk(r.graph.url, `{ dinkes: organizationUnit(code: "DINKES") { collaborations(year: 2026) { id title } } dishub: organizationUnit(code: "DISHUB") { collaborations(year: 2026) { id } } }`, {}, { token: r.adminToken });
      expect(data.dinkes.collaborations.map((a: { title: string }) => a.title)).not.toContain('Pelatihan Internal Dinkes');
      expect(data.dinkes.collaborations.map((a: { id: string }) => a.id)).toContain(stunting);
      expect(data.dishub.collaborations).toEqual([]);
    });

    it('filters learningActivities by year, kind and participating unit', async () => {
      const token = await r.token(r.staff('DISHUB')[0]!);
      const byKind = await graphqlOk(r.graph.url, `{ learningActivities(year: 2026, kind: COLLABORATION) { title } }`, {}, { token });
      expect(byKind.learningActivities).toEqual([{ title: 'Kolaborasi Penurunan Stunting' }]);
      const byUnit = await graphqlOk(r.graph.url, `query($u: ID!) { learningActivities(year: 2026, unitId: $u) { title } }`, { u: r.unit('DINSOS') }, { token });
      expect(byUnit.learningActivities.map((a: { title: string }) => a.title)).toEqual(['Magang Lintas Tahun', 'Kolaborasi Penurunan Stunting']);
      const bad = await attempt(r, `{ learningActivities(year: 1800) { title } }`, {}, token);
      expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^year: /) });
    });
  });

  it('has a seed whose activities obey the rules', () => {
    for (const a of ACTIVITIES) {
      expect(a.endsOn >= a.startsOn).toBe(true);
      expect(a.hours).toBeGreaterThanOrEqual(1);
      expect(a.hours).toBeLessThanOrEqual(200);
      if (a.units !== '*') expect(a.units).toContain(a.organizer);
      if (a.kind === 'COLLABORATION' || a.kind === 'SOCIALIZATION') expect(a.units === '*' || a.units.length >= 2).toBe(true);
    }
  });
});
