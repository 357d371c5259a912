import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { loadById, Loaders, rowsById } from '../src';

class ThingRow {
  id!: string;
  name!: string;
}

describe('rows by id', () => {
  const a = randomUUID();
  const b = randomUUID();
  const stored = new Map<string, ThingRow>([[a, { id: a, name: 'a' }], [b, { id: b, name: 'b' }]]);
  const setup = () => {
    const statements: string[][] = [];
    const fetch = async (ids: string[]) => {
      statements.push(ids);
      return ids.flatMap((id) => (stored.has(id) ? [{ ...stored.get(id)! }] : []));
    };
    const ctx = { loaders: new Loaders(), dataSource: {} as DataSource };
    return { ctx, statements, fetch };
  };

  it('batches the ids a tick asks for into one statement, without malformed ids or repeats', async () => {
    const { ctx, statements, fetch } = setup();
    const rows = await Promise.all([a, b, a, 'not-an-id', randomUUID()].map((id) => rowsById(ctx, ThingRow, { fetch }).load(id)));
    expect(rows.map((r) => r?.name ?? null)).toEqual(['a', 'b', 'a', null, null]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toHaveLength(3);
    expect(statements[0]).not.toContain('not-an-id');
    expect(await loadById(ctx, ThingRow, 'not-an-id', { fetch })).toBeNull();
    expect(await loadById(ctx, ThingRow, 42, { fetch })).toBeNull();
    expect(statements).toHaveLength(1);
  });

  it('caches per request: the second read of an id costs no statement', async () => {
    const { ctx, statements, fetch } = setup();
    await loadById(ctx, ThingRow, a, { fetch });
    await loadById(ctx, ThingRow, a, { fetch });
    expect(statements).toHaveLength(1);
    const next = { ...setup().ctx };
    await loadById(next, ThingRow, a, { fetch });
    expect(statements).toHaveLength(2);
  });

  it('keeps the rows guards read apart from the rows resolvers answer with', async () => {
    const { ctx, statements, fetch } = setup();
    const subject = await loadById(ctx, ThingRow, a, { fetch });
    subject!.name = 'changed by a write';
    const answer = await loadById(ctx, ThingRow, a, { fetch, cache: 'answers' });
    expect(answer?.name).toBe('a');
    expect(statements).toHaveLength(2);
  });

  it('answers from primed rows without a statement', async () => {
    const { ctx, statements, fetch } = setup();
    rowsById(ctx, ThingRow, { fetch, cache: 'answers' }).prime(b, { id: b, name: 'joined' });
    expect((await loadById(ctx, ThingRow, b, { fetch, cache: 'answers' }))?.name).toBe('joined');
    expect(statements).toHaveLength(0);
  });
});
