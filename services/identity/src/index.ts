export { createServer, createIdentityDataSource, defaultClients, migrations, DEFAULT_RESOURCE, type IdentityOptions, type RunningIdentity } from './server';
export { loadIdentityConfig, DEV_COOKIE_KEY, DEV_PASSWORD } from './config';
export { normalizeNip } from './domain/nip';
export { afterFailure, afterSuccess, isLocked, lockDuration, DEFAULT_LOCKOUT, type LockoutPolicy, type LockoutState } from './domain/lockout';
export { hashPassword, verifyPassword, passwordProblems, DEFAULT_COST, type ScryptCost } from './domain/password';
export type { ClientConfig } from './provider';
