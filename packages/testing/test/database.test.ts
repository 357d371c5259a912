import { Client } from 'pg';
import { createTestDatabase, rowCounts } from '../src/database';
import { uniqueTopicPrefix } from '../src/kafka';

describe('test databases', () => {
  it('creates a fresh database and drops it', async () => {
    const db = await createTestDatabase('helpers');
    const c = new Client({ connectionString: db.url });
    await c.connect();
    await c.query('CREATE TABLE t (id int)');
    await c.query('INSERT INTO t VALUES (1), (2)');
    await c.end();
    expect(await rowCounts(db.url, ['t'])).toEqual({ t: 2 });
    await db.drop();
    const again = new Client({ connectionString: db.url });
    await expect(again.connect()).rejects.toThrow(/does not exist/);
  });

  it('gives each test file its own topic prefix', () => {
    expect(uniqueTopicPrefix('x')).not.toBe(uniqueTopicPrefix('x'));
    expect(uniqueTopicPrefix('Evaluation Test')).toMatch(/^t\.evaluation-test\.[0-9a-f]{8}\.$/);
  });
});
