import { DirectoryClient, type KitContext } from '@kinerja/subgraph-kit';
import { settingsOf } from './settings';

/**
 * What the goals subgraph says about an employee's SKP for a period (DOMAIN.md: the evaluation is
 * grounded in the SKP). Read like the kit's directory: `_entities` on goals with a signed service
 * identity, through goals' @inaccessible Employee.skpCoverage; never from goals' database.
 */
export interface SkpGoal {
  id: string;
  kind: 'UTAMA' | 'TAMBAHAN';
  title: string;
  achievement: number | null;
  qualitativeOnly: boolean;
}

export interface SkpPlan {
  id: string;
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';
  periodStart: string;
  periodEnd: string;
  goals: SkpGoal[];
}

export class GoalsLookup {
  private readonly client: DirectoryClient;

  constructor(url: string, secret: string, service: string) {
    this.client = new DirectoryClient(url, secret, service);
  }

  /** The plans of each employee overlapping [from, to], in one call. */
  async coverage(employeeIds: readonly string[], from: string, to: string, requestId?: string): Promise<SkpPlan[][]> {
    const data = await this.client.query<{ _entities: Array<{ skpCoverage?: SkpPlan[] } | null> }>(
      `query($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) { ... on Employee {
         skpCoverage(from: $from, to: $to) { id status periodStart periodEnd goals { id kind title achievement qualitativeOnly } } } } }`,
      { r: employeeIds.map((id) => ({ __typename: 'Employee', id })), from, to },
      requestId,
    );
    return data._entities.map((e) => e?.skpCoverage ?? []);
  }
}

/** The plans covering a period, batched per request and period; null when this instance runs without goals. */
export function skpCoverage(ctx: KitContext, employeeId: string, from: string, to: string): Promise<SkpPlan[]> | null {
  const goals = settingsOf(ctx).goals;
  if (!goals) return null;
  return ctx.loaders
    .get<string, SkpPlan[]>(`goals.coverage:${from}:${to}`, (ids) => goals.coverage(ids, from, to, ctx.requestId))
    .load(employeeId);
}
