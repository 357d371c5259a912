// Helpers for tests against the real broker (this package's and the services'): read a topic back,
// wait for a state, and stand in for a broker that is down and then returns. Import from
// '@kinerja/events/testing'; @kinerja/testing re-exports them for the services' tests (this
// package sits below the kit, so its own tests cannot import @kinerja/testing).
import { randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createKafka, parseBrokers, type KafkaMessage } from './kafka';

export { describeWithTool, externalTool, type ExternalTool } from './tools';

/** The broker tests talk to (npm test sets KAFKA_BROKERS; the local broker otherwise). */
export const KAFKA_BROKERS = process.env.KAFKA_BROKERS || '127.0.0.1:9092';

export interface ReadMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  /** The message's key, value and headers as text (null where absent). */
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface ReadOptions {
  /** How long to wait for enough messages; what arrived by then is returned (tests assert on it). */
  timeoutMs?: number;
  /** How long to keep reading once enough arrived, so that a duplicate would show. */
  settleMs?: number;
  brokers?: string;
}

/**
 * Reads a topic from the beginning with a throwaway consumer group until `enough` says the
 * messages read so far suffice (or `timeoutMs` passed), then `settleMs` more, and returns all.
 */
export async function readTopicUntil(topic: string, enough: (read: ReadMessage[]) => boolean, { timeoutMs = 30_000, settleMs = 1500, brokers = KAFKA_BROKERS }: ReadOptions = {}): Promise<ReadMessage[]> {
  // KRaft refuses a subscription to a topic that does not exist yet: the relay may not have
  // published the first event when a test starts reading, so make sure the topic is there.
  await createTopics([topic], 6, brokers);
  const kafka = createKafka({ brokers, clientId: 'kinerja-test-reader' });
  const consumer = kafka.consumer({ groupId: `reader-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const out: ReadMessage[] = [];
    let reached: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => { reached = resolve; });
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) => {
        out.push({
          topic: t, partition, message,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        });
        if (enough(out)) reached();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([arrived, new Promise((r) => { timer = setTimeout(r, timeoutMs); })]);
    clearTimeout(timer);
    await new Promise((r) => setTimeout(r, settleMs));
    return out;
  } finally {
    await consumer.disconnect();
  }
}

/** Reads a topic from the beginning until `count` messages arrived: see readTopicUntil. */
export function readTopic(topic: string, count: number, options?: ReadOptions): Promise<ReadMessage[]> {
  return readTopicUntil(topic, (read) => read.length >= count, options);
}

export async function createTopics(topics: string[], numPartitions = 3, brokers = KAFKA_BROKERS): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'kinerja-test-admin' }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions })) });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(topics: string[], brokers = KAFKA_BROKERS): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'kinerja-test-admin' }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
}

/** A free local port with nothing listening on it: a Kafka that is down. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/**
 * Forwards `port` to the real broker: the broker "comes back" at that address. The broker
 * advertises its own address, so after bootstrapping through here clients talk to it directly.
 */
export async function startProxy(port: number, brokers = KAFKA_BROKERS): Promise<{ close(): Promise<void> }> {
  const [host, targetPort] = (parseBrokers(brokers)[0] as string).split(':') as [string, string];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(targetPort), host);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

export interface WaitOptions {
  timeoutMs?: number;
  everyMs?: number;
  /** What is awaited, for the failure message (default: the condition's source text). */
  what?: string;
}

/**
 * Polls `fn` every `everyMs` until it gives a truthy value, which it returns: a test waits for a
 * state, never for a fixed time. Past `timeoutMs` it fails, naming the condition and its last value.
 */
export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, { timeoutMs = 30_000, everyMs = 50, what }: WaitOptions = {}): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) {
      const condition = what ?? String(fn).replace(/\s+/g, ' ').slice(0, 300);
      throw new Error(`waitFor: not met within ${timeoutMs} ms: ${condition} (last value: ${shown(v)})`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function shown(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
