import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  image: string;
  alias?: string;
  instructions: Instruction[];
}

/** Instructions of a Dockerfile: comments dropped, backslash continuations joined. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let current = lines[i]!;
    if (/^\s*(#.*)?$/.test(current)) continue;
    while (/\\\s*$/.test(current) && i + 1 < lines.length) {
      i++;
      const next = lines[i]!;
      if (/^\s*#/.test(next)) continue; // comment lines inside a continuation are dropped
      current = current.replace(/\\\s*$/, ' ') + next.trim();
    }
    const m = /^\s*([A-Za-z]+)\s+([\s\S]*)$/.exec(current);
    if (m) out.push({ keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), line: start + 1 });
  }
  return out;
}

export function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const parts = ins.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const asIndex = parts.findIndex((p) => p.toUpperCase() === 'AS');
      stages.push({ image: parts[0]!, alias: asIndex > 0 ? parts[asIndex + 1] : undefined, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1]!.instructions.push(ins);
    }
  }
  return stages;
}

export function readDockerfile(file: string): { instructions: Instruction[]; stages: Stage[] } {
  const instructions = parseDockerfile(readFileSync(file, 'utf8'));
  return { instructions, stages: stagesOf(instructions) };
}

/** CMD/ENTRYPOINT in exec form as an array; shell form split on spaces. */
export function execForm(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return trimmed.split(/\s+/);
}

/**
 * Node.js release lines with long-term support and the day each one ends (nodejs.org release
 * schedule). An image is "current LTS" when its line is here and has not reached its end.
 */
export const NODE_LTS_END: Record<number, string> = {
  20: '2026-04-30',
  22: '2027-04-30',
  24: '2028-04-30',
  26: '2029-04-30',
};

/** The major Node version of an official node image reference (node:22-bookworm-slim → 22), if pinned. */
export function nodeMajor(image: string): number | undefined {
  const m = /^(?:docker\.io\/)?(?:library\/)?node:(\d+)(?:[.\-@]|$)/.exec(image);
  return m ? Number(m[1]) : undefined;
}

/**
 * The install step of a service image without a Docker engine: `turbo prune @kinerja/<name> --docker`
 * into a temporary folder, then `npm ci --dry-run` on its out/json (the pruned manifests and lockfile),
 * which fails exactly when the image's `npm ci` would (a pruned lockfile out of step with the manifests).
 */
export function prunedInstall(root: string, name: string): { ok: boolean; step: string; output: string } {
  const out = mkdtempSync(path.join(tmpdir(), `kinerja-prune-${name}-`));
  try {
    const turbo = path.join(root, 'node_modules', '.bin', 'turbo');
    const prune = spawnSync(turbo, ['prune', `@kinerja/${name}`, '--docker', `--out-dir=${out}`], {
      cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    });
    const pruneOutput = `${prune.stdout ?? ''}${prune.stderr ?? ''}${prune.error ? String(prune.error) : ''}`;
    // turbo prints a warning and writes a lockfile without external packages when the lockfile lacks a workspace.
    if (prune.status !== 0 || /WARNING/.test(pruneOutput)) return { ok: false, step: 'turbo prune', output: pruneOutput };
    const ci = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: path.join(out, 'json'), encoding: 'utf8', timeout: 300_000,
    });
    return { ok: ci.status === 0, step: 'npm ci', output: `${ci.stdout ?? ''}${ci.stderr ?? ''}`.split('\n').filter((l) => /error/i.test(l)).slice(0, 12).join('\n') };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The one Dockerfile of every Node deployable (the GraphQL services; the web app as target `web`). */
export const SERVICE_DOCKERFILE = 'infra/docker/service.Dockerfile';

/** Replaces `${NAME}` and `$NAME` with the given values; unknown names stay as written. */
export function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a: string | undefined, b: string | undefined) => vars[(a ?? b)!] ?? whole);
}

export interface BuiltImage {
  /** The target stage and the stages it is built FROM, base first. */
  chain: Stage[];
  /** The chain's instructions, with the build arguments and ENV values substituted as Docker would. */
  instructions: Instruction[];
  /** The image's environment (ENV of the whole chain). */
  env: Record<string, string>;
}

/** `KEY=value KEY2=value2` (ENV and ARG syntax) as pairs; a bare ARG name has no value. */
function assignments(args: string): Array<[string, string | undefined]> {
  return (args.match(/(?:[^\s"]+|"[^"]*")+/g) ?? []).map((part) => {
    const i = part.indexOf('=');
    return i < 0 ? [part, undefined] : [part.slice(0, i), part.slice(i + 1).replace(/^"(.*)"$/, '$1')];
  });
}

/**
 * What `docker build --target <target> --build-arg …` would configure, read without a Docker
 * engine: the target (default: the last stage) and its base stages, each ARG taking the given
 * value (or its default), substituted into the instructions Docker expands (not RUN or CMD: the shell does).
 */
export function imageOf(stages: Stage[], target: string | undefined, buildArgs: Record<string, string>): BuiltImage {
  const chain: Stage[] = [];
  let stage = target === undefined ? stages[stages.length - 1] : stages.find((s) => s.alias === target);
  if (!stage) throw new Error(`no stage ${target}`);
  for (;;) {
    chain.unshift(stage);
    const base: Stage | undefined = stages.find((s) => s.alias === stage!.image);
    if (!base) break;
    stage = base;
  }
  const env: Record<string, string> = {};
  const instructions: Instruction[] = [];
  for (const s of chain) {
    const scope: Record<string, string> = { ...env };
    for (const ins of s.instructions) {
      const expand = !['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(ins.keyword);
      const args = expand ? substitute(ins.args, scope) : ins.args;
      if (ins.keyword === 'ARG') {
        for (const [k, v] of assignments(ins.args)) {
          const value = buildArgs[k] ?? v;
          if (value !== undefined) scope[k] = value;
        }
      } else if (ins.keyword === 'ENV') {
        for (const [k, v] of assignments(args)) if (v !== undefined) scope[k] = env[k] = v;
      }
      instructions.push({ ...ins, args });
    }
  }
  return { chain, instructions, env };
}

/**
 * Runs the Dockerfile's build-argument check (the RUN that requires `${NAME:?…}`) in the repository
 * as the prune stage would, with only the given arguments set: without a Docker engine.
 */
export function runArgumentCheck(root: string, instructions: Instruction[], buildArgs: Record<string, string>): { status: number | null; stderr: string } {
  const check = instructions.find((i) => i.keyword === 'RUN' && /\$\{\w+:\?/.test(i.args));
  if (!check) throw new Error('the Dockerfile has no build-argument check');
  const r = spawnSync('sh', ['-c', check.args], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...buildArgs } });
  return { status: r.status, stderr: r.stderr };
}
