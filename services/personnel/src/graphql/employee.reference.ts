import { requireUserOrService, type KitContext } from '@kinerja/subgraph-kit';
import { employeeById, employeeByNip, unitTree } from './loaders';

/** `_entities` for Employee by id or by nip, batched per request. */
export async function resolveEmployeeReference(ref: Record<string, unknown>, ctx: KitContext) {
  requireUserOrService(ctx);
  if (typeof ref.id === 'string') return /^[0-9a-f-]{36}$/i.test(ref.id) ? employeeById(ctx).load(ref.id) : null;
  if (typeof ref.nip === 'string') return employeeByNip(ctx).load(ref.nip.replace(/ /g, ''));
  return null;
}

export async function resolveOrganizationUnitReference(ref: Record<string, unknown>, ctx: KitContext) {
  requireUserOrService(ctx);
  return typeof ref.id === 'string' ? (await unitTree(ctx)).byId.get(ref.id) ?? null : null;
}
