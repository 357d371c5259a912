#!/usr/bin/env node
// Typed operations (STYLE.md "Front end"): the API schema, the graph as clients see it, is
// `Supergraph.build(sdl).apiSchema()` over the checked-in supergraph (never the raw supergraph,
// which still holds @inaccessible fields); graphql-codegen's client preset types every
// `src/routes/**/*.graphql` operation against it into src/gql/ (generated, not committed).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WEB = path.join(HERE, '..');
const require = createRequire(import.meta.url);
const { Supergraph } = require('@apollo/federation-internals');
const { printSchema } = require('graphql');

const supergraphSdl = readFileSync(path.join(WEB, '..', '..', 'infra', 'supergraph', 'supergraph.graphql'), 'utf8');
const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
mkdirSync(path.join(WEB, '.generated'), { recursive: true });
const schemaFile = path.join(WEB, '.generated', 'api-schema.graphql');
writeFileSync(schemaFile, `${printSchema(api)}\n`);

const { generate } = await import('@graphql-codegen/cli');
await generate({
  schema: schemaFile,
  documents: [path.join(WEB, 'src/**/*.graphql')],
  silent: true,
  errorsOnly: true,
  generates: {
    [path.join(WEB, 'src/gql/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { Date: 'string', DateTime: 'string' }, avoidOptionals: { field: true, inputValue: false } },
    },
  },
}, true);
