import { contractTermProblem, endingBy, ending, firstContractProblem, renewal, type ContractState } from '../../src/domain/contract';
import { addYears } from '../../src/domain/dates';

describe('PPPK work contracts (PP 49/2018 art. 37: 1 to 5 years)', () => {
  it.each([
    ['2024-01-01', '2024-12-31', null],
    ['2024-01-01', '2028-12-31', null],
    ['2024-03-01', '2025-02-28', null],
    ['2024-01-01', '2024-12-30', /ends between 2024-12-31 and 2028-12-31, not 2024-12-30/],
    ['2024-01-01', '2029-01-01', /1 to 5 years/],
    ['2024-01-01', '2023-12-31', /must not be before startsOn 2024-01-01/],
  ])('%s to %s: %s', (startsOn, endsOn, message) => {
    const p = contractTermProblem(startsOn, endsOn);
    if (message === null) expect(p).toBeNull();
    else expect(p?.message).toMatch(message);
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('records a first contract no earlier than the TMT of the NIP', () => {
    expect(firstContractProblem({ number: '800/1/PK/2024', startsOn: '2024-01-01', endsOn: '2028-12-31' }, '2024-01-01')).toBeNull();
    expect(firstContractProblem({ number: '800/1/PK/2024', startsOn: '2023-12-01', endsOn: '2024-11-30' }, '2024-01-01'))
      .toMatchObject({ field: 'contract.startsOn', message: expect.stringMatching(/TMT 2024-01-01/) });
    expect(firstContractProblem({ number: ' ', startsOn: '2024-01-01', endsOn: '2024-12-31' }, '2024-01-01')).toMatchObject({ field: 'contract.number' });
  });

  const active: ContractState = { sequence: 1, startsOn: '2024-01-01', endsOn: '2026-12-31', status: 'ACTIVE' };

  it('renews into a contract that starts the day after, with the next sequence', () => {
    expect(renewal(active, { endsOn: '2031-12-31', number: 'PK-2', reason: 'Predikat BAIK dua tahun' })).toEqual({ ok: true, startsOn: '2027-01-01', sequence: 2 });
  });

  it.each([
    [null, { endsOn: '2027-12-31', number: 'PK-2', reason: 'kebutuhan formasi' }, 'employeeId', /no contract on record/],
    [{ ...active, status: 'ENDED' as const }, { endsOn: '2027-12-31', number: 'PK-2', reason: 'kebutuhan formasi' }, 'employeeId', /is ENDED/],
    [active, { endsOn: '2027-12-31', number: 'PK-2', reason: 'ok' }, 'reason', /5 to 2000/],
    [active, { endsOn: '2032-01-01', number: 'PK-2', reason: 'kebutuhan formasi' }, 'endsOn', /from 2027-01-01 it ends between 2027-12-31 and 2031-12-31/],
    [active, { endsOn: '2027-06-30', number: 'PK-2', reason: 'kebutuhan formasi' }, 'endsOn', /1 to 5 years/],
  ])('refuses a renewal of %j with %j: %s', (current, next, field, message) => {
    const r = renewal(current, next);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ field, message: expect.stringMatching(message) });
  });

  it.each([
    [{ endsOn: '2026-12-31', reason: 'Tidak diperpanjang: formasi dihapus' }, null],
    [{ endsOn: '2025-06-30', reason: 'Mengundurkan diri' }, null],
    [{ endsOn: '2027-01-31', reason: 'Tidak diperpanjang' }, /a longer term is a renewal/],
    [{ endsOn: '2023-12-31', reason: 'Tidak diperpanjang' }, /before the contract began/],
    [{ endsOn: '2026-12-31', reason: '' }, /say why/],
  ])('ends the contract in force: %j', (next, message) => {
    const p = ending(active, next);
    if (message === null) expect(p).toBeNull();
    else expect(p?.message).toMatch(message);
  });

  it('looks ahead 0 to 366 days for contracts ending', () => {
    expect(endingBy('2026-12-03', 90)).toBe('2027-03-03');
    expect(endingBy('2026-12-03', 0)).toBe('2026-12-03');
    expect(endingBy('2026-12-03', -1)).toMatchObject({ field: 'withinDays' });
    expect(endingBy('2026-12-03', 367)).toMatchObject({ field: 'withinDays' });
  });
});
