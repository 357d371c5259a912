// Audit trail (CONTRACT.md): recordAudit writes in the caller's transaction (rolls back with it), strips secrets,
// and readAuditEntries answers ADMIN only. Against a real PostgreSQL database (never mocked).
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTable, createDataSource, Loaders, migrate, readAuditEntries, recordAudit, type CountedDataSource, type KitContext } from '../src';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

class AuditMigration1764900000000 implements MigrationInterface {
  name = 'AuditMigration1764900000000';
  async up(q: QueryRunner): Promise<void> {
    await createAuditTable(q);
  }
  async down(): Promise<void> {}
}

describe('the audit trail helpers', () => {
  const dbName = `kit_audit_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const log = pino({ level: 'silent' });
  let ds: CountedDataSource;
  const admin = randomUUID();
  const ctx = (roles: Array<'ADMIN' | 'EMPLOYEE'>): KitContext => ({
    identity: { employeeId: admin, roles }, loaders: new Loaders(), dataSource: ds, log, requestId: 'req-1',
  });

  beforeAll(async () => {
    const c = new Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`CREATE DATABASE ${dbName}`);
    await c.end();
    ds = createDataSource({ url: ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`), entities: [], migrations: [AuditMigration1764900000000], log, applicationName: 'kit-audit-test' });
    await ds.initialize();
    await migrate(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    const c = new Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  });

  it('rolls back with the change it records', async () => {
    await expect(ds.transaction(async (m) => {
      await recordAudit(m, ctx(['ADMIN']), { entityType: 'Thing', entityId: 't1', action: 'break', before: null, after: { a: 1 } });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect(await readAuditEntries(ctx(['ADMIN']), { entityType: 'Thing', entityId: 't1' })).toEqual([]);
  });

  it('commits who, when, before and after, without secrets; ADMIN reads it, others are FORBIDDEN', async () => {
    await ds.transaction((m) => recordAudit(m, ctx(['ADMIN', 'EMPLOYEE']), {
      entityType: 'Thing', entityId: 't2', action: 'change', reason: 'because',
      before: { name: 'old', passwordHash: 'x', at: new Date('2026-01-02T03:04:05Z') }, after: { name: 'new', apiKey: 'k', nested: { token: 't', ok: true } },
    }));
    await ds.transaction((m) => recordAudit(m, { service: 'some-consumer', requestId: 'event-1' }, { entityType: 'Thing', entityId: 't2', action: 'decide', after: null }));
    const entries = await readAuditEntries(ctx(['ADMIN']), { entityType: 'Thing', entityId: 't2' });
    expect(entries.map((e) => [e.action, e.actorId, e.actorService, e.reason])).toEqual([
      ['change', admin, null, 'because'], ['decide', null, 'some-consumer', null],
    ]);
    expect(JSON.parse(entries[0]!.before!)).toEqual({ name: 'old', at: '2026-01-02T03:04:05.000Z' });
    expect(JSON.parse(entries[0]!.after!)).toEqual({ name: 'new', nested: { ok: true } });
    expect(entries[0]!.at).toBeInstanceOf(Date);
    const [row] = await ds.query('SELECT actor_roles, request_id FROM audit_entry WHERE entity_id = $1 ORDER BY id LIMIT 1', ['t2']);
    expect(row).toEqual({ actor_roles: ['ADMIN', 'EMPLOYEE'], request_id: 'req-1' });
    await expect(readAuditEntries(ctx(['EMPLOYEE']), { entityType: 'Thing', entityId: 't2' })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('batches several entities into one statement per request', async () => {
    const c = ctx(['ADMIN']);
    const before = ds.queryCounter.count;
    const [a, b] = await Promise.all([
      readAuditEntries(c, { entityType: 'Thing', entityId: 't1' }), readAuditEntries(c, { entityType: 'Thing', entityId: 't2' }),
    ]);
    expect(ds.queryCounter.count - before).toBe(1);
    expect([a.length, b.length]).toEqual([0, 2]);
  });
});
