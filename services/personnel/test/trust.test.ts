import { signIdentity } from '@kinerja/subgraph-kit';
import { createTestDatabase, graphql, testLogger, TEST_SHARED_SECRET, type TestDatabase } from '@kinerja/testing';
import { createServer, type RunningPersonnel } from '../src';

describe('the personnel subgraph reached directly, not through the gateway', () => {
  let db: TestDatabase;
  let service: RunningPersonnel;

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await createServer({ databaseUrl: db.url, sharedSecret: TEST_SHARED_SECRET, log: testLogger('personnel') });
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  const query = `{ employees { totalCount } }`;

  it('refuses an operation without the identity header', async () => {
    const r = await graphql(service.url, query);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0]?.message).toMatch(/answers only the gateway.*missing/);
    expect(r.data ?? null).toBeNull();
  });

  it('refuses a forged identity (signed with another secret)', async () => {
    const forged = signIdentity({ employeeId: '00000000-0000-0000-0000-000000000001', roles: ['ADMIN'] }, 'someone-elses-secret-123');
    const r = await graphql(service.url, query, {}, { headers: { 'x-kinerja-identity': forged } });
    expect(r.errors?.[0]?.message).toMatch(/forged/);
  });

  it('refuses an expired identity', async () => {
    const old = signIdentity({ employeeId: '00000000-0000-0000-0000-000000000001', roles: ['ADMIN'] }, TEST_SHARED_SECRET, 60, Date.now() - 120_000);
    const r = await graphql(service.url, query, {}, { headers: { 'x-kinerja-identity': old } });
    expect(r.errors?.[0]?.message).toMatch(/expired/);
  });

  it('answers a correctly signed identity', async () => {
    const good = signIdentity({ employeeId: '00000000-0000-0000-0000-000000000001', roles: ['ADMIN'] }, TEST_SHARED_SECRET);
    const r = await graphql(service.url, query, {}, { headers: { 'x-kinerja-identity': good } });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ employees: { totalCount: 0 } });
  });

  it('still answers _service (composition) and health without identity', async () => {
    const r = await graphql(service.url, `{ _service { sdl } }`);
    expect(r.errors).toBeUndefined();
    expect((r.data as any)._service.sdl).toContain('type Employee');
    const health = await fetch(service.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    const ready = await fetch(service.url.replace('/graphql', '/ready'));
    expect(await ready.json()).toEqual({ status: 'ready', service: 'personnel' });
    const metrics = await (await fetch(service.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/^kinerja_sql_statements_total\{service="personnel"\} \d+$/m);
    expect(metrics).toMatch(/^kinerja_outbox_pending\{service="personnel"\} \d+$/m);
    expect(metrics).toMatch(/^kinerja_outbox_oldest_pending_seconds\{service="personnel"\} [\d.]+$/m);
  });
});
