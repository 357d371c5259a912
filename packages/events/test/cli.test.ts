// `kinerja-events` against the real broker, run as the built bin in a child process, on topics with
// a unique prefix (--prefix / KAFKA_TOPIC_PREFIX) so the real topics are never touched.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { createKafka, EVENTS, type Admin, type Producer } from '../src';
import { BROKERS, closedPort, createTopics, deleteTopics, prefix } from './helpers';
import { csvObjects, interrupt, parseCsv, runCliProcess, runNpx, startCli } from './cli-helpers';
import { runCli } from '../src/cli/main';
import { envelopeOf, EXAMPLE_DATA } from './fixtures/examples';

const P = prefix('cli');
const EVAL = `${P}kinerja.evaluation.completed.v1`;
const AWARD = `${P}kinerja.award.granted.v1`;
const REPO = resolve(__dirname, '..', '..', '..');
const env = { KAFKA_BROKERS: BROKERS };
const HOUR = 3_600_000;
const now = Date.now();


// Partition 0 in time order, so seeking by timestamp is predictable; one more event on partition 1.
const A = envelopeOf('evaluation.completed', undefined, now - 3 * HOUR);
const B = envelopeOf('evaluation.completed', undefined, now - 2 * HOUR);
const X = envelopeOf('evaluation.completed', { ...EXAMPLE_DATA['evaluation.completed'], predicate: 'LUAR_BIASA' as never }, now - 2 * HOUR + 60_000);
const C = envelopeOf('evaluation.completed', undefined, now - 1 * HOUR);
const D = envelopeOf('evaluation.completed', undefined, now - 2 * HOUR + 120_000);
const TITLE = 'Piagam "Pegawai Teladan", Triwulan II\nBungo';
const AWARDED = envelopeOf('award.granted', { ...EXAMPLE_DATA['award.granted'], title: TITLE }, now - HOUR);

let admin: Admin;
/** Events the group test adds to EVAL (now-stamped: after every export window). */
let laterEvents = 0;
let producer: Producer;
const groupsToDelete: string[] = [];

async function send(topic: string, partition: number, value: string, timestamp: number, key = EXAMPLE_DATA['evaluation.completed'].employeeId) {
  await producer.send({ topic, acks: -1, messages: [{ partition, key, value, timestamp: String(timestamp) }] });
}

async function groupIds(): Promise<string[]> {
  return (await admin.listGroups()).groups.map((g) => g.groupId);
}

beforeAll(async () => {
  const kafka = createKafka({ brokers: BROKERS, clientId: 'events-cli-test' });
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer();
  await producer.connect();
  await createTopics([EVAL], 3);
  await createTopics([AWARD], 1);
  await send(EVAL, 0, JSON.stringify(A), now - 3 * HOUR);
  await send(EVAL, 0, JSON.stringify(B), now - 2 * HOUR);
  await send(EVAL, 0, JSON.stringify(X), now - 2 * HOUR + 60_000);
  await send(EVAL, 0, JSON.stringify(C), now - HOUR);
  await send(EVAL, 0, 'not json at all', now - HOUR / 2);
  await send(EVAL, 1, JSON.stringify(D), now - 2 * HOUR + 120_000);
  await send(AWARD, 0, JSON.stringify(AWARDED), now - HOUR);
});

afterAll(async () => {
  await producer?.disconnect();
  if (admin) {
    if (groupsToDelete.length) await admin.deleteGroups(groupsToDelete).catch(() => undefined);
    await admin.disconnect();
  }
  await deleteTopics([EVAL, AWARD]);
});

