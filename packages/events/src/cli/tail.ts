import { randomBytes } from 'node:crypto';
import type { Admin, Consumer } from '../kafka';
import { CliError, kafkaFailure, rootMessage } from './errors';
import { aborted, assertTopicExists, cliKafka, connectAdmin, resolveTopic, writeOut, type CliIO } from './context';
import { csvCells, csvColumns, csvLine, decodeMessage, jsonLine } from './records';
import type { Format } from './args';

export interface TailOptions {
  topic: string;
  fromBeginning: boolean;
  /** A named group keeps its offsets (auto-commit); without one, an ephemeral group deleted on exit. */
  group: string | undefined;
  format: Format;
  prefix: string;
  brokers: string | undefined;
}

export function ephemeralGroupId(): string {
  return `kinerja-events-${randomBytes(6).toString('hex')}`;
}

/** Leaves the group (disconnect), deletes an ephemeral one, closes the admin client. Never throws. */
async function leave(consumer: Consumer | null, admin: Admin, groupId: string, ephemeral: boolean): Promise<string | null> {
  let problem: string | null = null;
  if (consumer) await consumer.disconnect().catch((e: unknown) => { problem = `leaving group ${groupId}: ${rootMessage(e)}`; });
  if (ephemeral) {
    await admin.deleteGroups([groupId]).catch((e: unknown) => {
      // A group that never committed may already be gone: nothing to clean up then.
      if (!/GROUP_ID_NOT_FOUND|does not exist/i.test(JSON.stringify((e as { groups?: unknown }).groups ?? '') + rootMessage(e))) {
        problem = `deleting group ${groupId}: ${rootMessage(e)}`;
      }
    });
  }
  await admin.disconnect().catch(() => undefined);
  return problem;
}

/**
 * Prints one line per event until Ctrl-C (io.signal), the output closes, or the consumer fails.
 * Invalid messages are printed too, flagged (json: "valid": false + "invalid"; csv: the invalid column).
 */
export async function tailCommand(options: TailOptions, io: CliIO): Promise<number> {
  const topic = resolveTopic(options.topic, options.prefix);
  const cli = cliKafka(options.brokers);
  const admin = await connectAdmin(cli);
  const ephemeral = options.group === undefined;
  const groupId = options.group ?? ephemeralGroupId();
  let consumer: Consumer | null = null;
  let events = 0;
  let invalid = 0;
  let failure: CliError | null = null;
  try {
    await assertTopicExists(admin, topic.name, cli);
    consumer = cli.kafka.consumer({
      groupId,
      maxWaitTimeInMs: 500,
      // No endless reconnecting behind the analyst's back: a crash ends the command with one line.
      retry: { retries: 2, initialRetryTime: 300, maxRetryTime: 2000, restartOnFailure: async () => false },
    });
    const crashed = new Promise<void>((resolve) => {
      consumer!.on(consumer!.events.CRASH, (e) => {
        failure = kafkaFailure(e.payload.error, cli.brokers, `consuming ${topic.name}`);
        resolve();
      });
    });
    let outputClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => { outputClosed = resolve; });
    io.stdout.once('error', () => outputClosed());
    io.stdout.once('close', () => outputClosed());
    if (options.format === 'csv') await writeOut(io.stdout, csvLine(csvColumns(topic.type)));
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic.name], fromBeginning: options.fromBeginning });
      if (io.signal.aborted) return 0;
      await consumer.run({
        autoCommit: !ephemeral,
        eachMessage: async ({ partition, message }) => {
          if (io.signal.aborted) return;
          const record = decodeMessage(topic.type, topic.name, partition, message);
          events += 1;
          if (record.invalid !== null) invalid += 1;
          const line = options.format === 'csv' ? csvLine(csvCells(topic.type, record)) : jsonLine(record);
          if (!(await writeOut(io.stdout, line))) outputClosed();
        },
      });
    } catch (error) {
      throw kafkaFailure(error, cli.brokers, `consuming ${topic.name}`);
    }
    await Promise.race([aborted(io.signal), crashed, closed]);
  } catch (error) {
    failure = kafkaFailure(error, cli.brokers, `tailing ${topic.name}`);
  } finally {
    const problem = await leave(consumer, admin, groupId, ephemeral);
    if (!failure && problem) failure = new CliError(problem);
  }
  if (failure) throw failure;
  io.stderr.write(`kinerja-events: ${events} event(s) from ${topic.name}${invalid ? `, ${invalid} INVALID` : ''}; left group ${groupId}${ephemeral ? ' (deleted)' : ''}\n`);
  return 0;
}
