#!/usr/bin/env node
// The `kinerja-events` bin (EVENTS.md, "For analysts"); the logic lives in ./cli/*.
import { runCli } from './cli/main';

const controller = new AbortController();
let signals = 0;
const onSignal = () => {
  signals += 1;
  // First Ctrl-C: leave the consumer group cleanly. Second: the analyst really wants out.
  if (signals > 1) process.exit(130);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// `kinerja-events tail ... | head`: a closed pipe ends the command, it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`kinerja-events: stdout: ${error.message}\n`);
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
}).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`kinerja-events: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
).finally(() => {
  // kafkajs may keep sockets or timers alive a moment after disconnect; the command is done.
  setTimeout(() => process.exit(), 50).unref();
});
