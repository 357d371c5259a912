// @vitest-environment node
// scripts/preload.mjs names the screens behind sign-in (the server sends a signed-out visit straight
// to sign-in, and preloads each screen's chunks): it must list exactly App.tsx's signed-in routes
// with static paths, and the home screen's data must be the operation Home itself runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
// @ts-expect-error plain ESM module without types
import { SCREENS } from '../../scripts/preload.mjs';

const WEB = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the preloaded screens are App.tsx\'s signed-in routes with static paths, each with its own module', () => {
  const app = readFileSync(path.join(WEB, 'src', 'App.tsx'), 'utf8');
  const lazy: Record<string, string> = Object.fromEntries([...app.matchAll(/const (\w+) = lazy\(\(\) => import\('\.\/(.+?)'\)\)/g)].map((m) => [m[1]!, `src/${m[2]!}.tsx`]));
  // A screen the server renders itself (src/entry-server.tsx) goes by an alias of its lazy chunk.
  for (const m of app.matchAll(/const (\w+) = server\?\.\w+ \?\? (\w+);/g)) lazy[m[1]!] = lazy[m[2]!]!;
  const signedIn = Object.fromEntries([...app.matchAll(/<Route path="([^"]+)" element=\{signedIn\(<(\w+) \/>\)\}/g)]
    .filter((m) => !m[1]!.includes(':'))
    .map((m) => [m[1]!, lazy[m[2]!]]));
  expect(Object.keys(signedIn).length).toBeGreaterThan(5);
  expect(Object.fromEntries(Object.entries(SCREENS as Record<string, { module: string }>).map(([k, v]) => [k, v.module]))).toEqual(signedIn);
});

test('the home screen\'s preloaded operation is the one Home runs, with the variables it passes', () => {
  const home = readFileSync(path.join(WEB, 'src', 'routes', 'home', 'Home.tsx'), 'utf8');
  const op = (SCREENS as Record<string, { operations?: Array<{ name: string; variables: Record<string, string> }> }>)['/']!.operations![0]!;
  expect(home).toContain(`useQuery(${op.name}Document, { variables: { year } })`);
  expect(home).toContain(`primePreloaded(client, ${op.name}Document, { year })`);
  expect(op.variables).toEqual({ year: '$currentYear' });
});

test('every preloaded operation is a valid document against the API schema (fragments included), so the gateway answers it', async () => {
  // @ts-expect-error plain ESM module without types
  const { operationText } = await import('../../scripts/preload.mjs');
  const { buildSchema, parse, validate } = await import('graphql');
  const schema = buildSchema(readFileSync(path.join(WEB, '.generated', 'api-schema.graphql'), 'utf8'));
  const screens = Object.values(SCREENS as Record<string, { operations?: Array<{ file: string; name: string }> }>);
  const operations = screens.flatMap((s) => s.operations ?? []);
  expect(operations.length).toBeGreaterThan(0);
  for (const op of operations) {
    const text: string = operationText(op.file, op.name);
    expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  }
});
