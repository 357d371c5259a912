import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { topicSchemaFiles } from './schemas';

/**
 * `npm run schemas -w @kinerja/events`: writes schemas/<topic>.schema.json from the zod catalog
 * and removes files of topics that no longer exist. `--check` only reports stale files (exit 1).
 */
const dir = resolve(__dirname, '..', 'schemas');
const check = process.argv.includes('--check');
const files = topicSchemaFiles();
const stale: string[] = [];
if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
for (const [name, content] of files) {
  const path = join(dir, name);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === content) continue;
  stale.push(name);
  if (!check) writeFileSync(path, content);
}
for (const name of readdirSync(dir).filter((f) => f.endsWith('.schema.json') && !files.has(f))) {
  stale.push(name);
  if (!check) unlinkSync(join(dir, name));
}
if (check && stale.length > 0) {
  process.stderr.write(`stale JSON Schema files (run npm run schemas -w @kinerja/events): ${stale.join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(check ? 'event schemas are up to date\n' : `event schemas: ${files.size} topics, ${stale.length} file(s) written or removed in ${dir}\n`);
