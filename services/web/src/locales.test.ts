import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '../locales/en.json';
import id from '../locales/id.json';

const flat = (o: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
const base = (keys: string[]) => new Set(keys.map((k) => k.replace(/_(one|other)$/, '')));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === 'gql' ? [] : sources(p);
    return /\.tsx?$/.test(f) && !/\.test\./.test(f) ? [p] : [];
  });
}

describe('locales/id.json and locales/en.json', () => {
  test('say the same things: every key in both languages', () => {
    expect([...base(flat(id))].sort()).toEqual([...base(flat(en))].sort());
  });

  test('every literal text key the screens use exists (no key shown raw on screen)', () => {
    const known = base(flat(id));
    const used = new Set<string>();
    for (const file of sources(path.join(__dirname))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  test('the official terms stay as they are in English too (SKP, RHK, BerAKHLAK)', () => {
    expect(en.nav.myPlan).toContain('SKP');
    expect(en.goal.title).toContain('RHK');
    expect(en.feedback.value).toContain('BerAKHLAK');
  });
});
