import { activityProblems, isOpenTo, type ActivityDraft } from '../../src/domain/activity-rules';
import { ActivityKind } from '../../src/domain/enums';

const ORG = 'org';
const base: ActivityDraft = {
  title: 'Pelatihan Manajemen Waktu', kind: ActivityKind.TRAINING, organizerUnitId: ORG, participatingUnitIds: [ORG],
  startsOn: '2026-03-09', endsOn: '2026-03-11', hours: 24, capacity: 40,
};

describe('activityProblems', () => {
  const cases: Array<[string, Partial<ActivityDraft>, string | null, RegExp | null]> = [
    ['accepts a one-unit training', {}, null, null],
    ['accepts a one-day activity (endsOn = startsOn)', { endsOn: '2026-03-09' }, null, null],
    ['refuses endsOn before startsOn', { endsOn: '2026-03-08' }, 'endsOn', /on or after startsOn/],
    ['refuses 0 JP', { hours: 0 }, 'hours', /from 1 to 200/],
    ['accepts 1 JP', { hours: 1 }, null, null],
    ['accepts 200 JP', { hours: 200 }, null, null],
    ['refuses 201 JP', { hours: 201 }, 'hours', /from 1 to 200/],
    ['refuses fractional JP', { hours: 2.5 }, 'hours', /whole number/],
    ['refuses capacity 0', { capacity: 0 }, 'capacity', /from 1/],
    ['accepts no capacity', { capacity: null }, null, null],
    ['refuses an organizer outside the participating units', { participatingUnitIds: ['other'] }, 'participatingUnitIds', /include the organizer/],
    ['refuses no participating units', { participatingUnitIds: [] }, 'participatingUnitIds', /at least one unit/],
    ['refuses a repeated unit', { participatingUnitIds: [ORG, ORG] }, 'participatingUnitIds', /twice/],
    ['refuses a one-unit COLLABORATION', { kind: ActivityKind.COLLABORATION }, 'participatingUnitIds', /COLLABORATION activity needs at least two/],
    ['refuses a one-unit SOCIALIZATION', { kind: ActivityKind.SOCIALIZATION }, 'participatingUnitIds', /SOCIALIZATION activity needs at least two/],
    ['accepts a two-unit SOCIALIZATION', { kind: ActivityKind.SOCIALIZATION, participatingUnitIds: [ORG, 'dinkes'] }, null, null],
    ['accepts a one-unit WORKSHOP', { kind: ActivityKind.WORKSHOP }, null, null],
    ['refuses a two-letter title', { title: ' ab ' }, 'title', /3 to 200/],
  ];
  it.each(cases)('%s', (_name, change, field, rule) => {
    const problems = activityProblems({ ...base, ...change });
    if (field === null) {
      expect(problems).toEqual([]);
    } else {
      expect(problems[0]?.field).toBe(field);
      expect(problems[0]?.rule).toMatch(rule as RegExp);
    }
  });
});

describe('isOpenTo', () => {
  // DINKES > PKM; BAPPEDA > BAPPEDA-INFRA
  const cases: Array<[string, string[], string[], boolean]> = [
    ['the participating unit itself', ['dinkes'], ['dinkes'], true],
    ['a sub-unit of a participating unit', ['dinkes'], ['pkm', 'dinkes'], true],
    ['not the parent of a participating sub-unit', ['pkm'], ['dinkes'], false],
    ['not a sibling sub-unit', ['bappeda-infra'], ['bappeda-eko', 'bappeda'], false],
    ['an unrelated unit', ['dinkes', 'bappeda'], ['dishub'], false],
  ];
  it.each(cases)('%s', (_name, participating, path, open) => {
    expect(isOpenTo(participating, path)).toBe(open);
  });
});
