import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { requestLogPlugin, responseExtensionsPlugin } from '../src';

interface Ctx {
  requestId: string;
  identity: { employeeId: string | null };
  collected?: Record<string, unknown>;
}

const typeDefs = 'type Query { warn: String, broken: String }';

// Statements a counted DataSource has run: `broken` runs three before it fails.
let statements = 10;

function start(options: { statements?: () => number; unexpectedErrors?: boolean } = {}) {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  }));
  const server = new ApolloServer<Ctx>({
    typeDefs,
    resolvers: {
      Query: {
        warn: (_p: unknown, _a: unknown, ctx: Ctx) => {
          ctx.collected = { curveWarnings: ['BAIK_MAX_70_BAIK'] };
          return 'ok';
        },
        broken: () => {
          statements += 3;
          throw new Error('a bug');
        },
      },
    },
    plugins: [responseExtensionsPlugin<Ctx>((ctx) => ctx.collected), requestLogPlugin<Ctx>(log, options)],
  });
  return { server, lines };
}

const ctx = (): Ctx => ({ requestId: 'req-1', identity: { employeeId: 'e1' } });

describe('the shared Apollo plugins', () => {
  it('merges what the request collected into the response extensions, and nothing when it collected none', async () => {
    const { server } = start();
    const warned = await server.executeOperation({ query: 'query Warn { warn }' }, { contextValue: ctx() });
    expect(warned.body.kind === 'single' && warned.body.singleResult.extensions).toEqual({ curveWarnings: ['BAIK_MAX_70_BAIK'] });
    const plain = await server.executeOperation({ query: '{ __typename }' }, { contextValue: ctx() });
    expect(plain.body.kind === 'single' && plain.body.singleResult.extensions).toBeUndefined();
    await server.stop();
  });

  it('logs one line per request with its id, operation, caller and statements', async () => {
    const { server, lines } = start({ statements: () => statements, unexpectedErrors: true });
    await server.executeOperation({ query: 'query Warn { warn }' }, { contextValue: ctx() });
    await server.executeOperation({ query: 'query Broken { broken }' }, { contextValue: ctx() });
    await server.stop();
    const requests = lines.filter((l) => l.msg === 'graphql request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ requestId: 'req-1', operation: 'Warn', employeeId: 'e1', sql: 0, errors: 0 });
    expect(requests[1]).toMatchObject({ operation: 'Broken', sql: 3, errors: 1 });
    expect(lines.filter((l) => l.msg === 'unexpected error')).toHaveLength(1);
  });

  it('leaves statements and unexpected errors out where not asked (the gateway)', async () => {
    const { server, lines } = start();
    await server.executeOperation({ query: 'query Broken { broken }' }, { contextValue: ctx() });
    await server.stop();
    expect(lines.filter((l) => l.msg === 'unexpected error')).toHaveLength(0);
    const [line] = lines.filter((l) => l.msg === 'graphql request');
    expect(line).toMatchObject({ operation: 'Broken', errors: 1 });
    expect(line).not.toHaveProperty('sql');
  });
});
