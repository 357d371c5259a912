#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CompositionError } from '@kinerja/gateway';
import { checkedInSupergraph, currentSupergraph, SUPERGRAPH_FILE } from './index';

/** `write` regenerates infra/supergraph/supergraph.graphql; `check` fails when it is stale or composition breaks. */
async function main(): Promise<number> {
  const command = process.argv[2] ?? 'check';
  let composed: string;
  try {
    composed = await currentSupergraph();
  } catch (error) {
    process.stderr.write(`${error instanceof CompositionError ? error.message : String(error)}\n`);
    return 1;
  }
  const file = relative(process.cwd(), SUPERGRAPH_FILE);
  if (command === 'write') {
    writeFileSync(SUPERGRAPH_FILE, composed);
    process.stdout.write(`wrote ${file}\n`);
    return 0;
  }
  if (command === 'check') {
    let current = '';
    try {
      current = checkedInSupergraph();
    } catch {
      // missing file: stale
    }
    if (current !== composed) {
      process.stderr.write(`${file} is stale: run \`npm run supergraph\` and commit the result\n`);
      return 1;
    }
    process.stdout.write(`${file} is current; composition succeeds\n`);
    return 0;
  }
  process.stderr.write('usage: kinerja-supergraph write|check\n');
  return 2;
}

main().then((code) => process.exit(code));
