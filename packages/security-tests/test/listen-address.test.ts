import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSubgraphConfig } from '@kinerja/subgraph-kit';

// Issue 7: subgraphs listen on 127.0.0.1 unless HOST is set (only the gateway faces clients).
const env = { NODE_ENV: 'development', GATEWAY_SHARED_SECRET: 'a-long-enough-test-secret' } as NodeJS.ProcessEnv;

test('the kit defaults HOST to 127.0.0.1 and honours HOST when set', () => {
  expect(loadSubgraphConfig({ port: 4999, database: 'kinerja_x' }, env).HOST).toBe('127.0.0.1');
  expect(loadSubgraphConfig({ port: 4999, database: 'kinerja_x' }, { ...env, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
});

test.each(['personnel', 'goals', 'competency', 'evaluation', 'recognition'])('%s passes HOST from its configuration to the server', (name) => {
  const main = readFileSync(join(__dirname, `../../../services/${name}/src/main.ts`), 'utf8');
  expect(main).toMatch(/host: config\.HOST/);
  const server = readFileSync(join(__dirname, `../../../services/${name}/src/server.ts`), 'utf8');
  expect(server).toMatch(/host: options\.host \?\? '127\.0\.0\.1'/);
});
