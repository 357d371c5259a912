import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';

/** How to get a compose validator that needs no Docker engine (Debian's docker-compose 1.29). */
export const COMPOSE_VALIDATOR = {
  command: 'docker-compose',
  skips: 'docker-compose.yml tests (packages/deployment/test/compose.test.ts)',
  install: 'apt-get install docker-compose on Debian/Ubuntu, or Docker Compose from docs.docker.com',
};

export interface ComposeConfigResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The resolved configuration docker-compose printed (interpolated, anchors and merges applied). */
  config?: ComposeFile;
}

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string } | string;
  command?: string[] | string;
  entrypoint?: string[] | string;
  environment?: Record<string, string | number | null> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: Array<string | { target?: number; published?: number | string }>;
  [key: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * `docker-compose -f FILE config`: validates against the compose schema, resolves interpolation,
 * anchors and merge keys. Runs with a minimal environment so the defaults in the file, not the
 * test runner's NODE_ENV or secrets, are what is checked.
 */
export function composeConfig(validator: string, file: string): ComposeConfigResult {
  const r = spawnSync(validator, ['-f', path.basename(file), 'config'], {
    cwd: path.dirname(file),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' },
    timeout: 120_000,
  });
  const result: ComposeConfigResult = { status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
  if (r.status === 0) result.config = parse(result.stdout) as ComposeFile;
  return result;
}

/** A service's environment as a map, whichever of the two compose forms it uses. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => {
      const i = e.indexOf('=');
      return i < 0 ? [e, ''] : [e.slice(0, i), e.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

export function dependsOn(service: ComposeService): Record<string, string | undefined> {
  const d = service.depends_on ?? {};
  if (Array.isArray(d)) return Object.fromEntries(d.map((n) => [n, undefined]));
  return Object.fromEntries(Object.entries(d).map(([n, v]) => [n, v?.condition]));
}

/** The container port of each published port mapping ("4000:4000", or the long form). */
export function publishedPorts(service: ComposeService): Array<{ published?: number; target: number }> {
  return (service.ports ?? []).map((p) => {
    if (typeof p === 'object') return { published: p.published === undefined ? undefined : Number(p.published), target: Number(p.target) };
    const parts = String(p).split('/')[0]!.split(':');
    const target = Number(parts[parts.length - 1]);
    const published = parts.length > 1 ? Number(parts[parts.length - 2]) : undefined;
    return { published, target };
  });
}

export function commandText(service: ComposeService): string {
  const c = service.command;
  return Array.isArray(c) ? c.join(' ') : c ?? '';
}
