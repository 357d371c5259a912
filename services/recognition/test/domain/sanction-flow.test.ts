import { SanctionLevel, SanctionStatus, SanctionType } from '../../src/domain/enums';
import { examinationCheck, imposition, nextSanctionStatus, SANCTION_TYPES } from '../../src/domain/sanction-flow';

const { PROPOSED, EXAMINED, IMPOSED, DISMISSED, REVOKED } = SanctionStatus;

describe('nextSanctionStatus: a discipline case (PP 94/2021) moves only by an ADMIN decision', () => {
  it.each([
    [PROPOSED, false, DISMISSED],
    [EXAMINED, true, IMPOSED],
    [EXAMINED, false, DISMISSED],
    [IMPOSED, false, REVOKED],
  ])('%s, impose %s → %s', (from, impose, to) => {
    expect(nextSanctionStatus(from, impose)).toEqual({ ok: true, status: to });
  });

  it.each([
    [PROPOSED, true, /no examination record yet/],
    [IMPOSED, true, /already IMPOSED/],
    [DISMISSED, true, /was DISMISSED/],
    [DISMISSED, false, /was DISMISSED/],
    [REVOKED, true, /was REVOKED/],
    [REVOKED, false, /was REVOKED/],
  ])('refuses %s, impose %s', (from, impose, rule) => {
    const next = nextSanctionStatus(from, impose);
    expect(next.ok).toBe(false);
    if (!next.ok) expect(next.rule).toMatch(rule);
  });
});

describe('examinationCheck: the direct superior examines; a panel of two for MODERATE and SEVERE', () => {
  const base = { status: PROPOSED, level: SanctionLevel.LIGHT, examinerIds: ['boss'], directSuperiorId: 'boss', heldOn: '2026-05-02', today: '2026-05-03' };
  it.each([
    ['LIGHT by the direct superior alone', {}, null],
    ['MODERATE by a panel of two', { level: SanctionLevel.MODERATE, examinerIds: ['boss', 'bkpsdm'] }, null],
    ['a further hearing of an EXAMINED case', { status: EXAMINED }, null],
    ['MODERATE by one', { level: SanctionLevel.MODERATE }, 'a MODERATE case is examined by a panel of at least two (PP 94/2021 art. 28)'],
    ['SEVERE by one', { level: SanctionLevel.SEVERE }, 'a SEVERE case is examined by a panel of at least two (PP 94/2021 art. 28)'],
    ['without the direct superior', { examinerIds: ['bkpsdm'] }, 'must include the employee\'s direct superior, who must examine (PP 94/2021 art. 27)'],
    ['nobody', { examinerIds: [] }, 'must name at least one examiner'],
    ['an examiner twice', { level: SanctionLevel.MODERATE, examinerIds: ['boss', 'boss'] }, 'must not name an examiner twice'],
    ['in the future', { heldOn: '2026-05-04' }, 'must not lie in the future'],
    ['after the decision', { status: IMPOSED }, 'the case is IMPOSED; examinations are recorded before the decision'],
  ] as Array<[string, Partial<typeof base>, string | null]>)('%s', (_name, change, rule) => {
    const out = examinationCheck({ ...base, ...change });
    if (rule === null) expect(out).toEqual({ ok: true });
    else expect(out).toMatchObject({ ok: false, rule });
  });
});

describe('imposition: the type fits the level; the end date from its duration', () => {
  it.each([
    [SanctionLevel.LIGHT, SanctionType.WRITTEN_REPRIMAND, '2026-05-03', null],
    [SanctionLevel.MODERATE, SanctionType.TPP_CUT_6_MONTHS, '2026-03-01', '2026-08-31'],
    [SanctionLevel.MODERATE, SanctionType.TPP_CUT_9_MONTHS, '2026-03-01', '2026-11-30'],
    [SanctionLevel.MODERATE, SanctionType.TPP_CUT_12_MONTHS, '2026-06-01', '2027-05-31'],
    [SanctionLevel.SEVERE, SanctionType.DEMOTION_12_MONTHS, '2026-02-15', '2027-02-14'],
    [SanctionLevel.SEVERE, SanctionType.RELEASE_TO_PELAKSANA_12_MONTHS, '2026-01-01', '2026-12-31'],
    [SanctionLevel.SEVERE, SanctionType.HONOURABLE_DISMISSAL, '2026-01-01', null],
  ])('%s %s from %s ends %s', (level, type, startsOn, endsOn) => {
    expect(imposition(level, type, startsOn)).toEqual({ ok: true, type, startsOn, endsOn });
  });

  it.each([
    [SanctionLevel.LIGHT, SanctionType.TPP_CUT_9_MONTHS, '2026-03-01', 'type', 'TPP_CUT_9_MONTHS is a MODERATE sanction; a LIGHT case takes ORAL_REPRIMAND, WRITTEN_REPRIMAND, STATEMENT_OF_DISSATISFACTION'],
    [SanctionLevel.SEVERE, SanctionType.ORAL_REPRIMAND, '2026-03-01', 'type', 'ORAL_REPRIMAND is a LIGHT sanction; a SEVERE case takes DEMOTION_12_MONTHS, RELEASE_TO_PELAKSANA_12_MONTHS, HONOURABLE_DISMISSAL'],
    [SanctionLevel.MODERATE, null, '2026-03-01', 'type', 'is required when imposing'],
    [SanctionLevel.MODERATE, SanctionType.TPP_CUT_6_MONTHS, null, 'startsOn', 'is required when imposing'],
    [SanctionLevel.MODERATE, SanctionType.TPP_CUT_6_MONTHS, '2026-03-15', 'startsOn', 'a TPP cut starts on the 1st of a month'],
  ] as Array<[SanctionLevel, SanctionType | null, string | null, string, string]>)('refuses %s %s from %s', (level, type, startsOn, field, rule) => {
    expect(imposition(level, type, startsOn)).toEqual({ ok: false, field, rule });
  });

  it('knows every type of DOMAIN.md', () => {
    expect(Object.keys(SANCTION_TYPES).sort()).toEqual(Object.values(SanctionType).sort());
  });
});
