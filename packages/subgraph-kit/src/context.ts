import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Identity, Role } from './identity';
import { Loaders } from './loaders';
import { Forbidden, Unauthenticated } from './errors';
import type { DirectoryClient } from './directory';

/** What every resolver receives. */
export interface KitContext {
  identity: Identity;
  loaders: Loaders;
  dataSource: DataSource;
  log: Logger;
  requestId: string;
  /** Personnel's directory, for subgraphs that authorize by supervisor chain or unit head. */
  directory?: DirectoryClient;
  /** Extensions for this request's response (setResponseExtension); the gateway forwards the ones it knows. */
  responseExtensions?: Record<string, unknown>;
}

/**
 * Adds a key to this response's `extensions` (e.g. completeEvaluation's `curveWarnings`): data that
 * informs the caller without being part of the mutation's type. The gateway forwards only the keys
 * listed in its FORWARDED_EXTENSIONS.
 */
export function setResponseExtension(ctx: KitContext, key: string, value: unknown): void {
  (ctx.responseExtensions ??= {})[key] = value;
}

export function hasRole(ctx: KitContext, ...roles: Role[]): boolean {
  return ctx.identity.roles.some((r) => roles.includes(r));
}

/** The signed-in employee's id, or UNAUTHENTICATED for citizens without a token. */
export function requireUser(ctx: KitContext): string {
  if (!ctx.identity.employeeId) throw new Unauthenticated();
  return ctx.identity.employeeId;
}

/** A signed-in user, or another subgraph asking for relationship data. */
export function requireUserOrService(ctx: KitContext): void {
  if (!ctx.identity.service) requireUser(ctx);
}

export function requireRole(ctx: KitContext, ...roles: Role[]): string {
  const id = requireUser(ctx);
  if (!hasRole(ctx, ...roles)) throw new Forbidden(`This needs the role ${roles.join(' or ')}`);
  return id;
}

export { Loaders };
