// "My supervisor is wrong" through the gateway (WEB.md, My SKP): the employee asks BKPSDM about
// themself, ADMIN lists and resolves; an applied request changes the supervisor by the transfer path.
import { generateRegency } from '@kinerja/demo-regency';
import { graphql, graphqlOk, startGraph, type TestGraph } from '@kinerja/testing';
import { personnelService } from '../src';
import { correctionAccess, CorrectionDecision, CorrectionStatus, requestProblem, resolveProblem } from '../src/domain/supervisor-correction';
import { handlesSupervisorCorrections } from '../src/domain/access';
import { seedPersonnel } from '../src/seed';

const REQUEST = `mutation($i: SupervisorCorrectionInput!) { requestSupervisorCorrection(input: $i) { id status note employee { id } currentSupervisor { id } proposedSupervisor { id } } }`;
const LIST = `query($s: SupervisorCorrectionStatus) { supervisorCorrectionRequests(status: $s) { id status note employee { id name } proposedSupervisor { id } } }`;
const RESOLVE = `mutation($id: ID!, $d: SupervisorCorrectionDecision!, $n: String) { resolveSupervisorCorrection(id: $id, decision: $d, note: $n) { id status resolutionNote resolvedAt } }`;
const MINE = `{ mySupervisorCorrectionRequests { id status resolutionNote } }`;

