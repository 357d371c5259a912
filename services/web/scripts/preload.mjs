#!/usr/bin/env node
// After `vite build`: dist/preload.json tells the web server (server/serve.mjs), per screen, which
// chunks to preload with the page and which operations to ask the graph for before answering, so
// a returning person's home screen needs one round trip on a slow network (WEB.md "Principles").
// The operations are the screen's own documents, read from its .graphql file: one source.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(WEB, 'dist');
const require = createRequire(import.meta.url);
const { parse, print, visit } = require('graphql');

/**
 * The screens behind sign-in, as App.tsx routes them (test/unit/preload.test.ts keeps the two
 * together): a signed-out visit goes straight to sign-in from the server, without loading the app;
 * a signed-in one gets the screen's chunks preloaded, and for the home screen its data.
 */
export const SCREENS = {
  '/': {
    module: 'src/routes/home/Home.tsx',
    // `$currentYear`: the year in Bungo (WIB), as Home asks for `currentPeriods().year`.
    operations: [{ file: 'src/routes/home/operations.graphql', name: 'Home', variables: { year: '$currentYear' } }],
  },
  '/skp': { module: 'src/routes/my-plan/MyPlan.tsx' },
  '/realisasi': { module: 'src/routes/realizations/Realizations.tsx' },
  '/penilaian': { module: 'src/routes/my-evaluations/MyEvaluations.tsx' },
  '/beri-umpan-balik': { module: 'src/routes/give-feedback/GiveFeedback.tsx' },
  '/tim': { module: 'src/routes/team/Team.tsx' },
  '/tim/kaskade': { module: 'src/routes/team/CascadeMap.tsx' },
  '/kode-qr': { module: 'src/routes/unit-qr/UnitQrCodes.tsx' },
};
/** Loaded by every page before its first render: the default language's texts (i18n.ts). */
const BOOT_MODULES = ['locales/id.json'];

/** Every .graphql file under src/, as codegen reads them (scripts/codegen.mjs). */
function graphqlFiles(dir = path.join(WEB, 'src')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'gql' ? [] : graphqlFiles(p);
    return e.name.endsWith('.graphql') ? [p] : [];
  });
}

/**
 * The named operation and the fragments it spreads, as one document's text. Fragments may live in
 * any .graphql file (shared ones are in src/components/), as for codegen; a spread of a fragment
 * defined nowhere is an error here, not a query the gateway refuses at run time.
 */
export function operationText(file, name) {
  const doc = parse(readFileSync(path.join(WEB, file), 'utf8'));
  const fragments = new Map(
    graphqlFiles().flatMap((f) => parse(readFileSync(f, 'utf8')).definitions).filter((d) => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  const op = doc.definitions.find((d) => d.kind === 'OperationDefinition' && d.name?.value === name);
  if (!op) throw new Error(`${file} has no operation ${name}`);
  const used = new Set();
  const collect = (node) => visit(node, {
    FragmentSpread(spread) {
      const f = fragments.get(spread.name.value);
      if (!f) throw new Error(`${file}: operation ${name} spreads fragment ${spread.name.value}, defined in no .graphql file under src/`);
      if (used.has(f)) return;
      used.add(f);
      collect(f);
    },
  });
  collect(op);
  return [op, ...used].map((d) => print(withTypenames(d))).join('\n');
}

/**
 * `__typename` in every selection set below the root, as Apollo Client adds it to the queries it
 * sends: the cache needs it to match fragments (`...HomeLearningHours on LearningHours`) when the
 * app writes the preloaded answer. Without it the fragments' fields were dropped from the cache
 * and the home screen rendered a half-written answer.
 */
function withTypenames(definition) {
  const typename = { kind: 'Field', name: { kind: 'Name', value: '__typename' } };
  return visit(definition, {
    SelectionSet(set, _key, parent) {
      if (parent && parent.kind === 'OperationDefinition') return undefined;
      if (set.selections.some((s) => s.kind === 'Field' && s.name.value === '__typename')) return undefined;
      return { ...set, selections: [...set.selections, typename] };
    },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8'));
  const entry = Object.values(manifest).find((c) => c.isEntry);

  /** A chunk's file and every chunk it imports statically, minus what the entry already loads. */
  const modulesOf = (key) => {
    const seen = new Set();
    const walk = (k) => {
      const chunk = manifest[k];
      if (!chunk || seen.has(k) || chunk === entry) return;
      seen.add(k);
      for (const i of chunk.imports ?? []) walk(i);
    };
    walk(key);
    return [...seen].map((k) => `/${manifest[k].file}`);
  };

  const boot = BOOT_MODULES.flatMap(modulesOf);
  const routes = {};
  for (const [route, screen] of Object.entries(SCREENS)) {
    if (!manifest[screen.module]) throw new Error(`the build has no chunk for ${screen.module}`);
    routes[route] = {
      signIn: true,
      modules: [...new Set([...boot, ...modulesOf(screen.module)])],
      operations: (screen.operations ?? []).map((o) => ({ operationName: o.name, query: operationText(o.file, o.name), variables: o.variables })),
    };
  }
  writeFileSync(path.join(DIST, 'preload.json'), `${JSON.stringify({ boot, routes }, null, 2)}\n`);
  process.stdout.write(`preload.json: ${Object.keys(routes).length} screens\n`);
}
