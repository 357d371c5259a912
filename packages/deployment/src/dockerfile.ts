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
