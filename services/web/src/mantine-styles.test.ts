// @vitest-environment node
// src/mantine-styles.ts imports the styles of the Mantine components the app uses, rather than all
// of them: a component a screen starts to use without its stylesheet would render unstyled.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const STYLES = path.dirname(createRequire(import.meta.url).resolve('@mantine/core/styles/Button.css'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const file = path.join(dir, f);
    if (statSync(file).isDirectory()) return f === 'gql' ? [] : sources(file);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [file] : [];
  });
}

test('every @mantine/core component the app imports has its stylesheet in mantine-styles.ts', () => {
  const imported = readFileSync(path.join(SRC, 'mantine-styles.ts'), 'utf8');
  const used = new Set(sources(SRC).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/import \{([^}]*)\} from '@mantine\/core'/g)]
    .flatMap((m) => m[1]!.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type ')))));
  expect(used.size).toBeGreaterThan(10);
  const missing = [...used].filter((name) => existsSync(path.join(STYLES, `${name}.css`)) && !imported.includes(`'@mantine/core/styles/${name}.css'`));
  expect(missing).toEqual([]);
});

test('mantine-styles.ts imports them in the order of @mantine/core/styles.css (a component after those it is built on)', () => {
  const full = readFileSync(path.join(STYLES, '..', 'styles.css'), 'utf8');
  const names = [...readFileSync(path.join(SRC, 'mantine-styles.ts'), 'utf8').matchAll(/import '@mantine\/core\/styles\/([\w-]+)\.css';/g)].map((m) => m[1]!);
  const at = (name: string) => full.indexOf(readFileSync(path.join(STYLES, `${name}.css`), 'utf8').trim().slice(0, 200));
  expect(names.map(at).every((i) => i >= 0)).toBe(true);
  expect(names).toEqual([...names].sort((a, b) => at(a) - at(b)));
});
