// Interoperability: a consumer that is not ours (Debian's kcat, librdkafka) reads what the outbox
// relay published, and every message validates against the checked-in JSON Schema of its topic with
// a real JSON Schema validator (Ajv, draft 2020-12). Runs where kcat is installed (.ci/run installs it).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EVENTS, enqueue, startOutboxRelay, type EventType } from '../src';
import { BROKERS, createTopics, deleteTopics, log, outboxDatabase, prefix, waitFor, type TestDb } from './helpers';
import { EXAMPLE_DATA } from './fixtures/examples';
import { schemaValidator } from './json-schema';
import { describeWithTool } from '../src/testing';

const run = promisify(execFile);
const P = prefix('kcat');
const TYPES = Object.keys(EVENTS) as EventType[];
const topicOf = (t: EventType) => `${P}${EVENTS[t].topic}`;

interface KcatMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  payload: string | null;
  headers?: string[];
}

/** `kcat -C -J -e`: the whole topic as kcat's JSON lines, then exit at its end. */
async function kcat(topic: string): Promise<KcatMessage[]> {
  const { stdout } = await run('kcat', ['-C', '-b', BROKERS, '-t', topic, '-o', 'beginning', '-e', '-J', '-q'], { timeout: 30_000 });
  return stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as KcatMessage);
}

let db: TestDb;
const published = new Map<EventType, { eventId: string; key: string }>();

const describeWithKcat = describeWithTool({
  command: 'kcat', probe: ['-V'], skips: 'kcat interoperability tests (packages/events/test/kcat.test.ts)',
  install: 'apt-get install kcat on Debian/Ubuntu, brew install kcat on macOS',
});

describeWithKcat('kcat reads what the outbox relay published', () => {
  beforeAll(async () => {
    await createTopics(TYPES.map(topicOf), 1);
    db = await outboxDatabase('kcat');
    await db.dataSource.transaction(async (m) => {
      for (const type of TYPES) {
        const key = (EXAMPLE_DATA[type] as { employeeId: string }).employeeId;
        const envelope = await enqueue(m, type, EXAMPLE_DATA[type] as never, { key, traceId: `trace-${type}` });
        published.set(type, { eventId: envelope.eventId, key });
      }
    });
    const relay = startOutboxRelay({ dataSource: db.dataSource, brokers: BROKERS, topicPrefix: P, clientId: 'kcat-test-relay', log, pollIntervalMs: 60_000 });
    try {
      // The relay's own loop may publish first (drain() counts only its own rows): wait for the outbox.
      await relay.drain();
      await waitFor(async () => {
        const [row] = (await db.dataSource.query('SELECT count(*)::int AS pending FROM outbox WHERE sent_at IS NULL')) as Array<{ pending: number }>;
        return row?.pending === 0;
      }, { timeoutMs: 30_000 });
    } finally {
      await relay.stop();
    }
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
    await deleteTopics(TYPES.map(topicOf));
  });

  it.each(TYPES)('%s: the message validates against its checked-in JSON Schema', async (type) => {
    const messages = await kcat(topicOf(type));
    expect(messages).toHaveLength(1);
    const [message] = messages;
    const { eventId, key } = published.get(type)!;
    expect(message).toMatchObject({ topic: topicOf(type), key });
    // kcat -J lists headers as [name, value, name, value, ...].
    expect(message!.headers).toEqual(expect.arrayContaining(['eventId', eventId, 'type', type, 'traceId', `trace-${type}`]));
    const value = JSON.parse(message!.payload!) as unknown;
    const validate = schemaValidator(type);
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(value)).toBe(true);
    expect(value).toMatchObject({ eventId, type, version: EVENTS[type].version, producer: EVENTS[type].producer });
  });

  it('the raw value (kcat -f %s) is the same JSON, and the validator rejects a message that breaks the schema', async () => {
    const type: EventType = 'evaluation.completed';
    const { stdout } = await run('kcat', ['-C', '-b', BROKERS, '-t', topicOf(type), '-o', 'beginning', '-e', '-q', '-f', '%s\n'], { timeout: 30_000 });
    const value = JSON.parse(stdout.trim()) as { data: Record<string, unknown> };
    const validate = schemaValidator(type);
    expect(validate(value)).toBe(true);
    // The schema is not a rubber stamp: a wrong predicate, a missing field, a stray type all fail.
    expect(validate({ ...value, data: { ...value.data, predicate: 'LUAR_BIASA' } })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/data/predicate', keyword: 'enum' });
    const { nip: _nip, ...withoutNip } = value.data;
    expect(validate({ ...value, data: withoutNip })).toBe(false);
    expect(validate({ ...value, type: 'reward.decided' })).toBe(false);
  });
});
