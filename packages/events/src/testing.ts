// Helpers for tests against the real broker (this package's and the services'): read a topic back,
// and stand in for a broker that is down and then returns. Import from '@kinerja/events/testing'.
import { randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createKafka, parseBrokers, type KafkaMessage } from './kafka';

export { describeWithTool, externalTool, type ExternalTool } from './tools';

export interface ReadMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/**
 * Reads a topic from the beginning with a throwaway consumer group until `count` messages arrived
 * (or `timeoutMs` passed), then `settleMs` more so that a duplicate would show, and returns all.
 */
export async function readTopic(brokers: string, topic: string, count: number, { timeoutMs = 30_000, settleMs = 1500 } = {}): Promise<ReadMessage[]> {
  // KRaft refuses a subscription to a topic that does not exist yet: the relay may not have
  // published the first event when a test starts reading, so make sure the topic is there.
  await createTopics(brokers, [topic], 6);
  const kafka = createKafka({ brokers, clientId: 'kinerja-test-reader' });
  const consumer = kafka.consumer({ groupId: `reader-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const out: ReadMessage[] = [];
    let enough: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => { enough = resolve; });
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) => {
        out.push({ topic: t, partition, message });
        if (out.length >= count) enough();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([reached, new Promise((r) => { timer = setTimeout(r, timeoutMs); })]);
    clearTimeout(timer);
    await new Promise((r) => setTimeout(r, settleMs));
    return out;
  } finally {
    await consumer.disconnect();
  }
}

export async function createTopics(brokers: string, topics: string[], numPartitions = 3): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'kinerja-test-admin' }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions })) });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(brokers: string, topics: string[]): Promise<void> {
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
export async function startProxy(port: number, brokers: string): Promise<{ close(): Promise<void> }> {
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

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, { timeoutMs = 30_000, everyMs = 50 } = {}): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
