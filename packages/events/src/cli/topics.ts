import { EVENTS, type EventType } from '../catalog';
import type { Admin } from '../kafka';
import { kafkaFailure } from './errors';
import { cliKafka, connectAdmin, schemaFile, writeOut, type CliIO } from './context';
import { csvLine } from './records';

export interface TopicRow {
  topic: string;
  /** null when the topic is not on the broker. */
  partitions: number | null;
  schema: string;
  /** Sum over partitions of high - low watermark; null when the topic is missing. */
  messages: number | null;
}

async function describe(admin: Admin, topic: string, present: Set<string>): Promise<Pick<TopicRow, 'partitions' | 'messages'>> {
  if (!present.has(topic)) return { partitions: null, messages: null };
  const offsets = await admin.fetchTopicOffsets(topic);
  const messages = offsets.reduce((sum, p) => sum + (Number(p.high) - Number(p.low)), 0);
  return { partitions: offsets.length, messages };
}

/** Every catalog topic (with its .dlq twin when the broker has one), from the broker. */
export async function listTopics(options: { prefix: string; brokers: string | undefined }, cwd: string): Promise<TopicRow[]> {
  const cli = cliKafka(options.brokers);
  const admin = await connectAdmin(cli);
  try {
    const present = new Set(await admin.listTopics());
    const rows: TopicRow[] = [];
    for (const type of Object.keys(EVENTS) as EventType[]) {
      const topic = `${options.prefix}${EVENTS[type].topic}`;
      rows.push({ topic, schema: schemaFile(type, cwd), ...(await describe(admin, topic, present)) });
      const dlq = `${topic}.dlq`;
      // Dead letters are the original messages (valid or not), so no schema applies.
      if (present.has(dlq)) rows.push({ topic: dlq, schema: '-', ...(await describe(admin, dlq, present)) });
    }
    return rows;
  } catch (error) {
    throw kafkaFailure(error, cli.brokers, 'reading topic offsets');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function topicsCommand(options: { prefix: string; brokers: string | undefined; format: 'table' | 'json' | 'csv' }, io: CliIO): Promise<number> {
  const rows = await listTopics(options, io.cwd);
  const show = (n: number | null) => (n === null ? 'missing' : String(n));
  let text: string;
  if (options.format === 'json') {
    text = rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  } else if (options.format === 'csv') {
    text = csvLine(['topic', 'partitions', 'schema', 'messages']) + rows.map((r) => csvLine([r.topic, show(r.partitions), r.schema, show(r.messages)])).join('');
  } else {
    const table = [['TOPIC', 'PARTITIONS', 'SCHEMA', 'MESSAGES'], ...rows.map((r) => [r.topic, show(r.partitions), r.schema, show(r.messages)])];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    text = table.map((row) => `${row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}\n`).join('');
  }
  await writeOut(io.stdout, text);
  return 0;
}
