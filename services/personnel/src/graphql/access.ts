import { hasRole, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import { readsPersonalRecord } from '../domain/access';
import { viewerSupervises } from './loaders';

/** Every signed-in user reads the directory (CONTRACT.md, "Who may do what"); citizens without a token do not. */
export function requireReader(ctx: KitContext): string {
  return requireUser(ctx);
}

/** Birth dates and contracts (domain/access.ts, readsPersonalRecord); the supervisor chain is looked up only when needed. */
export async function canSeeBirthDate(ctx: KitContext, employeeId: string): Promise<boolean> {
  const admin = hasRole(ctx, 'ADMIN');
  const self = ctx.identity.employeeId === employeeId;
  const supervisor = admin || self ? false : await viewerSupervises(ctx).load(employeeId);
  return readsPersonalRecord({ admin, self, supervisor }) === null;
}
