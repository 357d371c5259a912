import { requireUserOrService, type KitContext } from '@kinerja/subgraph-kit';
import { accessTo } from './access';
import { cycleById, evaluationById } from './loaders';

/** `_entities` for Evaluation: the same access rule as every other path (null when unreadable). */
export async function resolveEvaluationReference(ref: Record<string, unknown>, ctx: KitContext) {
  requireUserOrService(ctx);
  if (typeof ref.id !== 'string') return null;
  const row = await evaluationById(ctx).load(ref.id);
  if (!row) return null;
  if (ctx.identity.service && !ctx.identity.employeeId) return row; // another subgraph, not a person
  return (await accessTo(ctx, row)) === 'NONE' ? null : row;
}

export async function resolveEvaluationCycleReference(ref: Record<string, unknown>, ctx: KitContext) {
  requireUserOrService(ctx);
  return typeof ref.id === 'string' ? cycleById(ctx).load(ref.id) : null;
}

export { resolveEmployeeReference, resolveOrganizationUnitReference } from './types';
