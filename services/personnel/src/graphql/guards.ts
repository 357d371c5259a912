import { roleGuard } from '@kinerja/subgraph-kit';
import { handlesSupervisorCorrections, keepsRecords } from '../domain/access';

/** The guards personnel's resolvers declare (rules in domain/access.ts). */
export const recordKeeper = roleGuard('keepsRecords', keepsRecords);
export const correctionDesk = roleGuard('handlesSupervisorCorrections', handlesSupervisorCorrections);
