import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Admin, Consumer } from '../kafka';
import { CliError, kafkaFailure } from './errors';
import { aborted, assertTopicExists, cliKafka, connectAdmin, resolveTopic, writeOut, type CliIO } from './context';
import { csvCells, csvColumns, csvLine, decodeMessage, jsonLine, occurredAtMs } from './records';
import { ephemeralGroupId } from './tail';
import type { Format } from './args';

export interface ExportOptions {
  topic: string;
  since: Date;
  until: Date | undefined;
  format: Format;
  output: string | undefined;
  prefix: string;
  brokers: string | undefined;
}

export interface PartitionPlan {
  partition: number;
  /** First offset to read: the first message at or after --since (by Kafka timestamp), never below the low watermark. */
  start: bigint;
  /** The high watermark read at start: the export ends there even while producers keep writing. */
  end: bigint;
}

export interface ExportResult {
  read: number;
  rows: number;
  invalid: number;
  interrupted: boolean;
}

/**
 * Where to read: seek by timestamp to --since (a message published after --since may still have
 * occurred before it; rows are filtered by occurredAt), stop at the high watermark read now.
 */
export async function planExport(admin: Admin, topic: string, since: Date): Promise<PartitionPlan[]> {
  const watermarks = await admin.fetchTopicOffsets(topic);
  const bySince = await admin.fetchTopicOffsetsByTimestamp(topic, since.getTime());
  return watermarks
    .map((w) => {
      const low = BigInt(w.low);
      const end = BigInt(w.high);
      const seek = bySince.find((o) => o.partition === w.partition);
      let start = seek ? BigInt(seek.offset) : low;
      if (start < low) start = low;
      if (start > end) start = end;
      return { partition: w.partition, start, end };
    })
    .sort((a, b) => a.partition - b.partition);
}

/** Reads every planned partition from start to end with an ephemeral group, calling `onMessage` per record. */
async function readPlanned(
  consumer: Consumer, topic: string, plan: PartitionPlan[], signal: AbortSignal,
  onMessage: (partition: number, message: Parameters<typeof decodeMessage>[3]) => Promise<void>,
): Promise<boolean> {
  const pending = new Map(plan.filter((p) => p.start < p.end).map((p) => [p.partition, p]));
  if (pending.size === 0) return true;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((r) => { finish = r; });
  let crash: unknown = null;
  consumer.on(consumer.events.CRASH, (e) => { crash = e.payload.error; finish(); });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch, heartbeat }) => {
      const p = pending.get(batch.partition);
      if (!p || signal.aborted) return;
      for (const message of batch.messages) {
        const offset = BigInt(message.offset);
        // Before the seek took effect, or written after the export began: not ours.
        if (offset < p.start || offset >= p.end) continue;
        await onMessage(batch.partition, message);
        if (signal.aborted) return;
      }
      await heartbeat();
      // lastOffset() accounts for records the batch filtered out (e.g. transaction markers).
      if (BigInt(batch.lastOffset()) + 1n >= p.end) {
        pending.delete(batch.partition);
        consumer.pause([{ topic, partitions: [batch.partition] }]);
        if (pending.size === 0) finish();
      }
    },
  });
  for (const p of pending.values()) consumer.seek({ topic, partition: p.partition, offset: p.start.toString() });
  await Promise.race([finished, aborted(signal)]);
  if (crash) throw crash;
  return pending.size === 0;
}

/**
 * Writes the events of [since, until) as CSV (or JSON lines) to --output (via a temporary file
 * renamed at the end, so a failed export leaves no half file) or stdout, with progress on stderr.
 */
export async function exportCommand(options: ExportOptions, io: CliIO): Promise<number> {
  const topic = resolveTopic(options.topic, options.prefix);
  const cli = cliKafka(options.brokers);
  const admin = await connectAdmin(cli);
  const groupId = ephemeralGroupId();
  let consumer: Consumer | null = null;
  const target = options.output ? resolve(io.cwd, options.output) : null;
  const temp = target ? join(dirname(target), `.${basename(target)}.${process.pid}.partial`) : null;
  let out: Writable = io.stdout;
  const result: ExportResult = { read: 0, rows: 0, invalid: 0, interrupted: false };
  const started = Date.now();
  let total = 0n;
  let lastLength = 0;
  const progress = (final: boolean) => {
    const pct = total > 0n ? ` (${Math.floor((result.read / Number(total)) * 100)}%)` : '';
    const text = `kinerja-events export ${topic.name}: ${result.read}/${total} messages read${pct}, ${result.rows} rows${result.invalid ? `, ${result.invalid} INVALID` : ''}${final ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s${target ? ` → ${options.output}` : ''}` : ''}`;
    if (io.stderrIsTTY) {
      io.stderr.write(`\r${text.padEnd(lastLength)}${final ? '\n' : ''}`);
      lastLength = text.length;
    } else {
      io.stderr.write(`${text}\n`);
    }
  };
  let ticker: NodeJS.Timeout | undefined;
  let ok = false;
  try {
    await assertTopicExists(admin, topic.name, cli);
    let plan: PartitionPlan[];
    try {
      plan = await planExport(admin, topic.name, options.since);
    } catch (error) {
      throw kafkaFailure(error, cli.brokers, `reading offsets of ${topic.name}`);
    }
    total = plan.reduce((sum, p) => sum + (p.end - p.start), 0n);
    if (temp) {
      const file = createWriteStream(temp, { flags: 'wx' });
      await once(file, 'open').catch((error: Error) => { throw new CliError(`cannot write ${options.output}: ${error.message}`); });
      out = file;
    }
    if (options.format === 'csv') await writeOut(out, csvLine(csvColumns(topic.type)));
    ticker = setInterval(() => progress(false), 1000);
    ticker.unref();
    const sinceMs = options.since.getTime();
    const untilMs = options.until ? options.until.getTime() : Infinity;
    consumer = cli.kafka.consumer({ groupId, maxWaitTimeInMs: 200, retry: { retries: 2, initialRetryTime: 300, maxRetryTime: 2000, restartOnFailure: async () => false } });
    let complete: boolean;
    try {
      complete = await readPlanned(consumer, topic.name, plan, io.signal, async (partition, message) => {
        result.read += 1;
        const record = decodeMessage(topic.type, topic.name, partition, message);
        const at = occurredAtMs(record);
        if (at < sinceMs || at >= untilMs) return;
        result.rows += 1;
        if (record.invalid !== null) result.invalid += 1;
        const line = options.format === 'csv' ? csvLine(csvCells(topic.type, record)) : jsonLine(record);
        if (!(await writeOut(out, line))) throw new CliError(`the output closed after ${result.rows} rows`);
      });
    } catch (error) {
      throw kafkaFailure(error, cli.brokers, `reading ${topic.name}`);
    }
    result.interrupted = !complete;
    if (temp && target && out !== io.stdout) {
      out.end();
      await once(out, 'close');
      if (!result.interrupted) renameSync(temp, target);
    }
    ok = !result.interrupted;
  } finally {
    if (ticker) clearInterval(ticker);
    if (consumer) await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    if (temp && !ok) {
      if (!out.destroyed && out !== io.stdout) out.destroy();
      rmSync(temp, { force: true });
    }
  }
  if (result.interrupted) {
    // An interrupted export is not an export: nothing is left behind under --output.
    io.stderr.write(`${io.stderrIsTTY ? '\n' : ''}kinerja-events: export interrupted after ${result.rows} rows${target ? `; ${options.output} not written` : ''}\n`);
    return 130;
  }
  progress(true);
  return 0;
}
