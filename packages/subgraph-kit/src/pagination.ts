import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadInput } from './errors';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type: `edges { cursor node }`, `pageInfo`, `totalCount` (CONTRACT.md). */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}

export const MAX_PAGE_SIZE = 200;

/** Validates `first` (1..200). */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new BadInput('first', `must be an integer from 1 to ${MAX_PAGE_SIZE}`, `first harus 1 sampai ${MAX_PAGE_SIZE}`);
  }
  return n;
}

/** Cursors are opaque to clients: base64url of the keyset position. */
export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): unknown[] | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === arity) return value;
  } catch {
    // fall through to the error below
  }
  throw new BadInput('after', 'is not a cursor this API gave out', 'cursor tidak dikenal');
}

/** Builds a connection from rows fetched with limit first+1. */
export function toConnection<T>(rows: T[], first: number, totalCount: number, positionOf: (row: T) => unknown[]): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(positionOf(node)) }));
  const last = edges[edges.length - 1];
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? last.cursor : null } };
}
