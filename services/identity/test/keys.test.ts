import { createTestDatabase, testLogger, type TestDatabase } from '@kinerja/testing';
import { migrate } from '@kinerja/subgraph-kit';
import { signingKeys } from '../src/keys';
import { createIdentityDataSource } from '../src/server';

let db: TestDatabase;
let ds: ReturnType<typeof createIdentityDataSource>;

beforeAll(async () => {
  db = await createTestDatabase('identity_keys');
  ds = createIdentityDataSource(db.url, testLogger('identity'));
  await ds.initialize();
  await migrate(ds);
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

describe('signing keys kept in the identity database', () => {
  const policy = { rotateAfterDays: 30, publishRetiredDays: 2 };
  const day = 86_400_000;
  const t0 = new Date('2026-12-01T00:00:00Z');

  it('creates one key, keeps it across restarts, rotates when due, publishes the retired one for a while, then drops it', async () => {
    const first = await signingKeys(ds, policy, t0);
    expect(first.map((k) => k.alg)).toEqual(['RS256']);
    expect((await signingKeys(ds, policy, new Date(t0.getTime() + 10 * day))).map((k) => k.kid)).toEqual([first[0]!.kid]);

    const rotated = await signingKeys(ds, policy, new Date(t0.getTime() + 30 * day));
    expect(rotated).toHaveLength(2);
    expect(rotated[0]!.kid).not.toBe(first[0]!.kid); // the new key signs (it comes first)
    expect(rotated[1]!.kid).toBe(first[0]!.kid); // the old one still verifies what it signed

    const later = await signingKeys(ds, policy, new Date(t0.getTime() + 33 * day));
    expect(later.map((k) => k.kid)).toEqual([rotated[0]!.kid]);
  });

  it('hands the provider private RSA keys for signing', async () => {
    const keys = await signingKeys(ds, policy, new Date(t0.getTime() + 34 * day));
    expect(keys[0]).toEqual(expect.objectContaining({ kty: 'RSA', d: expect.any(String), use: 'sig' }));
  });
});
