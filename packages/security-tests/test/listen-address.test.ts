import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSubgraphConfig, SUBGRAPH_NAMES } from '@kinerja/subgraph-kit';

// ARCHITECTURE.md, "Trust and identity": subgraphs listen on 127.0.0.1 unless HOST is set (only the gateway faces clients).
const env = { NODE_ENV: 'development', GATEWAY_SHARED_SECRET: 'a-long-enough-test-secret' } as NodeJS.ProcessEnv;

test('the kit defaults HOST to 127.0.0.1 and honours HOST when set', () => {
  expect(loadSubgraphConfig({ port: 4999, database: 'kinerja_x' }, env).HOST).toBe('127.0.0.1');
  expect(loadSubgraphConfig({ port: 4999, database: 'kinerja_x' }, { ...env, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
});

// Every subgraph's main is the kit's (defineSubgraph): it passes HOST from the configuration to the server.
test('the kit\'s derived main passes HOST from its configuration to the server', () => {
  const kit = readFileSync(join(__dirname, '../../subgraph-kit/src/subgraph.ts'), 'utf8');
  expect(kit).toMatch(/host: config\.HOST/);
  expect(kit).toMatch(/host: options\.host \?\? '127\.0\.0\.1'/);
});

test.each(SUBGRAPH_NAMES)('%s runs the main its declaration derives', (name) => {
  const main = readFileSync(join(__dirname, `../../../services/${name}/src/main.ts`), 'utf8');
  expect(main).toMatch(new RegExp(`^${name}\\.main\\(\\);$`, 'm'));
  const declaration = readFileSync(join(__dirname, `../../../services/${name}/src/service.ts`), 'utf8');
  expect(declaration).toMatch(new RegExp(`defineSubgraph[^(]*\\(\\{\\s*name: '${name}'`));
});
