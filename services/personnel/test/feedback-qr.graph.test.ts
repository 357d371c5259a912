// Query.feedbackQrUnits through the gateway with real PostgreSQL: whose citizen-feedback QR codes the caller prints
// (WEB.md, citizen page; domain/access.ts, printsFeedbackQr).
import { codeOf, createUnit, graphql, graphqlOk, registerEmployee, setUnitHead, startGraph, type Person, type TestGraph } from '@kinerja/testing';
import { personnelService } from '../src';
import { ADMIN_ID } from './helpers';

const QUERY = '{ feedbackQrUnits { code name kind } }';

describe('feedbackQrUnits: the units whose QR codes the caller prints', () => {
  let graph: TestGraph;
  let admin: string;
  let kadis: Person; // heads DISDIK
  let kabid: Person; // heads DISDIK-PNF, below DISDIK
  let staff: Person; // works in DISDIK-PNF, heads nothing
  let kapus: Person; // heads DINKES
  let pnf: string;
  const codes = async (token?: string): Promise<string[]> => {
    const data = await graphqlOk<{ feedbackQrUnits: Array<{ code: string }> }>(graph.url, QUERY, {}, token ? { token } : {});
    return data.feedbackQrUnits.map((u) => u.code);
  };

  beforeAll(async () => {
    graph = await startGraph([personnelService], 'personnel_qr');
    admin = await graph.token(ADMIN_ID, ['ADMIN', 'EMPLOYEE']);
    const disdik = await createUnit(graph.url, admin, 'DISDIK', 'Dinas Pendidikan', 'DINAS');
    pnf = await createUnit(graph.url, admin, 'DISDIK-PNF', 'Bidang Pendidikan Nonformal', 'BIDANG', disdik);
    await createUnit(graph.url, admin, 'DISDIK-PNF-SKB', 'UPTD Sanggar Kegiatan Belajar', 'UPTD', pnf);
    const dinkes = await createUnit(graph.url, admin, 'DINKES', 'Dinas Kesehatan', 'DINAS');
    kadis = await registerEmployee(graph.url, admin, { name: 'Hendra Saputra', unitId: disdik, sequence: 1, positionKind: 'JPT' });
    kabid = await registerEmployee(graph.url, admin, { name: 'Siti Aminah', unitId: pnf, supervisorId: kadis.id, sequence: 2, positionKind: 'ADMINISTRATOR' });
    staff = await registerEmployee(graph.url, admin, { name: 'Budi Santoso', unitId: pnf, supervisorId: kabid.id, sequence: 3 });
    kapus = await registerEmployee(graph.url, admin, { name: 'Wati Handayani', unitId: dinkes, sequence: 4, positionKind: 'JPT' });
    await setUnitHead(graph.url, admin, disdik, kadis.id);
    await setUnitHead(graph.url, admin, pnf, kabid.id);
    await setUnitHead(graph.url, admin, dinkes, kapus.id);
  });

  afterAll(() => graph?.stop());

  it('gives ADMIN (BKPSDM) every unit, roots first, with what a QR card prints', async () => {
    const data = await graphqlOk(graph.url, QUERY, {}, { token: admin });
    expect(data.feedbackQrUnits).toEqual([
      { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'DINAS' },
      { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'DINAS' },
      { code: 'DISDIK-PNF', name: 'Bidang Pendidikan Nonformal', kind: 'BIDANG' },
      { code: 'DISDIK-PNF-SKB', name: 'UPTD Sanggar Kegiatan Belajar', kind: 'UPTD' },
    ]);
  });

  it('gives a unit head the units they head and every unit below them, never a unit above or beside', async () => {
    expect(await codes(await graph.token(kadis.id))).toEqual(['DISDIK', 'DISDIK-PNF', 'DISDIK-PNF-SKB']);
    expect(await codes(await graph.token(kabid.id))).toEqual(['DISDIK-PNF', 'DISDIK-PNF-SKB']);
    expect(await codes(await graph.token(kapus.id))).toEqual(['DINKES']);
  });

  it('gives an employee who heads no unit an empty list, not an error', async () => {
    expect(await codes(await graph.token(staff.id))).toEqual([]);
  });

  it('follows the head as personnel records it: a new head gets the unit, the one before loses it', async () => {
    await setUnitHead(graph.url, admin, pnf, staff.id);
    try {
      expect(await codes(await graph.token(staff.id))).toEqual(['DISDIK-PNF', 'DISDIK-PNF-SKB']);
      expect(await codes(await graph.token(kabid.id))).toEqual([]);
      // The agency's head still reaches the bidang through DISDIK.
      expect(await codes(await graph.token(kadis.id))).toEqual(['DISDIK', 'DISDIK-PNF', 'DISDIK-PNF-SKB']);
    } finally {
      await setUnitHead(graph.url, admin, pnf, kabid.id);
    }
  });

  it('refuses a caller without a token with UNAUTHENTICATED, like every other query', async () => {
    const r = await graphql(graph.url, QUERY);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.data?.feedbackQrUnits ?? null).toBeNull();
  });
});
