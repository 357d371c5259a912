import { hasRole, relationTo, type KitContext } from '@kinerja/subgraph-kit';
import { evaluationAccess, type EvaluationAccess, type ViewerFacts } from '../domain/access';

/** Who the evaluation is about and who evaluates it: all the access rules need. */
export interface EvaluationParties {
  employeeId: string;
  evaluatorId: string;
}

const NO_FACTS: ViewerFacts = {
  admin: false, analyst: false, self: false, evaluator: false, supervisor: false, unitHead: false, sameUnit: false, directSubordinate: false,
};

/**
 * The caller's standing towards an evaluated employee, from personnel (batched: one directory call
 * per request however many evaluations are read).
 */
export async function viewerFacts(ctx: KitContext, parties: EvaluationParties): Promise<ViewerFacts> {
  const viewerId = ctx.identity.employeeId;
  if (!viewerId) return NO_FACTS;
  const r = await relationTo(ctx, parties.employeeId);
  return {
    admin: r.admin,
    analyst: r.analyst,
    self: r.self,
    evaluator: viewerId === parties.evaluatorId,
    supervisor: r.supervisor,
    unitHead: r.unitHead,
    sameUnit: r.sameUnit,
    directSubordinate: !!r.viewer && r.viewer.supervisorChain[0] === parties.employeeId,
  };
}

/** The caller's access to one evaluation, memoized per request. */
export function accessTo(ctx: KitContext, parties: EvaluationParties): Promise<EvaluationAccess> {
  const viewerId = ctx.identity.employeeId;
  if (!viewerId) return Promise.resolve('NONE');
  // Decided without personnel where identity alone settles it.
  if (viewerId === parties.employeeId) return Promise.resolve('SELF');
  if (hasRole(ctx, 'ADMIN') || viewerId === parties.evaluatorId) return Promise.resolve('FULL');
  return ctx.loaders
    .get<string, EvaluationAccess>('evaluationAccess', (keys) => Promise.all(keys.map(async (key) => {
      const [employeeId, evaluatorId] = key.split('|') as [string, string];
      return evaluationAccess(await viewerFacts(ctx, { employeeId, evaluatorId }));
    })))
    .load(`${parties.employeeId}|${parties.evaluatorId}`);
}
