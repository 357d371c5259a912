#!/usr/bin/env node
// Typed operations (STYLE.md "Front end"): the API schema, the graph as clients see it, is
// `Supergraph.build(sdl).apiSchema()` over the checked-in supergraph (never the raw supergraph,
// which still holds @inaccessible fields); graphql-codegen's client preset types every
// `src/routes/**/*.graphql` operation against it into src/gql/ (generated, not committed).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// One module per document. The client preset writes every operation into src/gql/graphql.ts, and
// a bundler cannot split one module: the first screen would download the documents of every
// screen (about 7 kB gzip). Each document moves to src/gql/documents/<Name>.ts; graphql.ts
// re-exports it, so imports stay `from '../../gql/graphql'` and each chunk carries only its own.
const generatedFile = path.join(WEB, 'src/gql/graphql.ts');
const documentsDir = path.join(WEB, 'src/gql/documents');
rmSync(documentsDir, { recursive: true, force: true }); // a renamed operation leaves no stale module
mkdirSync(documentsDir, { recursive: true });
const DOCUMENT = /^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<(.+)>;$/;
const typeNames = (args) => args.replace(/\b(?!unknown\b)([A-Z]\w*)\b/g, 'T.$1');
const lines = readFileSync(generatedFile, 'utf8').split('\n');
let moved = 0;
const rest = lines.map((line) => {
  const m = DOCUMENT.exec(line);
  if (!m) return line;
  const [, name, json, args] = m;
  writeFileSync(
    path.join(documentsDir, `${name}.ts`),
    `/* eslint-disable */\nimport type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';\nimport type * as T from '../graphql';\n\nexport const ${name} = ${json} as unknown as DocumentNode<${typeNames(args)}>;\n`,
  );
  moved += 1;
  return `export { ${name} } from './documents/${name}';`;
});
if (moved === 0) throw new Error('codegen: no document found in src/gql/graphql.ts to split (did the client preset change its output?)');
writeFileSync(generatedFile, rest.join('\n'));
