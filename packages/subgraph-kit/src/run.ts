import type { Logger } from 'pino';
import { ConfigError } from './config';

/**
 * Runs a service's main: any start-up failure (bad configuration above all) stops the process
 * with one clear line; SIGTERM/SIGINT stop it gracefully, a second signal forcefully.
 */
export function runMain(name: string, main: () => Promise<{ stop(): Promise<void> }>, log?: Logger): void {
  main().then(
    (running) => {
      let signals = 0;
      const shutdown = (signal: string) => {
        signals += 1;
        if (signals > 1) process.exit(1);
        log?.info({ signal }, `${name}: shutting down`);
        const force = setTimeout(() => process.exit(1), 15_000);
        force.unref();
        running.stop().then(() => process.exit(0), (err: unknown) => {
          log?.error({ err }, 'shutdown failed');
          process.exit(1);
        });
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`${name}: ${error.message}\n`);
      } else {
        process.stderr.write(`${name}: failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      }
      process.exit(1);
    },
  );
}
