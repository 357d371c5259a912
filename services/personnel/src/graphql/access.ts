import { hasRole, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import { viewerSupervises } from './loaders';

/** Every signed-in user reads the directory (issue 2); citizens without a token do not. */
export function requireReader(ctx: KitContext): string {
  return requireUser(ctx);
}

/** Birth dates: ADMIN, the person, and their supervisor chain only. */
export async function canSeeBirthDate(ctx: KitContext, employeeId: string): Promise<boolean> {
  if (hasRole(ctx, 'ADMIN')) return true;
  if (ctx.identity.employeeId === employeeId) return true;
  return viewerSupervises(ctx).load(employeeId);
}
