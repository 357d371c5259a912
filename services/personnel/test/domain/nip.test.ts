import { formatNip, nipDisagreements, normalizeNip, parseNip, type ParseNipOptions } from '../../src/domain/nip';

const TODAY = '2026-12-03';
const at = (o: ParseNipOptions = {}): ParseNipOptions => ({ today: TODAY, ...o });

describe('parseNip (DOMAIN.md, "NIP")', () => {
  describe('the PNS layout: birth date, TMT CPNS YYYYMM, sex, sequence', () => {
    it.each([
      ['198609262015051001', 'without spaces'],
      ['19860926 201505 1 001', 'with the usual spaces'],
      [' 19860926201505 1001 ', 'with stray spaces'],
      ['19860926\u00A0201505\u00A01\u00A0001', 'with no-break spaces (U+00A0) pasted from a PDF'],
      ['19860926\u202F201505\u202F1\u202F001', 'with narrow no-break spaces (U+202F)'],
      ['19860926\u2007201505\u20091\u200B001', 'with a figure space, a thin space and a zero-width space'],
      ['\t19860926\n201505\r\n1 001\uFEFF', 'with tabs, line breaks and a byte-order mark'],
    ])('accepts %j (%s), stored without spaces', (raw) => {
      expect(parseNip(raw, at({ employmentType: 'PNS' }))).toEqual({
        ok: true,
        nip: {
          value: '198609262015051001', layout: 'PNS', birthDate: '1986-09-26', appointment: { year: 2015, month: 5 },
          appointmentDate: '2015-05-01', contractCount: null, gender: 'MALE', sequence: 1,
        },
      });
    });

    it('reads a female NIP', () => {
      const r = parseNip('199001312014022003', at());
      expect(r.ok && r.nip.gender).toBe('FEMALE');
    });
  });

  describe('the PPPK layout: birth date, TMT year, code 2, contract count, sex, sequence', () => {
    it('reads 198902252024211013: born 25 Feb 1989, TMT 2024, first contract, male, sequence 013', () => {
      expect(parseNip('198902252024211013', at({ employmentType: 'PPPK' }))).toEqual({
        ok: true,
        nip: {
          value: '198902252024211013', layout: 'PPPK', birthDate: '1989-02-25', appointment: { year: 2024, month: 1 },
          appointmentDate: '2024-01-01', contractCount: 1, gender: 'MALE', sequence: 13,
        },
      });
    });

    it.each([
      ['19890225 2024 2 1 1 013', 1, 'MALE'],
      ['19890225\u00A02024\u00A02\u00A01\u00A01\u00A0013', 1, 'MALE'],
      ['199507142022232045', 3, 'FEMALE'],
      ['199507142022292045', 9, 'FEMALE'],
    ])('accepts %j (contract %i, %s)', (raw, contract, gender) => {
      const r = parseNip(raw, at({ employmentType: 'PPPK' }));
      expect(r.ok && { contract: r.nip.contractCount, gender: r.nip.gender, layout: r.nip.layout }).toEqual({ contract, gender, layout: 'PPPK' });
    });
  });

  describe('the layout must match employmentType, naming digits 13-14', () => {
    it.each([
      ['198902252024211013', 'PNS' as const, 'layout', /digits 13-14 \(21\) are the PPPK code 2 and a contract count, but employmentType is PNS/],
      ['198609262015051001', 'PPPK' as const, 'layout', /digits 13-14 \(05\) are a PNS TMT month, but employmentType is PPPK/],
      ['198902252024311013', 'PPPK' as const, 'layout', /digits 13-14 \(31\): digit 13 must be the PPPK code 2/],
      ['198902252024201013', 'PPPK' as const, 'contract', /digits 13-14 \(20\): digit 14 must be the contract count 1-9/],
      ['198609262015131001', 'PNS' as const, 'appointment', /digits 9-14 \(201513\) must be the first appointment \(TMT CPNS\) YYYYMM with month 01-12/],
      ['198609262015001001', 'PNS' as const, 'appointment', /month 01-12/],
      ['198609262015131001', undefined, 'layout', /digits 13-14 \(13\) must be a TMT month 01-12 \(PNS\) or the PPPK code 2 and a contract count 1-9 \(PPPK\)/],
    ])('refuses %s for %s: the %s part', (raw, employmentType, part, message) => {
      const r = parseNip(raw, at(employmentType ? { employmentType } : {}));
      expect(r).toMatchObject({ ok: false, part });
      if (!r.ok) expect(r.message).toMatch(message);
    });

    it('accepts either layout when no employmentType is given', () => {
      expect(parseNip('198902252024211013', at())).toMatchObject({ ok: true, nip: { layout: 'PPPK' } });
      expect(parseNip('198609262015051001', at())).toMatchObject({ ok: true, nip: { layout: 'PNS' } });
    });
  });

  describe('the first appointment and the 18th birthday', () => {
    it.each([
      // PNS: the TMT is the 1st of its month.
      ['19860926200409 1 001', 'PNS', false, 'TMT 1 Sep 2004, 18th birthday 26 Sep 2004: the same month, but the 1st comes first'],
      ['19860926200410 1 001', 'PNS', true, 'TMT 1 Oct 2004, after the 18th birthday'],
      ['19860901200409 1 001', 'PNS', true, 'TMT 1 Sep 2004 on the 18th birthday itself'],
      ['19860926200305 1 001', 'PNS', false, 'TMT a year before the 18th birthday'],
      // PPPK: the TMT is 1 January of its year.
      ['20060101 2024 2 1 1 001', 'PPPK', true, 'born 1 Jan 2006, TMT 2024: 18 on 1 Jan 2024'],
      ['20060102 2024 2 1 1 001', 'PPPK', false, 'born 2 Jan 2006, TMT 2024: 1 Jan 2024 is the day before the 18th birthday'],
      ['20060615 2024 2 1 1 001', 'PPPK', false, 'born mid-2006, TMT 2024'],
      ['20060615 2025 2 1 1 001', 'PPPK', true, 'born mid-2006, TMT 2025'],
    ] as const)('%s (%s): accepted %s, %s', (raw, employmentType, ok, _why) => {
      const r = parseNip(raw, at({ employmentType }));
      expect(r.ok).toBe(ok);
      if (!r.ok) {
        expect(r.part).toBe('appointment');
        expect(r.message).toMatch(/cannot precede the 18th birthday/);
      }
    });

    it('names the dates it compared', () => {
      const r = parseNip('19860926200409 1 001', at());
      expect(!r.ok && r.message).toBe('digits 9-14 (200409): the first appointment (2004-09-01) cannot precede the 18th birthday (2004-09-26)');
    });
  });

  describe('nothing in the future', () => {
    it.each([
      ['20261204 ...', '202612042026121001', 'birthDate', /the birth date 2026-12-04 lies in the future/],
      ['a PNS TMT next month', '198609262027011001', 'appointment', /the first appointment \(2027-01-01\) lies in the future/],
      ['a PPPK TMT next year', '198902252027211013', 'appointment', /digits 9-12 \(2027\): the first appointment \(2027-01-01\) lies in the future/],
    ])('refuses %s', (_what, raw, part, message) => {
      const r = parseNip(raw, at());
      expect(r).toMatchObject({ ok: false, part });
      if (!r.ok) expect(r.message).toMatch(message);
    });

    it('accepts a TMT on the 1st of the current month and a PPPK TMT of the current year', () => {
      expect(parseNip('198609262026121001', at()).ok).toBe(true);
      expect(parseNip('198902252026211013', at()).ok).toBe(true);
    });
  });

  describe('malformed parts', () => {
    it.each([
      ['19860926201505100', 'format', /18 digits/],
      ['1986092620150510011', 'format', /18 digits/],
      ['19860926-201505-1-001', 'format', /non-digits/],
      ['19860231201505 1 001', 'birthDate', /digits 1-8 \(19860231\)/],
      ['19861326201505 1 001', 'birthDate', /real birth date/],
      ['18990101201505 1 001', 'birthDate', /real birth date/],
      ['19860926201505 3 001', 'sex', /digit 15 \(3\) must be 1 \(male\) or 2 \(female\)/],
      ['19860926201505 0 001', 'sex', /digit 15/],
      ['19890225 2024 2 1 0 013', 'sex', /digit 15 \(0\)/],
      ['19860926201505 1 000', 'sequence', /001 to 999/],
      ['19890225 2024 2 1 1 000', 'sequence', /001 to 999/],
    ])('refuses %s: the %s part', (raw, part, message) => {
      const r = parseNip(raw, at());
      expect(r).toMatchObject({ ok: false, part });
      if (!r.ok) expect(r.message).toMatch(message);
    });
  });

  it('names the part that disagrees with the record', () => {
    const r = parseNip('198609262015051001', at());
    if (!r.ok) throw new Error('expected a valid NIP');
    expect(nipDisagreements(r.nip, { birthDate: '1986-09-26', gender: 'MALE' })).toEqual([]);
    expect(nipDisagreements(r.nip, { birthDate: '1986-09-27', gender: 'MALE' })).toEqual([
      'the birth date in digits 1-8 (1986-09-26) disagrees with birthDate 1986-09-27',
    ]);
    expect(nipDisagreements(r.nip, { birthDate: '1986-09-26', gender: 'FEMALE' })[0]).toMatch(/sex digit 15 \(1, male\) disagrees with gender FEMALE/);
    const p = parseNip('198902252024211013', at());
    if (!p.ok) throw new Error('expected a valid NIP');
    expect(nipDisagreements(p.nip, { birthDate: '1989-02-26', gender: 'FEMALE' })).toEqual([
      'the birth date in digits 1-8 (1989-02-25) disagrees with birthDate 1989-02-26',
      'the sex digit 15 (1, male) disagrees with gender FEMALE',
    ]);
  });

  it('normalizes every whitespace for lookups', () => {
    expect(normalizeNip('19890225\u00A02024\u202F2 1\u20601\u3000013')).toBe('198902252024211013');
  });

  it('formats each layout for people', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
    expect(formatNip('198902252024211013')).toBe('19890225 2024 2 1 1 013');
  });
});
