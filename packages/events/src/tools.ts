// External tools some tests use (kcat, docker-compose, kubectl, chromium). `npm test` never installs
// them: a test uses the tool where it is on PATH, and otherwise says in ONE line what it skipped and
// how to install it. `.ci/run` installs them up front, so CI runs every test. It lives here, below
// @kinerja/testing (which re-exports it), so this package's own tests can use it: @kinerja/testing
// depends on the subgraph kit, which depends on this package.
import { spawnSync } from 'node:child_process';

export interface ExternalTool {
  /** The command on PATH. */
  command: string;
  /** What the skipped tests check, e.g. "kcat interoperability tests". */
  skips: string;
  /** How to install it, e.g. "apt install kcat (Debian) or brew install kcat". */
  install: string;
  /** Arguments that make it print its version and exit 0 (default: --version). */
  probe?: string[];
}

const announced = new Set<string>();

/**
 * The tool's command when it runs here; otherwise undefined, after one visible line on stderr
 * (`SKIPPED kcat interoperability tests: kcat is not installed (install: ...)`).
 */
export function externalTool(tool: ExternalTool): string | undefined {
  const r = spawnSync(tool.command, tool.probe ?? ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  if (!r.error && r.status === 0) return tool.command;
  if (!announced.has(tool.command)) {
    announced.add(tool.command);
    process.stderr.write(`SKIPPED ${tool.skips}: ${tool.command} is not installed (install: ${tool.install})\n`);
  }
  return undefined;
}

/** `describe` when the tool is present, else `describe.skip` (after the one line). */
export function describeWithTool(tool: ExternalTool): jest.Describe {
  return externalTool(tool) ? describe : describe.skip;
}
