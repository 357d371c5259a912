// The CLI's pure parts: argument parsing, dates, CSV quoting and flattening, message decoding.
import { EVENTS, type EventType } from '../src';
import { parseCommand, parseDate } from '../src/cli/args';
import { UsageError } from '../src/cli/errors';
import { resolveTopic } from '../src/cli/context';
import { csvCells, csvColumns, csvField, csvLine, decodeMessage, jsonLine, occurredAtMs, payloadColumns } from '../src/cli/records';
import { EXAMPLE_DATA } from './fixtures/examples';

const envelope = (type: EventType, data: unknown = EXAMPLE_DATA[type]) => ({
  eventId: '0b6f3f4e-9c1a-4d2b-8e3f-5a6b7c8d9e0f', type, version: 1, occurredAt: '2026-01-05T03:00:00.000Z', producer: EVENTS[type].producer, data,
});
const message = (value: string | null, offset = '7') => ({ key: Buffer.from('k-1'), value: value === null ? null : Buffer.from(value), offset, timestamp: String(Date.UTC(2026, 0, 5, 4)) });

describe('parseCommand', () => {
  it('parses each command with its options', () => {
    expect(parseCommand(['tail', 'kinerja.plan.approved.v1', '--from-beginning', '--group', 'g1', '--format', 'csv'], { KAFKA_TOPIC_PREFIX: 'p.' }))
      .toEqual({ command: 'tail', topic: 'kinerja.plan.approved.v1', fromBeginning: true, group: 'g1', format: 'csv', prefix: 'p.', brokers: undefined });
    expect(parseCommand(['tail', 'plan.approved'], {})).toMatchObject({ fromBeginning: false, group: undefined, format: 'json', prefix: '' });
    expect(parseCommand(['topics', '--prefix', 'x.'], { KAFKA_TOPIC_PREFIX: 'p.', KAFKA_BROKERS: 'b:1' })).toEqual({ command: 'topics', format: 'table', prefix: 'x.', brokers: 'b:1' });
    const e = parseCommand(['export', 'evaluation.completed', '--since', '2026-01-01T00:00:00Z', '--until', '2026-02-01T00:00:00Z', '-o', 'out.csv'], {});
    expect(e).toMatchObject({ command: 'export', format: 'csv', output: 'out.csv' });
    expect(e.command === 'export' && [e.since.toISOString(), e.until?.toISOString()]).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    expect(parseCommand(['--help'], {})).toEqual({ command: 'help' });
  });

  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['tail'], /tail needs a <topic>/],
    [['tail', 'a', 'b'], /unexpected argument "b"/],
    [['tail', 'a', '--format', 'xml'], /--format must be json or csv/],
    [['tail', 'a', '--since', '2026-01-01'], /tail does not take --since/],
    [['tail', 'a', '--nope'], /Unknown option '--nope'/],
    [['topics', '--from-beginning'], /topics does not take --from-beginning/],
    [['export', 'a'], /export needs --since/],
    [['export', 'a', '--since', 'yesterday'], /--since: expected YYYY-MM-DD or an ISO date-time/],
    [['export', 'a', '--since', '2026-02-30'], /--since: 2026-02-30 is not a date/],
    [['export', 'a', '--since', '2026-02-01', '--until', '2026-01-01'], /--until .* must be after --since/],
  ])('refuses %j with a usage error (exit 2)', (argv, message) => {
    let error: unknown;
    try {
      parseCommand(argv as string[], {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('parseDate', () => {
  it('reads a date as local midnight and --until DATE as the end of that day', () => {
    expect(parseDate('2026-03-31', 'since').getTime()).toBe(new Date(2026, 2, 31).getTime());
    expect(parseDate('2026-03-31', 'until', true).getTime()).toBe(new Date(2026, 3, 1).getTime());
    expect(parseDate('2026-03-01T08:00:00+07:00', 'since').toISOString()).toBe('2026-03-01T01:00:00.000Z');
  });
});

describe('topic names', () => {
  it('accepts the topic, its prefixed name or the event type', () => {
    expect(resolveTopic('kinerja.award.granted.v1', 'p.')).toEqual({ type: 'award.granted', name: 'p.kinerja.award.granted.v1' });
    expect(resolveTopic('p.kinerja.award.granted.v1', 'p.')).toEqual({ type: 'award.granted', name: 'p.kinerja.award.granted.v1' });
    expect(resolveTopic('award.granted', '')).toEqual({ type: 'award.granted', name: 'kinerja.award.granted.v1' });
    expect(() => resolveTopic('kinerja.award.granted.v2', '')).toThrow(/unknown topic "kinerja.award.granted.v2": known topics are kinerja.evaluation.completed.v1, /);
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvLine(['a', '', 'b,c'])).toBe('a,,"b,c"\n');
  });

  it('flattens the payload: nested objects dotted, arrays as JSON, null empty', () => {
    expect(payloadColumns('evaluation.completed')).toEqual([
      'evaluationId', 'employeeId', 'nip', 'unitId', 'evaluatorId', 'cycle.id', 'cycle.year', 'cycle.periodType', 'cycle.period',
      'resultRating', 'behaviorRating', 'predicate', 'completedAt', 'supersedes', 'employmentType',
    ]);
    expect(csvColumns('learning.completed').slice(0, 7)).toEqual(['eventId', 'type', 'occurredAt', 'producer', 'key', 'partition', 'offset']);
    expect(csvColumns('learning.completed').at(-1)).toBe('invalid');
    const record = decodeMessage('evaluation.completed', 't', 2, message(JSON.stringify(envelope('evaluation.completed'))));
    const row = Object.fromEntries(csvColumns('evaluation.completed').map((c, i) => [c, csvCells('evaluation.completed', record)[i]]));
    expect(row).toMatchObject({ key: 'k-1', partition: '2', offset: '7', 'cycle.year': '2025', 'cycle.period': '', predicate: 'SANGAT_BAIK', invalid: '' });
    const learning = decodeMessage('learning.completed', 't', 0, message(JSON.stringify(envelope('learning.completed'))));
    expect(csvCells('learning.completed', learning)).toContain(JSON.stringify(EXAMPLE_DATA['learning.completed'].participatingUnitIds));
  });
});

describe('decodeMessage', () => {
  it('validates every message and flags, never drops, an invalid one', () => {
    const ok = decodeMessage('plan.approved', 't', 0, message(JSON.stringify(envelope('plan.approved'))));
    expect(ok.invalid).toBeNull();
    expect(JSON.parse(jsonLine(ok))).toMatchObject({ valid: true, partition: 0, offset: '7', key: 'k-1', event: { type: 'plan.approved' } });

    const bad = decodeMessage('plan.approved', 't', 0, message(JSON.stringify(envelope('plan.approved', { ...EXAMPLE_DATA['plan.approved'], goals: -1 }))));
    expect(bad.invalid).toMatch(/^data: goals: /);
    expect(JSON.parse(jsonLine(bad))).toMatchObject({ valid: false, invalid: bad.invalid, event: { data: { goals: -1 } } });
    expect(csvCells('plan.approved', bad).at(-1)).toBe(bad.invalid);

    const wrongTopic = decodeMessage('plan.approved', 't', 0, message(JSON.stringify(envelope('award.granted'))));
    expect(wrongTopic.invalid).toMatch(/this topic carries "plan.approved"/);

    const notJson = decodeMessage('plan.approved', 't', 0, message('{oops'));
    expect(notJson.invalid).toMatch(/^not JSON: /);
    expect(JSON.parse(jsonLine(notJson))).toMatchObject({ valid: false, raw: '{oops' });
    expect(occurredAtMs(notJson)).toBe(Date.UTC(2026, 0, 5, 4)); // falls back to the Kafka timestamp

    expect(decodeMessage('plan.approved', 't', 0, message(null)).invalid).toBe('empty message value');
  });
});
