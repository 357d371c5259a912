// Runs the BUILT `kinerja-events` bin (dist/cli.js, what `npx kinerja-events` runs) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function assertBuilt() {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json in packages/events)`);
}

/** A CLI process whose output is collected; `until(fn)` waits for its stdout to satisfy fn. */
export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  until(fn: (stdout: string) => boolean, timeoutMs?: number): Promise<string>;
  exited: Promise<CliRun>;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string, how: { npx?: boolean } = {}): RunningCli {
  assertBuilt();
  const started = Date.now();
  // `npx --no kinerja-events ...` (README): resolves the workspace's linked bin, never the registry.
  const [command, argv] = how.npx ? ['npx', ['--no', 'kinerja-events', ...args]] : [process.execPath, [CLI, ...args]];
  const child = spawn(command, argv, {
    cwd,
    env: { ...process.env, KAFKA_TOPIC_PREFIX: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a test's Ctrl-C reaches npx and the CLI alike, as a terminal's does.
    detached: how.npx === true,
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; for (const w of waiters) w(); });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const exited = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => { for (const w of waiters) w(); resolve({ code, signal, stdout: out, stderr: err, ms: Date.now() - started }); });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    until(fn, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`CLI output condition not met in ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`)); }, timeoutMs);
        const check = () => {
          if (fn(out)) { clearTimeout(timer); waiters.delete(check); resolve(out); } else if (child.exitCode !== null) {
            clearTimeout(timer); waiters.delete(check); reject(new Error(`CLI exited (${child.exitCode}) before the condition; stdout:\n${out}\nstderr:\n${err}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}

export function runCliProcess(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<CliRun> {
  return startCli(args, env, cwd).exited;
}

/** Runs `npx kinerja-events ARGS` the way the README tells analysts to, from `cwd`. */
export function runNpx(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<CliRun> {
  return startCli(args, env, cwd, { npx: true }).exited;
}

/** Ctrl-C in a terminal: SIGINT to the whole foreground process group (npx and the CLI under it). */
export function interrupt(cli: RunningCli): void {
  const pid = cli.child.pid!;
  try {
    process.kill(-pid, 'SIGINT');
  } catch {
    cli.child.kill('SIGINT');
  }
}

/** A small RFC 4180 parser, to read back what the CLI wrote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** CSV text → objects keyed by the header row. */
export function csvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
