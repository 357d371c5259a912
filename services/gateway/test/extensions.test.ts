// @apollo/gateway drops every subgraph's response extensions; the gateway forwards the ones the
// contract names (completeEvaluation's curveWarnings, CONTRACT.md) and nothing else.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { composeSupergraph, createGateway, type RunningGateway } from '../src';

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query { hello: String }
type Mutation { complete: String }`;

describe('subgraph response extensions through the gateway', () => {
  let subgraph: Server;
  let gateway: RunningGateway;
  let answer: Record<string, unknown> = {};

  beforeAll(async () => {
    subgraph = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)));
    });
    await new Promise<void>((r) => subgraph.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
    gateway = await createGateway({
      supergraphSdl: composeSupergraph([{ name: 'stub', url, sdl: SDL }]),
      sharedSecret: 'a-shared-secret-for-this-test',
      jwt: { secret: 'kinerja-dev-secret', issuer: 'kinerja', audience: 'kinerja' },
      log: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await new Promise((r) => subgraph?.close(r));
  });

  const post = async (query: string) => (await fetch(gateway.url, {
    method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: JSON.stringify({ query }),
  })).json() as Promise<Record<string, any>>;

  it('passes curveWarnings on to the client and keeps every other subgraph extension back', async () => {
    const warnings = [{ rule: 'BAIK_MAX_70_BAIK', message: 'at most 70% BAIK', unitId: 'u1' }];
    answer = { data: { complete: 'ok' }, extensions: { curveWarnings: warnings, internal: { sql: 42 } } };
    const body = await post('mutation { complete }');
    expect(body).toEqual({ data: { complete: 'ok' }, extensions: { curveWarnings: warnings } });
  });

  it('adds no extensions when the subgraph sent none', async () => {
    answer = { data: { hello: 'halo' } };
    expect(await post('{ hello }')).toEqual({ data: { hello: 'halo' } });
  });

  it('passes an empty list of warnings as an empty list', async () => {
    answer = { data: { complete: 'ok' }, extensions: { curveWarnings: [] } };
    expect(await post('mutation { complete }')).toEqual({ data: { complete: 'ok' }, extensions: { curveWarnings: [] } });
  });
});
