import { roleGuard } from '@kinerja/subgraph-kit';
import { keepsRecords } from '../domain/access';

/** The guards personnel's resolvers declare (rules in domain/access.ts). */
export const recordKeeper = roleGuard('keepsRecords', keepsRecords);