describe('kinerja-events topics', () => {
  it('lists every catalog topic with partitions, schema file and message count from the broker', async () => {
    const run = await runCliProcess(['topics', '--prefix', P, '--format', 'json'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const rows = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { topic: string; partitions: number | null; schema: string; messages: number | null });
    expect(rows.filter((r) => !r.topic.endsWith('.dlq')).map((r) => r.topic)).toEqual(Object.values(EVENTS).map((e) => `${P}${e.topic}`));
    const byTopic = new Map(rows.map((r) => [r.topic, r]));
    expect(byTopic.get(EVAL)).toMatchObject({ partitions: 3, messages: 6 });
    expect(byTopic.get(AWARD)).toMatchObject({ partitions: 1, messages: 1 });
    expect(byTopic.get(`${P}kinerja.plan.approved.v1`)).toMatchObject({ partitions: null, messages: null });
    for (const r of rows.filter((row) => !row.topic.endsWith('.dlq'))) expect(existsSync(resolve(r.schema))).toBe(true);
  });

  it('prints a table with schema paths relative to the repository root (npx kinerja-events topics)', async () => {
    const run = await runCliProcess(['topics'], { ...env, KAFKA_TOPIC_PREFIX: P }, REPO);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^TOPIC\s+PARTITIONS\s+SCHEMA\s+MESSAGES$/);
    expect(run.stdout).toMatch(new RegExp(`^${EVAL.replace(/\./g, '\\.')}\\s+3\\s+packages/events/schemas/kinerja\\.evaluation\\.completed\\.v1\\.schema\\.json\\s+6$`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^${P.replace(/\./g, '\\.')}kinerja\\.plan\\.approved\\.v1\\s+missing\\s+\\S+\\s+missing$`, 'm'));
  });
});

// The README's commands as written, from the repository root: `npx` must find the workspace's bin
// (linked by `npm ci` on a fresh clone, before anything was built), not ask the registry.
describe('npx kinerja-events, as the README says', () => {
  it('npx kinerja-events topics', async () => {
    const run = await runNpx(['topics'], { ...env, KAFKA_TOPIC_PREFIX: P }, REPO);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout.split('\n')[0]).toMatch(/^TOPIC\s+PARTITIONS\s+SCHEMA\s+MESSAGES$/);
    expect(run.stdout).toMatch(new RegExp(`^${EVAL.replace(/\./g, '\\.')}\\s+3\\s+\\S+\\s+6$`, 'm'));
  });

  it('npx kinerja-events tail kinerja.evaluation.completed.v1 --from-beginning --format csv, then Ctrl-C', async () => {
    const cli = startCli(['tail', 'kinerja.evaluation.completed.v1', '--from-beginning', '--format', 'csv'], { ...env, KAFKA_TOPIC_PREFIX: P }, REPO, { npx: true });
    await cli.until((out) => parseCsv(out).length >= 7);
    interrupt(cli);
    const run = await cli.exited;
    // npm re-raises the SIGINT it got (as in a shell); the CLI under it left and deleted its group.
    expect(run.code === 0 || run.signal === 'SIGINT').toBe(true);
    expect(run.stderr).toMatch(/left group kinerja-events-[0-9a-f]+ \(deleted\)/);
    expect(csvObjects(run.stdout).filter((r) => r.invalid === '').map((r) => r.eventId).sort()).toEqual([A, B, C, D].map((e) => e.eventId).sort());
  });

  it('npx kinerja-events export kinerja.award.granted.v1 --since ... --output awards.csv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-npx-'));
    try {
      const run = await runNpx(['export', 'kinerja.award.granted.v1', '--since', new Date(now - 2 * HOUR).toISOString(), '--output', join(dir, 'awards.csv')], { ...env, KAFKA_TOPIC_PREFIX: P }, REPO);
      expect(run.code).toBe(0);
      expect(csvObjects(readFileSync(join(dir, 'awards.csv'), 'utf8')).map((r) => r.eventId)).toEqual([AWARDED.eventId]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kinerja-events tail', () => {
  it('--from-beginning --format csv prints every event, flags invalid ones, and on Ctrl-C deletes its ephemeral group (exit 0)', async () => {
    const cli = startCli(['tail', 'kinerja.evaluation.completed.v1', '--from-beginning', '--format', 'csv'], { ...env, KAFKA_TOPIC_PREFIX: P });
    await cli.until((out) => parseCsv(out).length >= 7);
    cli.child.kill('SIGINT');
    const run = await cli.exited;
    expect(run.code).toBe(0);
    const rows = csvObjects(run.stdout);
    expect(rows).toHaveLength(6);
    const valid = rows.filter((r) => r.invalid === '');
    expect(valid.map((r) => r.eventId).sort()).toEqual([A, B, C, D].map((e) => e.eventId).sort());
    const b = rows.find((r) => r.eventId === B.eventId)!;
    expect(b).toMatchObject({ type: 'evaluation.completed', occurredAt: B.occurredAt, producer: 'evaluation', partition: '0', offset: '1', 'cycle.year': '2025', 'cycle.period': '', predicate: 'SANGAT_BAIK' });
    const bad = rows.find((r) => r.eventId === X.eventId)!;
    expect(bad.invalid).toMatch(/^data: predicate: /);
    expect(bad.predicate).toBe('LUAR_BIASA');
    expect(rows.find((r) => r.offset === '4' && r.partition === '0')!.invalid).toMatch(/^not JSON: /);

    const summary = run.stderr.trim().split('\n');
    expect(summary).toHaveLength(1);
    const group = /left group (kinerja-events-[0-9a-f]+) \(deleted\)/.exec(summary[0]!)?.[1];
    expect(summary[0]).toMatch(/6 event\(s\) .*, 2 INVALID/);
    expect(group).toBeDefined();
    expect(await groupIds()).not.toContain(group);
  });

  it('with --group leaves the group cleanly on Ctrl-C, keeps its offsets, and resumes there', async () => {
    const group = `${P}analyst`;
    groupsToDelete.push(group);
    const first = startCli(['tail', EVAL, '--from-beginning', '--group', group, '--prefix', P], env);
    await first.until((out) => out.trim().split('\n').length >= 6);
    first.child.kill('SIGINT');
    const run = await first.exited;
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { valid: boolean; invalid?: string; event?: { eventId: string }; raw?: string });
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => !l.valid).map((l) => l.invalid)).toEqual(expect.arrayContaining([expect.stringMatching(/^data: predicate/), expect.stringMatching(/^not JSON/)]));
    expect(run.stderr).toMatch(new RegExp(`left group ${group.replace(/\./g, '\\.')}\n$`));
    // Left, not timed out: no members right away (a killed consumer would stay a member for the session timeout).
    const { groups: [described] } = await admin.describeGroups([group]);
    expect(described).toMatchObject({ groupId: group, state: 'Empty', members: [] });
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [EVAL] });
    expect(offsets!.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset)).toEqual(['5', '1', '-1']);

    const second = startCli(['tail', EVAL, '--group', group, '--prefix', P], env);
    const later = envelopeOf('evaluation.completed', undefined, Date.now());
    // Partition 1 has a committed offset, so the group resumes there whenever it joins.
    await send(EVAL, 1, JSON.stringify(later), Date.now());
    laterEvents += 1;
    await second.until((out) => out.includes(later.eventId));
    second.child.kill('SIGINT');
    const resumed = await second.exited;
    expect(resumed.code).toBe(0);
    expect(resumed.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('kinerja-events export', () => {
  it('--since/--until writes the events that occurred in the window to --output, with a progress line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-export-'));
    try {
      const run = await runCliProcess([
        'export', 'evaluation.completed', '--prefix', P, '--format', 'csv',
        '--since', new Date(now - 2.5 * HOUR).toISOString(), '--until', new Date(now - 1.5 * HOUR).toISOString(), '--output', 'window.csv',
      ], env, dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      // Seeks by timestamp: A (before --since) is not even read; B, X, C, the non-JSON one and D are
      // (plus the group test's later event); C, the non-JSON one and the later one are after --until.
      const read = 5 + laterEvents;
      expect(run.stderr).toMatch(new RegExp(`export .*kinerja\\.evaluation\\.completed\\.v1: ${read}/${read} messages read \\(100%\\), 3 rows, 1 INVALID in [\\d.]+ s → window\\.csv\n$`));
      const rows = csvObjects(readFileSync(join(dir, 'window.csv'), 'utf8'));
      expect(rows.map((r) => r.eventId).sort()).toEqual([B, X, D].map((e) => e.eventId).sort());
      expect(rows.find((r) => r.eventId === X.eventId)!.invalid).toMatch(/^data: predicate/);
      expect(readdirSync(dir)).toEqual(['window.csv']); // no partial file left behind
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes to stdout when there is no --output, quoting text that needs it', async () => {
    const run = await runCliProcess(['export', AWARD, '--prefix', P, '--since', new Date(now - 2 * HOUR).toISOString()], env);
    expect(run.code).toBe(0);
    const rows = csvObjects(run.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ eventId: AWARDED.eventId, kind: 'CERTIFICATE', title: TITLE, decisionId: EXAMPLE_DATA['award.granted'].decisionId, invalid: '' });
    expect(run.stderr).toMatch(/1\/1 messages read \(100%\), 1 rows in/);
  });

  it('interrupted (Ctrl-C), leaves no half file behind and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-export-'));
    const controller = new AbortController();
    controller.abort(); // Ctrl-C as the export starts reading
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    try {
      const code = await runCli(['export', EVAL, '--prefix', P, '--since', new Date(now - 4 * HOUR).toISOString(), '--output', 'x.csv'],
        { stdout, stderr, env, signal: controller.signal, cwd: dir });
      expect(code).toBe(130);
      expect(err).toBe('kinerja-events: export interrupted after 0 rows; x.csv not written\n');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives only the header when nothing occurred in the window', async () => {
    const run = await runCliProcess(['export', EVAL, '--prefix', P, '--since', new Date(now + HOUR).toISOString()], env);
    expect(run.code).toBe(0);
    expect(parseCsv(run.stdout)).toHaveLength(1);
    expect(run.stderr).toMatch(/0 rows/);
  });
});

describe('kinerja-events errors: one line on stderr, non-zero exit', () => {
  const oneLine = (stderr: string) => {
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    return stderr.trim();
  };

  it('unknown topic', async () => {
    const run = await runCliProcess(['tail', 'kinerja.evaluation.done.v1', '--prefix', P], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(oneLine(run.stderr)).toMatch(/^kinerja-events: unknown topic "kinerja.evaluation.done.v1": known topics are kinerja\.evaluation\.completed\.v1, /);
  });

  it('a catalog topic that is not on the broker', async () => {
    const run = await runCliProcess(['export', 'plan.approved', '--prefix', P, '--since', '2026-01-01'], env);
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toBe(`kinerja-events: topic "${P}kinerja.plan.approved.v1" does not exist on ${BROKERS} (create the topics: node infra/kafka/kafka.mjs topics)`);
  });

  it.each([['topics'], ['tail', 'evaluation.completed'], ['export', 'evaluation.completed', '--since', '2026-01-01']])('broker unreachable: %s', async (...args) => {
    const port = await closedPort();
    const run = await runCliProcess(args, { KAFKA_BROKERS: `127.0.0.1:${port}` });
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toMatch(new RegExp(`^kinerja-events: cannot reach Kafka at 127\\.0\\.0\\.1:${port} \\(KAFKA_BROKERS\\) while connecting: .*ECONNREFUSED`));
    expect(run.ms).toBeLessThan(15_000);
  });

  it('bad arguments exit 2', async () => {
    const run = await runCliProcess(['export', 'evaluation.completed'], env);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toBe('kinerja-events: export needs --since DATE (see kinerja-events --help)');
  });
});
