import { formatNip, nipDisagreements, parseNip } from '../../src/domain/nip';

describe('parseNip (DOMAIN.md, "NIP")', () => {
  it.each([
    ['198609262015051001', 'without spaces'],
    ['19860926 201505 1 001', 'with the usual spaces'],
    [' 19860926201505 1001 ', 'with stray spaces'],
  ])('accepts %s (%s)', (raw) => {
    const r = parseNip(raw);
    expect(r).toEqual({
      ok: true,
      nip: { value: '198609262015051001', birthDate: '1986-09-26', appointment: { year: 2015, month: 5 }, gender: 'MALE', sequence: 1 },
    });
  });

  it('reads a female NIP', () => {
    const r = parseNip('199001312014022003');
    expect(r.ok && r.nip.gender).toBe('FEMALE');
  });

  it.each([
    ['19860926201505100', 'format', /18 digits/],
    ['1986092620150510011', 'format', /18 digits/],
    ['19860926-201505-1-001', 'format', /non-digits/],
    ['19860231201505 1 001', 'birthDate', /digits 1-8 \(19860231\)/],
    ['19861326201505 1 001', 'birthDate', /real birth date/],
    ['19860926201513 1 001', 'appointment', /month 01-12/],
    ['19860926201500 1 001', 'appointment', /month 01-12/],
    ['19860926200305 1 001', 'appointment', /cannot precede the 18th birthday/],
    ['19860926201505 3 001', 'sex', /digit 15 \(3\) must be 1 \(male\) or 2 \(female\)/],
    ['19860926201505 0 001', 'sex', /digit 15/],
    ['19860926201505 1 000', 'sequence', /001 to 999/],
  ])('refuses %s: the %s part', (raw, part, message) => {
    const r = parseNip(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.part).toBe(part);
      expect(r.message).toMatch(message);
    }
  });

  it('accepts an appointment in the month of the 18th birthday', () => {
    expect(parseNip('19860926200409 1 001').ok).toBe(true);
  });

  it('names the part that disagrees with the record', () => {
    const r = parseNip('198609262015051001');
    if (!r.ok) throw new Error('expected a valid NIP');
    expect(nipDisagreements(r.nip, { birthDate: '1986-09-26', gender: 'MALE' })).toEqual([]);
    expect(nipDisagreements(r.nip, { birthDate: '1986-09-27', gender: 'MALE' })).toEqual([
      'the birth date in digits 1-8 (1986-09-26) disagrees with birthDate 1986-09-27',
    ]);
    expect(nipDisagreements(r.nip, { birthDate: '1986-09-26', gender: 'FEMALE' })[0]).toMatch(/sex digit 15 \(1, male\) disagrees with gender FEMALE/);
  });

  it('formats for people', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
  });
});
