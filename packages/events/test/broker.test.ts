// Against the real broker at KAFKA_BROKERS (default 127.0.0.1:9092): produce, consume in a group,
// commit, read the committed offset back. Fails (never skips) when no broker answers:
// start one with `node infra/kafka/kafka.mjs start`.
import { randomBytes, randomUUID } from 'node:crypto';
import { createKafka, parseBrokers } from '../src';
import type { Admin, Consumer, KafkaMessage, Producer } from '../src';

const brokers = process.env.KAFKA_BROKERS || '127.0.0.1:9092';
const prefix = `test.${randomBytes(4).toString('hex')}.`;
const topic = `${prefix}broker-roundtrip`;
const groupId = `${prefix}group`;

// kafkajs's admin.fetchOffsets does not retry by itself: on a freshly formatted broker the first
// group request creates __consumer_offsets and answers COORDINATOR_LOAD_IN_PROGRESS (retriable).
async function retrying<T>(fn: () => Promise<T>, attempts = 40): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e as { retriable?: boolean }).retriable || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('parseBrokers', () => {
  it('splits, trims and validates a broker list', () => {
    expect(parseBrokers(' 127.0.0.1:9092, PLAINTEXT://kafka-2:19092 ')).toEqual(['127.0.0.1:9092', 'kafka-2:19092']);
    expect(parseBrokers(undefined)).toEqual(['127.0.0.1:9092']);
    expect(() => parseBrokers('localhost')).toThrow(/host:port/);
  });
});

describe(`real Kafka broker at ${brokers}`, () => {
  const kafka = createKafka({ brokers, clientId: 'events-broker-test', retry: { retries: 3 } });
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect().catch((e: Error) => {
      throw new Error(`no Kafka broker at ${brokers} (start one: node infra/kafka/kafka.mjs start): ${e.message}`);
    });
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    if (admin) {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('produces, consumes in a group and commits the offset', async () => {
    const cluster = await admin.describeCluster();
    expect(cluster.brokers.length).toBeGreaterThan(0);

    await expect(
      admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] }),
    ).resolves.toBe(true);

    const eventId = randomUUID();
    const envelope = {
      eventId,
      type: 'test.roundtrip',
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'events-test',
      data: { hello: 'kafka' },
    };
    const [sent] = await producer.send({
      topic,
      messages: [{ key: 'employee-1', value: JSON.stringify(envelope), headers: { eventId, type: envelope.type } }],
    });
    expect(sent).toMatchObject({ topicName: topic, partition: 0, errorCode: 0, baseOffset: '0' });

    // Nothing committed yet.
    const before = await retrying(() => admin.fetchOffsets({ groupId, topics: [topic] }));
    expect(before[0]?.partitions[0]?.offset).toBe('-1');

    // kafkajs's disconnect() waits for the in-flight fetch long-poll (maxWaitTimeInMs, default 5 s).
    consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received = new Promise<KafkaMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message consumed within 30 s')), 30_000);
      void consumer!.run({
        autoCommit: false,
        eachMessage: async ({ topic: t, partition, message }) => {
          await consumer!.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
          clearTimeout(timer);
          resolve(message);
        },
      });
    });
    const message = await received;
    expect(message.key?.toString()).toBe('employee-1');
    expect(JSON.parse(message.value!.toString())).toEqual(envelope);
    expect(message.headers?.eventId?.toString()).toBe(eventId);

    const after = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(after).toEqual([{ topic, partitions: [expect.objectContaining({ partition: 0, offset: '1' })] }]);
  });
});
