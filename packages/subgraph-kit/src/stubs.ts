import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { ReferenceResolver } from './federation';

/** Another subgraph's entity as this one sees it: its key, nothing else. */
export interface EntityRef {
  id: string;
}

export interface EntityStub {
  /** The type-graphql class of the stub: `@key(fields: "id")`, one `id: ID!` field. */
  type: new () => EntityRef;
  /** A stub the gateway completes from the owning subgraph. */
  stub(id: string): EntityRef;
  /** `_entities` for the stub: the key is all this subgraph needs (null for a representation without one). */
  resolveReference: ReferenceResolver;
}

/**
 * A Federation 2 stub of an entity another subgraph owns (personnel's Employee, OrganizationUnit),
 * as a fresh type-graphql class per call. Each service adds its own field resolvers to its stub and
 * several services' schemas are built in one process (security tests, the supergraph), while
 * type-graphql keeps its metadata per class: one class shared by all would carry each service's
 * fields into the others' schemas. So every service calls this once, at module load.
 */
export function entityStub(typeName: string): EntityStub {
  @Directive('@key(fields: "id")')
  @ObjectType(typeName)
  class Stub implements EntityRef {
    @Field(() => ID)
    id!: string;
  }
  return {
    type: Stub,
    stub: (id) => ({ id }),
    resolveReference: (ref) => (typeof ref.id === 'string' ? { id: ref.id } : null),
  };
}
