import { parseCommand, USAGE } from './args';
import { CliError, rootMessage } from './errors';
import { exportCommand } from './export';
import { tailCommand } from './tail';
import { topicsCommand } from './topics';
import type { CliIO } from './context';

export type { CliIO } from './context';

/**
 * Runs `kinerja-events <argv>` and resolves with the exit code. Every failure is ONE line on
 * stderr (`kinerja-events: ...`); nothing here calls process.exit, so tests can run it in-process.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const command = parseCommand(argv, io.env);
    switch (command.command) {
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case 'topics':
        return await topicsCommand(command, io);
      case 'tail':
        return await tailCommand(command, io);
      case 'export':
        return await exportCommand(command, io);
    }
  } catch (error) {
    const message = error instanceof CliError ? error.message : `unexpected error: ${rootMessage(error)}`;
    io.stderr.write(`kinerja-events: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
