import { accessProfile, createLogger, DirectoryClient, Loaders, relationTo, unitMembers, type KitContext } from '@kinerja/subgraph-kit';
import { generateRegency } from '@kinerja/demo-regency';
import { startGraph, TEST_SHARED_SECRET, type TestGraph } from '@kinerja/testing';
import { personnelService } from '../src';
import { seedPersonnel } from '../src/seed';

describe('the personnel directory other subgraphs authorize with', () => {
  let graph: TestGraph;
  const regency = generateRegency({ employees: 300 });
  const staff = regency.employees.find((e) => e.positionKind === 'FUNGSIONAL' && e.status === 'ACTIVE'
    && regency.employees.some((p) => p.supervisorId === e.supervisorId && p.id !== e.id))!;
  const lead = regency.employeeById.get(staff.supervisorId!)!;
  const head = regency.employeeById.get(lead.supervisorId!)!;
  const peer = regency.employees.find((e) => e.unitId === staff.unitId && e.id !== staff.id && e.supervisorId === lead.id)!;
  const outsider = regency.employees.find((e) => e.unitId !== staff.unitId && e.positionKind === 'PELAKSANA')!;

  beforeAll(async () => {
    graph = await startGraph([personnelService], 'directory');
    await seedPersonnel(graph.services.personnel!.dataSource, regency);
  });
  afterAll(() => graph?.stop());

  const ctxFor = (employeeId: string | null, roles: Array<'ADMIN' | 'EMPLOYEE'> = ['EMPLOYEE']): KitContext => ({
    identity: { employeeId, roles },
    loaders: new Loaders(),
    dataSource: graph.services.personnel!.dataSource,
    log: createLogger('test', 'silent'),
    requestId: 'test',
    directory: new DirectoryClient(graph.services.personnel!.url, TEST_SHARED_SECRET, 'test'),
  });

  it('gives an employee\'s unit path, supervisor chain and headed units', async () => {
    const p = await accessProfile(ctxFor(staff.id), staff.id);
    expect(p?.unitId).toBe(staff.unitId);
    expect(p?.supervisorChain.slice(0, 2)).toEqual([lead.id, head.id]);
    expect(p?.unitPath[0]).toBe(staff.unitId);
    const h = await accessProfile(ctxFor(staff.id), regency.unitByCode.get('DISDIKBUD')!.headId!);
    expect(h?.headOf).toEqual([regency.unitByCode.get('DISDIKBUD')!.id]);
    expect(await accessProfile(ctxFor(staff.id), '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('names each relation of the caller to an employee', async () => {
    expect(await relationTo(ctxFor(lead.id), staff.id)).toMatchObject({ directSupervisor: true, supervisor: true, self: false });
    expect(await relationTo(ctxFor(head.id), staff.id)).toMatchObject({ directSupervisor: false, supervisor: true });
    expect(await relationTo(ctxFor(peer.id), staff.id)).toMatchObject({ sameUnit: true, supervisor: false, unitHead: false });
    expect(await relationTo(ctxFor(outsider.id), staff.id)).toMatchObject({ sameUnit: false, supervisor: false, unitHead: false });
    const unitHead = regency.units.find((u) => u.id === staff.unitId)!.headId!;
    expect((await relationTo(ctxFor(unitHead), staff.id)).unitHead).toBe(true);
  });

  it('lists a unit\'s members with its sub-units in one call', async () => {
    const dinkes = regency.unitByCode.get('DINKES')!;
    const ctx = ctxFor(null, ['ADMIN']);
    const before = graph.services.personnel!.dataSource.queryCounter.count;
    const [all, direct] = await Promise.all([unitMembers(ctx, dinkes.id, true), unitMembers(ctx, dinkes.id, false)]);
    const expected = regency.employees.filter((e) => all!.subtreeIds.includes(e.unitId)).length;
    expect(all!.members).toHaveLength(expected);
    expect(direct!.members.length).toBeLessThan(expected);
    expect(graph.services.personnel!.dataSource.queryCounter.count - before).toBeLessThanOrEqual(4);
  });
});
