import { DirectoryError, isUuid, type KitContext } from '@kinerja/subgraph-kit';
import type { Term } from '../domain/learning-hours';

/**
 * A PPPK's work contracts (start and end), from personnel through the kit's directory as this
 * service, batched per request: the 24 JP ceiling runs per contract year (PP 49/2018 art. 40(1)).
 */
export function contractTermsOf(ctx: KitContext) {
  return ctx.loaders.get<string, Term[]>('directory.contracts', async (ids) => {
    if (!ctx.directory) throw new DirectoryError('this subgraph was started without a personnel directory (PERSONNEL_URL)');
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return ids.map(() => []);
    const data = await ctx.directory.query<{ _entities: Array<{ id?: string; contracts?: Term[] } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id contracts { startsOn endsOn } } } }`,
      { r: valid.map((id) => ({ __typename: 'Employee', id })) },
      ctx.requestId,
    );
    const byId = new Map(valid.map((id, i) => [id, data._entities[i]?.contracts ?? []]));
    return ids.map((id) => byId.get(id) ?? []);
  });
}

export interface CountedHours {
  /** JP of completed enrollments whose completedOn falls in the range. */
  completed: number;
  /** completed, plus the JP of enrollments ENROLLED or ATTENDED whose activity starts in the range. */
  counted: number;
}

/** JP counted against the ceiling in date ranges, for many (employee, range) pairs in one statement. */
export function countedHours(ctx: KitContext) {
  return ctx.loaders.get<string, CountedHours>('countedHours', async (keys) => {
    const parts = keys.map((k) => k.split('|') as [string, string, string]);
    const rows: Array<{ key: string; completed: number; counted: number }> = await ctx.dataSource.query(`
      WITH w AS (SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[]) WITH ORDINALITY AS w(employee_id, from_on, to_on, n))
      SELECT w.n::int - 1 AS key,
             coalesce(sum(e.credited_hours) FILTER (WHERE e.status = 'COMPLETED'), 0)::int AS completed,
             coalesce(sum(CASE WHEN e.status = 'COMPLETED' THEN e.credited_hours ELSE a.hours END), 0)::int AS counted
        FROM w
        LEFT JOIN (enrollment e JOIN learning_activity a ON a.id = e.activity_id)
          ON e.employee_id = w.employee_id AND e.status IN ('ENROLLED', 'ATTENDED', 'COMPLETED')
         AND (CASE WHEN e.status = 'COMPLETED' THEN e.completed_on ELSE a.starts_on END) BETWEEN w.from_on AND w.to_on
       GROUP BY w.n`,
    [parts.map((p) => p[0]), parts.map((p) => p[1]), parts.map((p) => p[2])]);
    const byIndex = new Map(rows.map((r) => [Number(r.key), r]));
    return keys.map((_, i) => ({ completed: byIndex.get(i)?.completed ?? 0, counted: byIndex.get(i)?.counted ?? 0 }));
  });
}

export const rangeKey = (employeeId: string, t: Term) => `${employeeId}|${t.startsOn}|${t.endsOn}`;
