import { validateEnvelope } from '@kinerja/events';
import { codeOf, createUnit, graphql, graphqlOk, readTopic, registerEmployee, rowCounts, startGraph, type TestGraph } from '@kinerja/testing';
import { personnelService } from '../src';
import { addDays, addYears, regencyToday } from '../src/domain/dates';
import { ADMIN_ID, REGISTER } from './helpers';

/** A PPPK-layout NIP: birth date, TMT year, code 2, contract count, sex, sequence (DOMAIN.md, "NIP"). */
function pppkNip(birthDate: string, tmtYear: number, gender: 'MALE' | 'FEMALE', sequence: number, contract = 1): string {
  return `${birthDate.replace(/-/g, '')}${tmtYear}2${contract}${gender === 'MALE' ? 1 : 2}${String(sequence).padStart(3, '0')}`;
}

/** A contract of `years` ending `endsInDays` from today. */
function contractEnding(endsInDays: number, number: string, years = 2) {
  const endsOn = addDays(regencyToday(), endsInDays);
  return { number, startsOn: addDays(addYears(endsOn, -years), 1), endsOn };
}

const PPPK_FIELDS = 'id nip employmentType grade pppkGrade contract { id number sequence startsOn endsOn status renewalReason endReason } contracts { number sequence status }';
const REGISTER_PPPK = `mutation($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { ${PPPK_FIELDS} } }`;
const ENDING = `query($d: Int) { contractsEnding(withinDays: $d) { name nip contract { number endsOn } } }`;
const TRAIL = `query($t: String!, $id: ID!) { auditTrail(entityType: $t, entityId: $id) { entries { action actorId reason before after } } }`;

