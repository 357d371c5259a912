import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, test } from 'vitest';
import { testI18n } from '../test-utils';
import { describeError, isConflict } from './errors';

const graphError = (extensions: Record<string, unknown>, message = 'employeeNip: must be 18 digits') =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] } as never);

describe('describeError: every graph error as a sentence, never a raw code', () => {
  const cases: Array<[string, 'id' | 'en', unknown, RegExp]> = [
    ['Indonesian uses the graph\'s messageId', 'id', graphError({ code: 'BAD_USER_INPUT', field: 'employeeNip', messageId: 'NIP harus 18 digit' }), /^NIP harus 18 digit\.$/],
    ['English names the field and the rule', 'en', graphError({ code: 'BAD_USER_INPUT', field: 'employeeNip', messageId: 'NIP harus 18 digit' }), /^Some input is not right\. EmployeeNip: must be 18 digits\.$/],
    ['FORBIDDEN without messageId, Indonesian', 'id', graphError({ code: 'FORBIDDEN' }, 'Only the employee may'), /^Anda tidak berhak melakukan ini\.$/],
    ['FORBIDDEN in English', 'en', graphError({ code: 'FORBIDDEN', messageId: 'Anda tidak berhak melakukan ini' }), /^You are not allowed to do this\.$/],
    ['rate limit with minutes, Indonesian', 'id', graphError({ code: 'FORBIDDEN', reason: 'RATE_LIMITED', retryAfterSeconds: 150 }), /dalam 3 menit\.$/],
    ['rate limit in English', 'en', graphError({ code: 'FORBIDDEN', reason: 'RATE_LIMITED', retryAfterSeconds: 20 }), /in 1 minutes\.$/],
    ['CONFLICT offers the reload in words', 'id', graphError({ code: 'CONFLICT' }, 'expectedVersion 3 is stale'), /sudah diubah sejak Anda membukanya/],
    ['an unknown code falls back to a general sentence', 'en', graphError({ code: 'SOMETHING_NEW' }), /^Something went wrong/],
    ['the web server cannot reach the gateway', 'id', new ServerError('bad gateway', { response: new Response('', { status: 502 }), result: '', bodyText: '' } as never), /Server sedang tidak dapat dihubungi/],
    ['a network failure', 'en', new TypeError('Failed to fetch'), /Check your internet connection/],
  ];
  test.each(cases)('%s', async (_name, lng, error, expected) => {
    const i = await testI18n(lng);
    const text = describeError(error, i.t, lng);
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/\b(BAD_USER_INPUT|FORBIDDEN|CONFLICT|RATE_LIMITED|UNAUTHENTICATED|NOT_FOUND)\b/);
  });

  test('isConflict recognises a stale expectedVersion', () => {
    expect(isConflict(graphError({ code: 'CONFLICT' }))).toBe(true);
    expect(isConflict(graphError({ code: 'FORBIDDEN' }))).toBe(false);
  });
});
