import { validateEnvelope } from '@kinerja/events';
import { createUnit, readTopic, registerEmployee, startGraph, type TestGraph } from '@kinerja/testing';
import { personnelService } from '../src';
import { ADMIN_ID } from './helpers';

describe('kinerja.employee.changed.v1', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startGraph([personnelService], 'employee-changed');
  });
  afterAll(() => graph?.stop());

  it('publishes REGISTERED and TRANSFERRED, keyed by employee id, through the outbox', async () => {
    const admin = await graph.token(ADMIN_ID, ['ADMIN']);
    const a = await createUnit(graph.url, admin, 'DISKOMINFO', 'Dinas Kominfo', 'DINAS');
    const b = await createUnit(graph.url, admin, 'DISHUB', 'Dinas Perhubungan', 'DINAS');
    const person = await registerEmployee(graph.url, admin, { name: 'Fikri Ramadhan', unitId: a, sequence: 5 });
    const r = await fetch(graph.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: `mutation($id: ID!, $u: ID!) { transferEmployee(id: $id, unitId: $u) { id } }`, variables: { id: person.id, u: b } }),
    });
    expect(r.status).toBe(200);

    const seen = (await readTopic(`${graph.topicPrefix}kinerja.employee.changed.v1`, 2, { timeoutMs: 20_000 }))
      .map((m) => ({ key: m.key, value: JSON.parse(m.value ?? 'null'), headers: m.headers }));

    expect(seen.map((s) => (s.value as any).data.change)).toEqual(['REGISTERED', 'TRANSFERRED']);
    for (const s of seen) {
      expect(s.key).toBe(person.id);
      const check = validateEnvelope('employee.changed', s.value);
      expect(check.ok).toBe(true);
      expect(s.headers.eventId).toBe((s.value as any).eventId);
      expect(s.headers.type).toBe('employee.changed');
    }
    expect((seen[1]!.value as any).data.unitId).toBe(b);
  });
});
