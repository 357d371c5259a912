import { GraphQLError } from 'graphql';
import {
  BadInput, ConfigError, DateScalar, decodeCursor, encodeCursor, formatError, loadSubgraphConfig, pageSize, signIdentity, verifyIdentity,
} from '../src';

describe('configuration', () => {
  it('gives development defaults outside production', () => {
    const c = loadSubgraphConfig({ port: 4001, database: 'kinerja_personnel' }, { NODE_ENV: 'development' });
    expect(c.PORT).toBe(4001);
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/kinerja_personnel');
  });

  it('stops with a message naming each bad or missing variable', () => {
    expect(() => loadSubgraphConfig({ port: 4001, database: 'x' }, { NODE_ENV: 'production', PORT: '4001' }))
      .toThrow(/DATABASE_URL: .*GATEWAY_SHARED_SECRET/s);
    expect(() => loadSubgraphConfig({ port: 4001, database: 'x' }, { DATABASE_URL: 'mysql://db/x' })).toThrow(ConfigError);
    expect(() => loadSubgraphConfig({ port: 4001, database: 'x' }, { DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => loadSubgraphConfig({ port: 4001, database: 'x' }, { PORT: '99999' })).toThrow(/PORT/);
    expect(() => loadSubgraphConfig({ port: 4001, database: 'x' }, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});

describe('the signed identity between gateway and subgraphs', () => {
  const secret = 'a-shared-secret-of-some-length';
  it('round-trips', () => {
    const header = signIdentity({ employeeId: 'e1', roles: ['EMPLOYEE'], nip: '198609262015051001' }, secret);
    expect(verifyIdentity(header, secret)).toEqual({ ok: true, identity: { employeeId: 'e1', roles: ['EMPLOYEE'], nip: '198609262015051001' } });
  });
  it('refuses a tampered payload, another secret, an expired header and garbage', () => {
    const header = signIdentity({ employeeId: 'e1', roles: ['EMPLOYEE'] }, secret);
    const [v, , sig] = header.split('.');
    const tampered = `${v}.${Buffer.from(JSON.stringify({ employeeId: 'e1', roles: ['ADMIN'], exp: 9e9 })).toString('base64url')}.${sig}`;
    expect(verifyIdentity(tampered, secret)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyIdentity(header, 'another-secret-entirely')).toEqual({ ok: false, reason: 'forged' });
    expect(verifyIdentity(signIdentity({ employeeId: 'e1', roles: [] }, secret, 60, Date.now() - 61_000), secret)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyIdentity('nonsense', secret)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyIdentity(undefined, secret)).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('error mapping', () => {
  it('keeps domain errors and their codes', () => {
    const e = new BadInput('nip', 'must be 18 digits');
    const f = formatError({ message: e.message, extensions: e.extensions }, e);
    expect(f).toMatchObject({ message: 'nip: must be 18 digits', extensions: { code: 'BAD_USER_INPUT', field: 'nip' } });
  });
  it('turns class-validator failures into BAD_USER_INPUT naming each field', () => {
    const err = new GraphQLError('Argument Validation Error', { extensions: { code: 'BAD_USER_INPUT', validationErrors: [
      { property: 'input', children: [{ property: 'name', constraints: { length: 'name must be 2 to 200 characters' } }] },
    ] } });
    expect(formatError({ message: err.message, extensions: err.extensions }, err)).toMatchObject({
      message: 'input.name: name must be 2 to 200 characters', extensions: { code: 'BAD_USER_INPUT' },
    });
  });
  it('hides unexpected errors and their stack', () => {
    const f = formatError({ message: 'relation "x" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db'] } }, new Error('boom'));
    expect(f).toEqual({ message: 'Internal error; it has been logged', extensions: { code: 'INTERNAL_SERVER_ERROR' }, locations: undefined, path: undefined });
  });
});

describe('Date and pagination', () => {
  it.each(['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1'])('refuses %s as a Date', (v) => {
    expect(() => DateScalar.parseValue(v)).toThrow(/real calendar date/);
  });
  it('accepts a leap day', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
  });
  it('bounds page sizes and refuses foreign cursors', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(() => pageSize(0)).toThrow(/first: must be an integer from 1 to 200/);
    expect(() => pageSize(201)).toThrow(/first/);
    expect(decodeCursor(encodeCursor(['a', 'b']), 2)).toEqual(['a', 'b']);
    expect(() => decodeCursor('bm90LWEtY3Vyc29y', 2)).toThrow(/after: is not a cursor/);
  });
});