describe('supervisor correction requests', () => {
  let graph: TestGraph;
  const regency = generateRegency({ employees: 120 });
  const staff = regency.employees.filter((e) => e.status === 'ACTIVE' && e.supervisorId && e.id !== regency.admin.id);
  const [andi, budi] = [staff[0]!, staff[1]!];
  // Someone else active in Andi's unit, not Andi's supervisor nor below him, to propose.
  const proposed = regency.employees.find((e) => e.status === 'ACTIVE' && e.id !== andi.id && e.id !== andi.supervisorId && e.supervisorId !== andi.id && e.positionKind !== 'PELAKSANA')!;
  let admin: string;

  beforeAll(async () => {
    graph = await startGraph([personnelService], 'supervisor_correction');
    await seedPersonnel(graph.services.personnel!.dataSource, regency);
    admin = await graph.token(regency.admin.id, ['ADMIN', 'EMPLOYEE']);
  });
  afterAll(() => graph?.stop());

  it('the employee asks about themself; BKPSDM lists it; a second open request is a CONFLICT in Indonesian', async () => {
    const token = await graph.token(andi.id);
    const r = await graphqlOk<{ requestSupervisorCorrection: Record<string, unknown> }>(graph.url, REQUEST, { i: { note: '  Atasan saya sudah pindah ke Dinas Kesehatan  ', proposedSupervisorId: proposed.id } }, { token });
    expect(r.requestSupervisorCorrection).toMatchObject({
      status: 'OPEN', note: 'Atasan saya sudah pindah ke Dinas Kesehatan', employee: { id: andi.id }, currentSupervisor: { id: andi.supervisorId }, proposedSupervisor: { id: proposed.id },
    });
    const again = await graphql(graph.url, REQUEST, { i: { note: 'Sekali lagi' } }, { token });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', messageId: 'Anda sudah memiliki permintaan koreksi atasan yang sedang diproses BKPSDM' });
    const list = await graphqlOk<{ supervisorCorrectionRequests: Array<{ id: string; employee: { id: string } }> }>(graph.url, LIST, { s: 'OPEN' }, { token: admin });
    expect(list.supervisorCorrectionRequests.map((x) => x.employee.id)).toEqual([andi.id]);
    const mine = await graphqlOk<{ mySupervisorCorrectionRequests: Array<{ status: string }> }>(graph.url, MINE, {}, { token });
    expect(mine.mySupervisorCorrectionRequests).toEqual([expect.objectContaining({ status: 'OPEN' })]);
    const [{ n }] = await graph.services.personnel!.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'SupervisorCorrectionRequest' AND action = 'requestSupervisorCorrection' AND actor_id = $1`, [andi.id]);
    expect(n).toBe(1);
  });

  it('refuses a missing note, oneself as supervisor and an unknown employee, naming the field in Indonesian', async () => {
    const token = await graph.token(budi.id);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ note: '   ' }, 'note', 'Jelaskan apa yang salah pada data atasan Anda'],
      [{ note: 'Salah', proposedSupervisorId: budi.id }, 'proposedSupervisorId', 'Anda tidak dapat menjadi atasan Anda sendiri'],
      [{ note: 'Salah', proposedSupervisorId: '00000000-0000-4000-8000-000000000000' }, 'proposedSupervisorId', 'Pegawai yang diusulkan tidak ditemukan'],
    ];
    for (const [i, field, messageId] of cases) {
      const r = await graphql(graph.url, REQUEST, { i }, { token });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, messageId });
    }
    const long = await graphql(graph.url, REQUEST, { i: { note: 'x'.repeat(2001) } }, { token });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await graph.services.personnel!.dataSource.query('SELECT 1 FROM supervisor_correction_request WHERE employee_id = $1', [budi.id])).toEqual([]);
  });

  it('only ADMIN lists and resolves; no token is UNAUTHENTICATED', async () => {
    const token = await graph.token(andi.id);
    expect((await graphql(graph.url, LIST, {}, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [{ id }] = await graph.services.personnel!.dataSource.query('SELECT id FROM supervisor_correction_request WHERE employee_id = $1', [andi.id]);
    expect((await graphql(graph.url, RESOLVE, { id, d: 'REJECTED', n: 'Tidak' }, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graphql(graph.url, REQUEST, { i: { note: 'Salah' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('APPLIED changes the supervisor through the transfer path, audited with the request; a resolved request cannot be resolved again', async () => {
    const [{ id }] = await graph.services.personnel!.dataSource.query('SELECT id FROM supervisor_correction_request WHERE employee_id = $1', [andi.id]);
    const r = await graphqlOk<{ resolveSupervisorCorrection: { status: string; resolutionNote: string } }>(graph.url, RESOLVE, { id, d: 'APPLIED', n: 'Sesuai SK mutasi' }, { token: admin });
    expect(r.resolveSupervisorCorrection).toMatchObject({ status: 'APPLIED', resolutionNote: 'Sesuai SK mutasi' });
    const me = await graphqlOk<{ me: { supervisor: { id: string }; unit: { id: string } } }>(graph.url, '{ me { supervisor { id } unit { id } } }', {}, { token: await graph.token(andi.id) });
    expect(me.me).toEqual({ supervisor: { id: proposed.id }, unit: { id: andi.unitId } });
    const actions = await graph.services.personnel!.dataSource.query(`SELECT action, reason FROM audit_entry WHERE entity_id IN ($1, $2) ORDER BY id`, [id, andi.id]);
    expect(actions).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'transferEmployee', reason: `supervisor correction ${id}: Sesuai SK mutasi` }),
      expect.objectContaining({ action: 'resolveSupervisorCorrection' }),
    ]));
    const again = await graphql(graph.url, RESOLVE, { id, d: 'REJECTED', n: 'Tidak' }, { token: admin });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', messageId: 'Permintaan ini sudah diputuskan' });
  });

  it('REJECTED needs a reason and leaves the supervisor as it was; the employee sees the reason', async () => {
    const token = await graph.token(budi.id);
    const made = await graphqlOk<{ requestSupervisorCorrection: { id: string } }>(graph.url, REQUEST, { i: { note: 'Atasan saya bukan beliau' } }, { token });
    const id = made.requestSupervisorCorrection.id;
    const bare = await graphql(graph.url, RESOLVE, { id, d: 'APPLIED' }, { token: admin });
    expect(bare.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision' });
    const noReason = await graphql(graph.url, RESOLVE, { id, d: 'REJECTED' }, { token: admin });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note', messageId: 'Alasan penolakan wajib diisi' });
    await graphqlOk(graph.url, RESOLVE, { id, d: 'REJECTED', n: 'Data sudah sesuai SK' }, { token: admin });
    const mine = await graphqlOk<{ mySupervisorCorrectionRequests: Array<{ status: string; resolutionNote: string }> }>(graph.url, MINE, {}, { token });
    expect(mine.mySupervisorCorrectionRequests[0]).toMatchObject({ status: 'REJECTED', resolutionNote: 'Data sudah sesuai SK' });
    const me = await graphqlOk<{ me: { supervisor: { id: string } | null } }>(graph.url, '{ me { supervisor { id } } }', {}, { token });
    expect(me.me.supervisor?.id ?? null).toBe(budi.supervisorId);
  });
});

describe('supervisor correction rules (pure)', () => {
  it('who may: ADMIN lists and resolves; the requester and ADMIN read a request', () => {
    expect(handlesSupervisorCorrections({ admin: false, analyst: true })).not.toBeNull();
    expect(handlesSupervisorCorrections({ admin: true, analyst: false })).toBeNull();
    expect(correctionAccess.read({ employeeId: 'a', roles: ['EMPLOYEE'] }, 'a')).toBe(true);
    expect(correctionAccess.read({ employeeId: 'b', roles: ['EMPLOYEE'] }, 'a')).toBe(false);
  });
  it('the current supervisor proposed again is refused; an OPEN request only is resolved', () => {
    expect(requestProblem({ note: 'x', proposedSupervisorId: 's' }, 'a', 's')?.field).toBe('proposedSupervisorId');
    expect(requestProblem({ note: 'tab\u0000nul' }, 'a', 's')?.field).toBe('note');
    expect(requestProblem({ note: 'baris satu\nbaris dua' }, 'a', 's')).toBeNull();
    expect(resolveProblem(CorrectionStatus.REJECTED, CorrectionDecision.APPLIED, 's', 'x')?.field).toBe('id');
    expect(resolveProblem(CorrectionStatus.OPEN, CorrectionDecision.APPLIED, 's', null)).toBeNull();
  });
});
