import { codeOf, createUnit, graphql, graphqlOk, nipFor, registerEmployee, rowCounts, setUnitHead, startGraph, type TestGraph } from '@kinerja/testing';
import { personnelService } from '../src';
import { ADMIN_ID, REGISTER } from './helpers';

describe('personnel through the gateway', () => {
  let graph: TestGraph;
  let admin: string;
  let disdik: string;
  let bidang: string;
  let dinkes: string;
  let head: { id: string; nip: string };
  let kabid: { id: string; nip: string };
  let staff: { id: string; nip: string };
  let peer: { id: string; nip: string };

  beforeAll(async () => {
    graph = await startGraph([personnelService], 'personnel');
    admin = await graph.token(ADMIN_ID, ['ADMIN', 'EMPLOYEE']);
    disdik = await createUnit(graph.url, admin, 'DISDIK', 'Dinas Pendidikan', 'DINAS');
    bidang = await createUnit(graph.url, admin, 'DISDIK-PNF', 'Bidang Pendidikan Nonformal', 'BIDANG', disdik);
    dinkes = await createUnit(graph.url, admin, 'DINKES', 'Dinas Kesehatan', 'DINAS');
    head = await registerEmployee(graph.url, admin, { name: 'Hendra Saputra', unitId: disdik, sequence: 1, positionKind: 'JPT' });
    kabid = await registerEmployee(graph.url, admin, { name: 'Siti Aminah', gender: 'FEMALE', birthDate: '1980-01-15', unitId: bidang, supervisorId: head.id, sequence: 2, positionKind: 'ADMINISTRATOR' });
    staff = await registerEmployee(graph.url, admin, { name: 'Budi Santoso', birthDate: '1990-03-03', unitId: bidang, supervisorId: kabid.id, sequence: 3 });
    peer = await registerEmployee(graph.url, admin, { name: 'Rina Lestari', gender: 'FEMALE', birthDate: '1991-04-04', unitId: bidang, supervisorId: kabid.id, sequence: 4 });
  });

  afterAll(() => graph?.stop());

  it('builds a unit tree, roots first, and sets a head', async () => {
    const set = await graphqlOk(graph.url, `mutation($u: ID!, $e: ID!) { setUnitHead(unitId: $u, employeeId: $e) { code head { name } } }`, { u: disdik, e: head.id }, { token: admin });
    expect(set.setUnitHead).toEqual({ code: 'DISDIK', head: { name: 'Hendra Saputra' } });
    const data = await graphqlOk(graph.url, `{ organizationUnits { code parent { code } children { code } head { name } } }`, {}, { token: admin });
    expect(data.organizationUnits.map((u: { code: string }) => u.code)).toEqual(['DINKES', 'DISDIK', 'DISDIK-PNF']);
    expect(data.organizationUnits[1]).toEqual({ code: 'DISDIK', parent: null, children: [{ code: 'DISDIK-PNF' }], head: { name: 'Hendra Saputra' } });
    expect(data.organizationUnits[2].parent).toEqual({ code: 'DISDIK' });
  });

  it('refuses a head who does not belong to the unit', async () => {
    const r = await graphql(graph.url, `mutation($u: ID!, $e: ID!) { setUnitHead(unitId: $u, employeeId: $e) { code } }`, { u: dinkes, e: staff.id }, { token: admin });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/employeeId: the head must be an employee of the unit/);
  });

  it('finds an employee by NIP written with spaces, with unit and supervisor', async () => {
    const spaced = `${staff.nip.slice(0, 8)} ${staff.nip.slice(8, 14)} ${staff.nip.slice(14, 15)} ${staff.nip.slice(15)}`;
    const data = await graphqlOk(graph.url, `query($nip: String!) { employee(nip: $nip) { name nip unit { code } supervisor { name supervisor { name } } } }`, { nip: spaced }, { token: admin });
    expect(data.employee).toEqual({ name: 'Budi Santoso', nip: staff.nip, unit: { code: 'DISDIK-PNF' }, supervisor: { name: 'Siti Aminah', supervisor: { name: 'Hendra Saputra' } } });
  });

  it('refuses a duplicate NIP with CONFLICT and writes nothing', async () => {
    const before = await rowCounts(graph.databases.personnel!.url, ['employee']);
    const r = await graphql(graph.url, REGISTER, { input: {
      nip: staff.nip, name: 'Budi Kembar', gender: 'MALE', birthDate: '1990-03-03', employmentType: 'PNS', grade: 'III_A',
      positionTitle: 'Pengelola Data', positionKind: 'PELAKSANA', unitId: bidang,
    } }, { token: admin });
    expect(codeOf(r)).toBe('CONFLICT');
    expect(r.errors?.[0]?.message).toMatch(/^nip: this NIP is already registered/);
    expect(await rowCounts(graph.databases.personnel!.url, ['employee'])).toEqual(before);
  });

  it.each([
    ['birth date', { birthDate: '1990-03-04' }, /nip: the birth date in digits 1-8 \(1990-03-03\) disagrees with birthDate 1990-03-04/],
    ['sex', { gender: 'FEMALE' }, /nip: the sex digit 15 \(1, male\) disagrees with gender FEMALE/],
  ])('refuses a NIP whose %s disagrees with the record, naming the part', async (_part, override, message) => {
    const r = await graphql(graph.url, REGISTER, { input: {
      nip: nipFor('1990-03-03', '201505', 'MALE', 77), name: 'Joni Iskandar', gender: 'MALE', birthDate: '1990-03-03', employmentType: 'PNS',
      grade: 'III_A', positionTitle: 'Pengelola Data', positionKind: 'PELAKSANA', unitId: bidang, ...override,
    } }, { token: admin });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(message);
  });

  it('refuses a malformed NIP and a PNS without grade, naming the field', async () => {
    const base = { name: 'Joni Iskandar', gender: 'MALE', birthDate: '1990-03-03', employmentType: 'PNS', grade: 'III_A', positionTitle: 'Pengelola Data', positionKind: 'PELAKSANA', unitId: bidang };
    const bad = await graphql(graph.url, REGISTER, { input: { ...base, nip: '19900303 201505 3 001' } }, { token: admin });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/nip: digit 15 \(3\)/);
    const noGrade = await graphql(graph.url, REGISTER, { input: { ...base, nip: nipFor('1990-03-03', '201505', 'MALE', 78), grade: null } }, { token: admin });
    expect(noGrade.errors?.[0]?.message).toMatch(/^grade: is required for PNS/);
  });

  it('refuses an impossible date with BAD_USER_INPUT through the gateway, not a server error', async () => {
    const r = await graphql(graph.url, REGISTER, { input: {
      nip: nipFor('1990-03-03', '201505', 'MALE', 79), name: 'Joni Iskandar', gender: 'MALE', birthDate: '1990-02-30', employmentType: 'PNS',
      grade: 'III_A', positionTitle: 'Pengelola Data', positionKind: 'PELAKSANA', unitId: bidang,
    } }, { token: admin });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/real calendar date/);
  });

  it('refuses supervisor cycles, directly and indirectly', async () => {
    const before = await rowCounts(graph.databases.personnel!.url, ['employee']);
    const indirect = await graphql(graph.url, `mutation($id: ID!, $u: ID!, $s: ID) { transferEmployee(id: $id, unitId: $u, supervisorId: $s) { id } }`,
      { id: head.id, u: disdik, s: staff.id }, { token: admin });
    expect(codeOf(indirect)).toBe('BAD_USER_INPUT');
    expect(indirect.errors?.[0]?.message).toMatch(/supervisorId: would make a supervisor cycle/);
    const self = await graphql(graph.url, `mutation($id: ID!, $u: ID!, $s: ID) { transferEmployee(id: $id, unitId: $u, supervisorId: $s) { id } }`,
      { id: staff.id, u: bidang, s: staff.id }, { token: admin });
    expect(self.errors?.[0]?.message).toMatch(/supervisorId: an employee cannot supervise themself/);
    const after = await graphqlOk(graph.url, `query($id: ID!) { employee(id: $id) { supervisor { id } } }`, { id: head.id }, { token: admin });
    expect(after.employee.supervisor).toBeNull();
    expect(await rowCounts(graph.databases.personnel!.url, ['employee'])).toEqual(before);
  });

  it('transfers an employee; without a supervisor the new unit head supervises', async () => {
    const mover = await registerEmployee(graph.url, admin, { name: 'Dedi Kurniawan', unitId: bidang, supervisorId: kabid.id, sequence: 9 });
    const dinkesHead = await registerEmployee(graph.url, admin, { name: 'dr. Ratna Dewi', gender: 'FEMALE', birthDate: '1975-05-05', unitId: dinkes, sequence: 10, positionKind: 'JPT' });
    await setUnitHead(graph.url, admin, dinkes, dinkesHead.id);
    const moved = await graphqlOk(graph.url, `mutation($id: ID!, $u: ID!) { transferEmployee(id: $id, unitId: $u) { unit { code } supervisor { name } } }`, { id: mover.id, u: dinkes }, { token: admin });
    expect(moved.transferEmployee).toEqual({ unit: { code: 'DINKES' }, supervisor: { name: 'dr. Ratna Dewi' } });
  });

  it('updates an employee with expectedVersion, refusing a stale one', async () => {
    const q = `mutation($id: ID!, $input: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $input) { positionTitle } }`;
    const ok = await graphqlOk(graph.url, q, { id: peer.id, input: { positionTitle: 'Analis Data', expectedVersion: 1 } }, { token: admin });
    expect(ok.updateEmployee.positionTitle).toBe('Analis Data');
    const stale = await graphql(graph.url, q, { id: peer.id, input: { positionTitle: 'Lagi', expectedVersion: 1 } }, { token: admin });
    expect(codeOf(stale)).toBe('CONFLICT');
  });

  it('paginates 120 employees in pages of 50 with totalCount, in name order', async () => {
    const unit = await createUnit(graph.url, admin, 'KEC-PASAR', 'Kecamatan Pasar Muara Bungo', 'KECAMATAN');
    for (let i = 0; i < 120; i += 20) {
      const mutations = Array.from({ length: 20 }, (_, k) => {
        const n = i + k;
        const nip = nipFor('1992-02-02', '201505', 'MALE', 100 + n);
        return `e${n}: registerEmployee(input: { nip: "${nip}", name: "Pegawai ${String(n).padStart(3, '0')}", gender: MALE, birthDate: "1992-02-02", employmentType: PNS, grade: II_C, positionTitle: "Pengadministrasi Umum", positionKind: PELAKSANA, unitId: "${unit}" }) { id }`;
      });
      await graphqlOk(graph.url, `mutation { ${mutations.join('\n')} }`, {}, { token: admin });
    }
    const names: string[] = [];
    let after: string | null = null;
    const pageSizes: number[] = [];
    for (;;) {
      const data: any = await graphqlOk(graph.url, `query($u: ID!, $after: String) { employees(unitId: $u, first: 50, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`, { u: unit, after }, { token: admin });
      expect(data.employees.totalCount).toBe(120);
      pageSizes.push(data.employees.edges.length);
      names.push(...data.employees.edges.map((e: { node: { name: string } }) => e.node.name));
      if (!data.employees.pageInfo.hasNextPage) break;
      after = data.employees.pageInfo.endCursor;
    }
    expect(pageSizes).toEqual([50, 50, 20]);
    expect(names).toEqual(Array.from({ length: 120 }, (_, n) => `Pegawai ${String(n).padStart(3, '0')}`));
    const nested = await graphqlOk(graph.url, `query($u: ID!) { organizationUnit(id: $u) { employees(first: 50) { totalCount edges { node { name } } pageInfo { hasNextPage } } } }`, { u: unit }, { token: admin });
    expect(nested.organizationUnit.employees.totalCount).toBe(120);
    expect(nested.organizationUnit.employees.edges).toHaveLength(50);
    expect(nested.organizationUnit.employees.pageInfo.hasNextPage).toBe(true);
  });

  it('counts sub-units with includeSubunits', async () => {
    const data = await graphqlOk(graph.url, `{ organizationUnit(code: "DISDIK") { direct: employees { totalCount } all: employees(includeSubunits: true) { totalCount edges { node { name } } } } }`, {}, { token: admin });
    expect(data.organizationUnit.direct.totalCount).toBe(1);
    expect(data.organizationUnit.all.totalCount).toBe(4);
  });

  it('searches by name part and by NIP prefix', async () => {
    const byName = await graphqlOk(graph.url, `{ employees(search: "aminah") { totalCount edges { node { name } } } }`, {}, { token: admin });
    expect(byName.employees.edges.map((e: any) => e.node.name)).toEqual(['Siti Aminah']);
    const byNip = await graphqlOk(graph.url, `query($s: String!) { employees(search: $s) { edges { node { name } } } }`, { s: staff.nip.slice(0, 14) }, { token: admin });
    expect(byNip.employees.edges.map((e: any) => e.node.name)).toEqual(['Budi Santoso']);
  });

  describe('who may', () => {
    it('lets every signed-in employee read the directory, but not write', async () => {
      const token = await graph.token(peer.id);
      const read = await graphqlOk(graph.url, `{ me { name unit { code } } employees(first: 2) { totalCount } }`, {}, { token });
      expect(read.me).toEqual({ name: 'Rina Lestari', unit: { code: 'DISDIK-PNF' } });
      const write = await graphql(graph.url, `mutation { createOrganizationUnit(input: { code: "X1", name: "Unit X", kind: BIDANG }) { id } }`, {}, { token });
      expect(codeOf(write)).toBe('FORBIDDEN');
    });

    it('refuses callers without a token, and with an expired or forged one', async () => {
      expect(codeOf(await graphql(graph.url, `{ employees { totalCount } }`))).toBe('UNAUTHENTICATED');
      const expired = await graph.token(peer.id, ['EMPLOYEE'], { expiresIn: -60 });
      const r1 = await graphql(graph.url, `{ me { name } }`, {}, { token: expired });
      expect(r1.status).toBe(401);
      expect(codeOf(r1)).toBe('UNAUTHENTICATED');
      const forged = await graph.token(peer.id, ['ADMIN'], { secret: 'not-the-secret-of-this-gateway' });
      expect(codeOf(await graphql(graph.url, `{ me { name } }`, {}, { token: forged }))).toBe('UNAUTHENTICATED');
    });

    it('shows birth dates to ADMIN, the person and the supervisor chain only', async () => {
      const q = `query($id: ID!) { employee(id: $id) { name birthDate } }`;
      const asSelf = await graphqlOk(graph.url, q, { id: staff.id }, { token: await graph.token(staff.id) });
      expect(asSelf.employee.birthDate).toBe('1990-03-03');
      const asIndirect = await graphqlOk(graph.url, q, { id: staff.id }, { token: await graph.token(head.id) });
      expect(asIndirect.employee.birthDate).toBe('1990-03-03');
      const asAdmin = await graphqlOk(graph.url, q, { id: staff.id }, { token: admin });
      expect(asAdmin.employee.birthDate).toBe('1990-03-03');
      const asPeer = await graphql(graph.url, q, { id: staff.id }, { token: await graph.token(peer.id) });
      expect(codeOf(asPeer)).toBe('FORBIDDEN');
      expect(JSON.stringify(asPeer.data)).not.toContain('1990-03-03');
      const asAnalyst = await graphql(graph.url, q, { id: staff.id }, { token: await graph.token(ADMIN_ID, ['ANALYST']) });
      expect(codeOf(asAnalyst)).toBe('FORBIDDEN');
    });
  });
});