describe('PPPK through the gateway', () => {
  let graph: TestGraph;
  let admin: string;
  let school: string;
  let kepala: { id: string; nip: string };
  const guru = { name: 'Andi Pratama, S.Pd.', gender: 'MALE', birthDate: '1989-02-25', positionTitle: 'Guru Ahli Pertama', positionKind: 'FUNGSIONAL' };

  beforeAll(async () => {
    graph = await startGraph([personnelService], 'pppk');
    admin = await graph.token(ADMIN_ID, ['ADMIN', 'EMPLOYEE']);
    school = await createUnit(graph.url, admin, 'UPTD-SMPN1', 'UPTD SMP Negeri 1 Muara Bungo', 'UPTD');
    kepala = await registerEmployee(graph.url, admin, { name: 'Hj. Nurhayati', gender: 'FEMALE', birthDate: '1972-06-06', unitId: school, sequence: 1, positionKind: 'PENGAWAS' });
  });
  afterAll(() => graph?.stop());

  let andi: { id: string; contract: { id: string } };

  it('registers a PPPK with NIP 198902252024211013: golongan IX, no pangkat, the first contract', async () => {
    const contract = contractEnding(30, '800/112/PK-PPPK/BKPSDMD/2024');
    const data = await graphqlOk(graph.url, REGISTER_PPPK, { input: {
      ...guru, nip: '198902252024211013', employmentType: 'PPPK', pppkGrade: 'IX', unitId: school, supervisorId: kepala.id, contract,
    } }, { token: admin });
    expect(data.registerEmployee).toMatchObject({
      nip: '198902252024211013', employmentType: 'PPPK', grade: null, pppkGrade: 'IX',
      contract: { ...contract, sequence: 1, status: 'ACTIVE', renewalReason: null, endReason: null },
      contracts: [{ number: contract.number, sequence: 1, status: 'ACTIVE' }],
    });
    andi = data.registerEmployee;
    // The employee sees their own contract; a colleague does not.
    const own = await graphqlOk(graph.url, `{ me { pppkGrade contract { number } } }`, {}, { token: await graph.token(andi.id) });
    expect(own.me).toEqual({ pppkGrade: 'IX', contract: { number: contract.number } });
    const other = await graphql(graph.url, `query($id: ID!) { employee(id: $id) { contract { number } } }`, { id: andi.id }, { token: await graph.token(ADMIN_ID, ['EMPLOYEE']) });
    expect(codeOf(other)).toBe('FORBIDDEN');
  });

  it('refuses the same NIP for a PNS record, naming digits 13-14, and a PNS NIP for a PPPK', async () => {
    const before = await rowCounts(graph.databases.personnel!.url, ['employee', 'work_contract']);
    const asPns = await graphql(graph.url, REGISTER, { input: {
      ...guru, nip: '198902252024211013', employmentType: 'PNS', grade: 'III_A', unitId: school,
    } }, { token: admin });
    expect(codeOf(asPns)).toBe('BAD_USER_INPUT');
    expect(asPns.errors?.[0]?.message).toMatch(/^nip: digits 13-14 \(21\) are the PPPK code 2 and a contract count, but employmentType is PNS/);
    expect(asPns.errors?.[0]?.extensions?.messageId).toMatch(/Digit 13-14 NIP/);
    const asPppk = await graphql(graph.url, REGISTER_PPPK, { input: {
      ...guru, nip: '19890225 201505 1 013', employmentType: 'PPPK', pppkGrade: 'IX', unitId: school, contract: contractEnding(400, 'PK-X'),
    } }, { token: admin });
    expect(codeOf(asPppk)).toBe('BAD_USER_INPUT');
    expect(asPppk.errors?.[0]?.message).toMatch(/^nip: digits 13-14 \(05\) are a PNS TMT month, but employmentType is PPPK/);
    expect(await rowCounts(graph.databases.personnel!.url, ['employee', 'work_contract'])).toEqual(before);
  });

  it.each([
    ['a PPPK without pppkGrade', { pppkGrade: null }, /^pppkGrade: is required for PPPK/],
    ['a PPPK with a PNS grade', { grade: 'III_A' }, /^grade: must be empty for PPPK/],
    ['a PPPK without a contract', { contract: null }, /^contract: is required for PPPK/],
    ['a six-year contract', { contract: { number: 'PK-6', startsOn: '2025-01-01', endsOn: '2030-12-31' } }, /^contract\.endsOn: a PPPK contract runs 1 to 5 years \(PP 49\/2018 art\. 37\)/],
    ['a contract before the TMT in the NIP', { contract: { number: 'PK-0', startsOn: '2024-01-01', endsOn: '2024-12-31' } }, /^contract\.startsOn: must not be before the first appointment \(TMT 2025-01-01\)/],
    ['a PNS with a PPPK golongan', { employmentType: 'PNS', nip: '199104042019032002', gender: 'FEMALE', birthDate: '1991-04-04', grade: 'III_A' }, /^pppkGrade: must be empty for PNS/],
    ['a birth date that disagrees', { birthDate: '1991-04-05' }, /^nip: the birth date in digits 1-8 \(1991-04-04\) disagrees with birthDate 1991-04-05/],
    ['a sex that disagrees', { gender: 'MALE' }, /^nip: the sex digit 15 \(2, female\) disagrees with gender MALE/],
  ])('refuses %s, naming the field, and writes nothing', async (_what, override, message) => {
    const before = await rowCounts(graph.databases.personnel!.url, ['employee', 'work_contract']);
    const r = await graphql(graph.url, REGISTER_PPPK, { input: {
      name: 'Rina Marlina', gender: 'FEMALE', birthDate: '1991-04-04', nip: pppkNip('1991-04-04', 2025, 'FEMALE', 7), employmentType: 'PPPK', pppkGrade: 'VII',
      positionTitle: 'Penata Layanan Operasional', positionKind: 'PELAKSANA', unitId: school, contract: { number: 'PK-RM', startsOn: '2025-01-01', endsOn: '2029-12-31' },
      ...override,
    } }, { token: admin });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(r.errors?.[0]?.extensions?.messageId).toBeTruthy();
    expect(await rowCounts(graph.databases.personnel!.url, ['employee', 'work_contract'])).toEqual(before);
  });

  it('keeps the layout matching employmentType on update, and each golongan to its type', async () => {
    const q = `mutation($id: ID!, $i: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $i) { employmentType grade pppkGrade } }`;
    const toPns = await graphql(graph.url, q, { id: andi.id, i: { employmentType: 'PNS', grade: 'III_A' } }, { token: admin });
    expect(codeOf(toPns)).toBe('BAD_USER_INPUT');
    expect(toPns.errors?.[0]?.message).toMatch(/^nip: digits 13-14 \(21\) are the PPPK code 2 and a contract count, but employmentType is PNS/);
    const pnsGrade = await graphql(graph.url, q, { id: andi.id, i: { grade: 'III_A' } }, { token: admin });
    expect(pnsGrade.errors?.[0]?.message).toMatch(/^grade: must be empty for PPPK/);
    const onPns = await graphql(graph.url, q, { id: kepala.id, i: { pppkGrade: 'IX' } }, { token: admin });
    expect(onPns.errors?.[0]?.message).toMatch(/^pppkGrade: must be empty for PNS/);
    const toPppk = await graphql(graph.url, q, { id: kepala.id, i: { employmentType: 'PPPK', pppkGrade: 'IX' } }, { token: admin });
    expect(toPppk.errors?.[0]?.message).toMatch(/^nip: digits 13-14 \(05\) are a PNS TMT month, but employmentType is PPPK/);
    const ok = await graphqlOk(graph.url, q, { id: andi.id, i: { pppkGrade: 'X' } }, { token: admin });
    expect(ok.updateEmployee).toEqual({ employmentType: 'PPPK', grade: null, pppkGrade: 'X' });
  });

  it('ignores no-break spaces pasted from a PDF and stores the NIP without them', async () => {
    const pasted = '19910404\u00A02025\u00A02\u202F1\u202F2\u2009007';
    const data = await graphqlOk(graph.url, REGISTER_PPPK, { input: {
      name: 'Rina Marlina', gender: 'FEMALE', birthDate: '1991-04-04', nip: pasted, employmentType: 'PPPK', pppkGrade: 'VII',
      positionTitle: 'Penata Layanan Operasional', positionKind: 'PELAKSANA', unitId: school, supervisorId: kepala.id, contract: contractEnding(200, 'PK-RM', 1),
    } }, { token: admin });
    expect(data.registerEmployee.nip).toBe('199104042025212007');
    const found = await graphqlOk(graph.url, `query($n: String!) { employee(nip: $n) { name } }`, { n: '19910404\u202F2025\u202F2 1 2 007' }, { token: admin });
    expect(found.employee).toEqual({ name: 'Rina Marlina' });
  });

  it('lists contracts ending within 90 days for ADMIN, soonest first, and refuses everyone else', async () => {
    await graphqlOk(graph.url, REGISTER_PPPK, { input: {
      name: 'Yusuf Hidayat', gender: 'MALE', birthDate: '1995-07-14', nip: pppkNip('1995-07-14', 2024, 'MALE', 21), employmentType: 'PPPK', pppkGrade: 'V',
      positionTitle: 'Pengadministrasi Perkantoran', positionKind: 'PELAKSANA', unitId: school, supervisorId: kepala.id, contract: contractEnding(75, 'PK-YH'),
    } }, { token: admin });
    const soon = await graphqlOk(graph.url, ENDING, {}, { token: admin });
    expect(soon.contractsEnding.map((e: { name: string }) => e.name)).toEqual(['Andi Pratama, S.Pd.', 'Yusuf Hidayat']);
    expect(soon.contractsEnding[0].contract).toEqual({ number: '800/112/PK-PPPK/BKPSDMD/2024', endsOn: addDays(regencyToday(), 30) });
    const year = await graphqlOk(graph.url, ENDING, { d: 365 }, { token: admin });
    expect(year.contractsEnding.map((e: { name: string }) => e.name)).toEqual(['Andi Pratama, S.Pd.', 'Yusuf Hidayat', 'Rina Marlina']);
    const bad = await graphql(graph.url, ENDING, { d: -5 }, { token: admin });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    for (const token of [await graph.token(andi.id), await graph.token(kepala.id), await graph.token(ADMIN_ID, ['ANALYST'])]) {
      const r = await graphql(graph.url, ENDING, { d: -5 }, { token });
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.data?.contractsEnding ?? null).toBeNull();
    }
  });

  it('renews a contract from the day after it ends, audited with the reason', async () => {
    const old = contractEnding(30, '');
    const newEnd = addDays(addYears(old.endsOn, 5), 0);
    const q = `mutation($e: ID!, $end: Date!, $n: String!, $r: String!) { renewContract(employeeId: $e, endsOn: $end, number: $n, reason: $r) { ${PPPK_FIELDS} } }`;
    const vars = { e: andi.id, end: newEnd, n: '800/214/PK-PPPK/BKPSDMD/2026', r: 'Predikat BAIK 2024 dan 2025; formasi guru matematika masih dibutuhkan' };
    const forbidden = await graphql(graph.url, q, { ...vars, end: '1900-01-01' }, { token: await graph.token(kepala.id) });
    expect(codeOf(forbidden)).toBe('FORBIDDEN');
    const tooLong = await graphql(graph.url, q, { ...vars, end: addDays(newEnd, 1) }, { token: admin });
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0]?.message).toMatch(/^endsOn: a PPPK contract runs 1 to 5 years/);
    const taken = await graphql(graph.url, q, { ...vars, n: 'PK-YH' }, { token: admin });
    expect(codeOf(taken)).toBe('CONFLICT');

    const data = await graphqlOk(graph.url, q, vars, { token: admin });
    expect(data.renewContract.contract).toMatchObject({
      number: vars.n, sequence: 2, startsOn: addDays(old.endsOn, 1), endsOn: newEnd, status: 'ACTIVE', renewalReason: vars.r,
    });
    expect(data.renewContract.contracts).toEqual([
      { number: vars.n, sequence: 2, status: 'ACTIVE' },
      { number: '800/112/PK-PPPK/BKPSDMD/2024', sequence: 1, status: 'RENEWED' },
    ]);
    const trail = await graphqlOk(graph.url, TRAIL, { t: 'WorkContract', id: data.renewContract.contract.id }, { token: admin });
    expect(trail.auditTrail.entries).toEqual([expect.objectContaining({ action: 'renewContract', actorId: ADMIN_ID, reason: vars.r, before: null })]);
    const previousTrail = await graphqlOk(graph.url, TRAIL, { t: 'WorkContract', id: andi.contract.id }, { token: admin });
    expect(previousTrail.auditTrail.entries.map((e: { action: string }) => e.action)).toEqual(['registerEmployee', 'renewContract']);
    // No longer ending within 90 days.
    const soon = await graphqlOk(graph.url, ENDING, {}, { token: admin });
    expect(soon.contractsEnding.map((e: { name: string }) => e.name)).toEqual(['Yusuf Hidayat']);
  });

  it('ends a contract with a reason; it leaves the list, and ends only once', async () => {
    const yusuf = (await graphqlOk(graph.url, `{ employees(search: "yusuf") { edges { node { id contract { id endsOn } } } } }`, {}, { token: admin })).employees.edges[0].node;
    const q = `mutation($e: ID!, $end: Date!, $r: String!) { endContract(employeeId: $e, endsOn: $end, reason: $r) { contract { status endsOn endReason } } }`;
    const reason = 'Tidak diperpanjang: formasi pengadministrasi dialihkan';
    const data = await graphqlOk(graph.url, q, { e: yusuf.id, end: yusuf.contract.endsOn, r: reason }, { token: admin });
    expect(data.endContract.contract).toEqual({ status: 'ENDED', endsOn: yusuf.contract.endsOn, endReason: reason });
    const again = await graphql(graph.url, q, { e: yusuf.id, end: yusuf.contract.endsOn, r: reason }, { token: admin });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.message).toMatch(/^employeeId: the current contract is already ENDED/);
    const pns = await graphql(graph.url, q, { e: kepala.id, end: yusuf.contract.endsOn, r: reason }, { token: admin });
    expect(pns.errors?.[0]?.message).toMatch(/^employeeId: is a PNS: work contracts are for PPPK/);
    const trail = await graphqlOk(graph.url, TRAIL, { t: 'WorkContract', id: yusuf.contract.id }, { token: admin });
    const last = trail.auditTrail.entries.at(-1);
    expect(last).toMatchObject({ action: 'endContract', reason });
    expect(JSON.parse(last.before)).toMatchObject({ status: 'ACTIVE' });
    expect(JSON.parse(last.after)).toMatchObject({ status: 'ENDED', endReason: reason });
    expect((await graphqlOk(graph.url, ENDING, {}, { token: admin })).contractsEnding).toEqual([]);
  });

  it('turns a PNS record into a PPPK one with the PPPK NIP, golongan and contract, once', async () => {
    const bambang = await registerEmployee(graph.url, admin, { name: 'Bambang Irawan', birthDate: '1990-05-05', unitId: school, sequence: 41 });
    const q = `mutation($id: ID!, $i: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $i) { nip employmentType grade pppkGrade contract { number sequence status } } }`;
    const noContract = await graphql(graph.url, q, { id: bambang.id, i: { employmentType: 'PPPK', nip: pppkNip('1990-05-05', 2025, 'MALE', 41), pppkGrade: 'VII' } }, { token: admin });
    expect(noContract.errors?.[0]?.message).toMatch(/^contract: is required for PPPK/);
    const i = { employmentType: 'PPPK', nip: pppkNip('1990-05-05', 2025, 'MALE', 41), pppkGrade: 'VII', contract: { number: 'PK-BI/2025', startsOn: '2025-01-01', endsOn: '2029-12-31' } };
    const data = await graphqlOk(graph.url, q, { id: bambang.id, i }, { token: admin });
    expect(data.updateEmployee).toEqual({
      nip: '199005052025211041', employmentType: 'PPPK', grade: null, pppkGrade: 'VII', contract: { number: 'PK-BI/2025', sequence: 1, status: 'ACTIVE' },
    });
    const again = await graphql(graph.url, q, { id: bambang.id, i: { contract: { number: 'PK-BI/2026', startsOn: '2025-01-01', endsOn: '2029-12-31' } } }, { token: admin });
    expect(again.errors?.[0]?.message).toMatch(/^contract: this employee already has contract PK-BI\/2025 \(ACTIVE\) on record; the next one is recorded through renewContract/);
  });

  it('publishes kinerja.contract.changed.v1 for each recorded, renewed and ended contract, through the outbox', async () => {
    const seen = (await readTopic(`${graph.topicPrefix}kinerja.contract.changed.v1`, 6, { timeoutMs: 20_000 }))
      .map((m) => ({ key: m.key, value: JSON.parse(m.value ?? 'null') }));
    for (const s of seen) expect(validateEnvelope('contract.changed', s.value)).toMatchObject({ ok: true });
    const ofAndi = seen.filter((s) => s.key === andi.id).map((s) => s.value.data);
    expect(ofAndi.map((d) => [d.change, d.contract.sequence, d.previous?.status ?? null])).toEqual([['RECORDED', 1, null], ['RENEWED', 2, 'RENEWED']]);
    expect(ofAndi[1].reason).toMatch(/formasi guru matematika/);
    expect(seen.map((s) => s.value.data.change).sort()).toEqual(['ENDED', 'RECORDED', 'RECORDED', 'RECORDED', 'RECORDED', 'RENEWED']);
  });
});
