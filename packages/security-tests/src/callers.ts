import { graphql, makeToken, type GraphQLResponse } from '@kinerja/testing';
import type { Cast } from './graph';
import type { Relation } from './matrix';

/** A bearer token (or none) for each caller relation to the cast's target. */
export async function tokensFor(cast: Cast): Promise<Record<Relation, string | undefined>> {
  const emp = (id: string) => makeToken({ sub: id, roles: ['EMPLOYEE'] });
  return {
    ADMIN: await makeToken({ sub: cast.admin.id, roles: ['EMPLOYEE', 'ADMIN'] }),
    ANALYST: await makeToken({ sub: cast.analyst.id, roles: ['EMPLOYEE', 'ANALYST'] }),
    self: await emp(cast.target.id),
    directSupervisor: await emp(cast.directSupervisor.id),
    indirectSupervisor: await emp(cast.indirectSupervisor.id),
    unitHead: await emp(cast.unitHead.id),
    peer: await emp(cast.peer.id),
    otherUnit: await emp(cast.otherUnit.id),
    noToken: undefined,
    // The target's own identity, but expired / signed with a key the gateway does not trust.
    expiredToken: await makeToken({ sub: cast.target.id, roles: ['EMPLOYEE'], expiresIn: -120 }),
    wrongKey: await makeToken({ sub: cast.target.id, roles: ['EMPLOYEE', 'ADMIN'], secret: 'not-the-kinerja-signing-key-0123456789' }),
  };
}

export const DENIAL_CODES = ['FORBIDDEN', 'UNAUTHENTICATED'];

export function codes(r: GraphQLResponse<unknown>): string[] {
  return (r.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE'));
}

export async function call(url: string, doc: string, vars: Record<string, unknown>, token: string | undefined): Promise<GraphQLResponse> {
  return graphql(url, doc, vars, token ? { token } : {});
}

/** Stack traces and SQL must never reach a client. */
export function leaksInternals(body: string): string | null {
  const patterns: Array<[RegExp, string]> = [
    [/\bat [\w.<>]+ \(.*:\d+:\d+\)/, 'stack trace'],
    [/"stacktrace"/i, 'stacktrace extension'],
    [/\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^"]{0,80}\b(FROM|VALUES|SET|WHERE)\b/, 'SQL text'],
    [/QueryFailedError|duplicate key value|violates (foreign key|check|not-null|unique) constraint|syntax error at or near/i, 'database error'],
    [/node_modules|\/work\/|\.ts:\d+/, 'source path'],
  ];
  for (const [re, what] of patterns) if (re.test(body)) return what;
  return null;
}
