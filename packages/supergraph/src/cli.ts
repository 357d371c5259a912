#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CompositionError } from '@kinerja/gateway';
import { checkedInSupergraph, checkService, currentSupergraph, deployedSubgraphs, SUBGRAPHS, SUPERGRAPH_FILE } from './index';

/**
 * `check <service>`: that service's CURRENT SDL (its dist) composed with the other subgraphs as
 * deployed (extracted from the checked-in supergraph): can it ship alone? Apollo's errors otherwise.
 */
async function checkOne(service: string): Promise<number> {
  if (!SUBGRAPHS.includes(service)) {
    process.stderr.write(`unknown service "${service}"; known: ${SUBGRAPHS.join(', ')}\n`);
    return 2;
  }
  try {
    const result = await checkService(service, deployedSubgraphs(checkedInSupergraph()));
    process.stdout.write(`${service}: its current SDL composes with the deployed ${result.others.join(', ')} (${relative(process.cwd(), SUPERGRAPH_FILE)})\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${service}: ${error instanceof CompositionError ? error.message : String(error)}\n`);
    return 1;
  }
}

/**
 * `write` regenerates infra/supergraph/supergraph.graphql; `check` fails when it is stale or composition
 * breaks; `check <service>` composes only that service's current SDL with the deployed others.
 */
async function main(): Promise<number> {
  const command = process.argv[2] ?? 'check';
  if (command === 'check' && process.argv[3]) return checkOne(process.argv[3]);
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
  process.stderr.write('usage: kinerja-supergraph write | check [<service>]\n');
  return 2;
}

main().then((code) => process.exit(code));
