import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, specifiedDirectives } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import type { KitContext } from './context';
import { DateScalar, DateTimeScalar } from './scalars';

export const FEDERATION_VERSION = 'v2.7';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@tag'];

/** A reference resolver: the entity for a representation `{ __typename, id }`, batched by loaders. */
export type ReferenceResolver = (reference: Record<string, unknown>, ctx: KitContext) => unknown;

export interface FederatedSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type this subgraph resolves. */
  referenceResolvers?: Record<string, ReferenceResolver>;
  /** Last edit of the printed SDL before it is built (e.g. personnel drops @requires on absent subgraphs). */
  transformSdl?: (sdl: string) => string;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL as the gateway's composition sees it. */
  sdl: string;
}

/**
 * type-graphql → Federation 2 subgraph: the type-graphql schema is printed with its directives
 * under `@link` to federation, then built by @apollo/subgraph with type-graphql's resolvers.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const typeSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    scalarsMap: [
      { type: Date, scalar: DateTimeScalar },
    ],
    directives: [...specifiedDirectives],
    skipCheck: true,
  });
  const link = `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(FEDERATION_IMPORTS)})`;
  const printed = `${link}\n\n${printSchemaWithDirectives(typeSchema)}`;
  const sdl = options.transformSdl ? options.transformSdl(printed) : printed;
  const resolvers = createResolversMap(typeSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...existing, __resolveReference: resolveReference } as never;
  }
  const schema = buildSubgraphSchema({ typeDefs: gql(sdl), resolvers });
  return { schema, sdl };
}

export { DateScalar, DateTimeScalar };
