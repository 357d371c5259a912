import pino from 'pino';

/** Services under test log only warnings unless LOG_LEVEL says otherwise. */
export function testLogger(name: string) {
  return pino({ name, level: process.env.TEST_LOG_LEVEL ?? 'warn' });
}
