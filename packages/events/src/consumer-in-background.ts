import type { Logger } from 'pino';
import type { RunningConsumer } from './consumer';

export interface BackgroundConsumer {
  /** The consumer once it joined, or null when stopped before it could. */
  started: Promise<RunningConsumer | null>;
  stop(): Promise<void>;
}

/**
 * Starts a consumer, retrying in the background while Kafka is unreachable (500 ms doubling to
 * 10 s): the subgraph keeps answering, and events wait in Kafka until the consumer joins.
 */
export function startConsumerInBackground(start: () => Promise<RunningConsumer>, log: Logger, what: string): BackgroundConsumer {
  let stopped = false;
  let wake: () => void = () => undefined;
  const started = (async (): Promise<RunningConsumer | null> => {
    let delay = 500;
    while (!stopped) {
      try {
        const consumer = await start();
        if (stopped) {
          await consumer.stop();
          return null;
        }
        return consumer;
      } catch (error) {
        log.warn({ err: error, retryInMs: delay }, `${what} consumer could not start; retrying`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => { clearTimeout(timer); resolve(); };
        });
        delay = Math.min(10_000, delay * 2);
      }
    }
    return null;
  })();
  return {
    started,
    async stop() {
      stopped = true;
      wake();
      const consumer = await started;
      await consumer?.stop();
    },
  };
}
