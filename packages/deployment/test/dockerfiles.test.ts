import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  APPS, buildArgsOf, execForm, imageOf, NODE_LTS_END, nodeMajor, parseDockerfile, prunedInstall, readDockerfile, repoRoot, runArgumentCheck, SERVICE_DOCKERFILE,
  SERVICES, stagesOf,
} from '../src';

const ROOT = repoRoot();
const today = new Date().toISOString().slice(0, 10);
const { instructions, stages } = readDockerfile(path.join(ROOT, SERVICE_DOCKERFILE));
const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
/** The runtime targets: the GraphQL services' (the default, last stage) and the web app's. */
const TARGETS = { service: undefined, web: 'web' } as const;

describe(SERVICE_DOCKERFILE, () => {
  test('is the only Dockerfile: no service keeps a copy of its own', () => {
    for (const name of [...SERVICES, ...APPS]) {
      const own = path.join(ROOT, 'services', name, 'Dockerfile');
      expect([own, existsSync(own)]).toEqual([own, false]);
    }
  });

  test('uses one current LTS Node.js image; every other stage builds on an earlier stage', () => {
    const aliases = new Set<string>();
    const majors = new Set<number | undefined>();
    for (const stage of stages) {
      if (aliases.has(stage.image)) {
        if (stage.alias) aliases.add(stage.alias);
        continue;
      }
      const major = nodeMajor(stage.image);
      majors.add(major);
      expect([stage.image, major !== undefined && major % 2 === 0 && NODE_LTS_END[major] !== undefined]).toEqual([stage.image, true]);
      // Past its end of life a line gets no security fixes: move the image to the next LTS line.
      expect([stage.image, NODE_LTS_END[major!]! > today]).toEqual([stage.image, true]);
      if (stage.alias) aliases.add(stage.alias);
    }
    expect(majors.size).toBe(1);
  });

  test('prunes the monorepo to WORKSPACE with turbo, installs from the pruned lockfile, builds it and drops dev dependencies', () => {
    expect(runs.some((r) => /turbo prune "?\$\{?WORKSPACE\}?"?(\s|$)/.test(r) && /--docker/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /turbo run build --filter=\$\{WORKSPACE\}\.\.\./.test(r))).toBe(true);
    // Only production dependencies reach the service image.
    expect(runs.some((r) => /npm prune --omit=dev|npm ci [^&]*--omit=dev/.test(r))).toBe(true);
  });

  test('stops the build, naming the argument, when WORKSPACE, SERVICE or PORT is missing or SERVICE is not WORKSPACE\'s folder', () => {
    const goals = buildArgsOf('goals');
    expect(runArgumentCheck(ROOT, instructions, goals).status).toBe(0);
    for (const missing of ['WORKSPACE', 'SERVICE', 'PORT'] as const) {
      const { [missing]: _, ...rest } = goals;
      const r = runArgumentCheck(ROOT, instructions, rest);
      expect([missing, r.status !== 0, r.stderr]).toEqual([missing, true, expect.stringContaining(`--build-arg ${missing}=`)]);
    }
    const wrong = runArgumentCheck(ROOT, instructions, { ...goals, SERVICE: 'personnel' });
    expect([wrong.status, wrong.stderr]).toEqual([1, expect.stringContaining('services/personnel/package.json is not the workspace @kinerja/goals')]);
  });

  test.each(Object.entries(TARGETS))('target %s: runs as node in production with a health check, copying only built files', (_, target) => {
    const image = imageOf(stages, target, buildArgsOf(target === 'web' ? 'web' : 'goals'));
    const of = (keyword: string) => image.instructions.filter((i) => i.keyword === keyword);
    // The runtime stages never install or build: everything arrives built from an earlier stage.
    expect(of('RUN')).toEqual([]);
    const copies = of('COPY');
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) expect([c.args, /--from=build\b/.test(c.args) && /--chown=node:node/.test(c.args)]).toEqual([c.args, true]);
    expect(of('USER').map((u) => u.args).pop()).toBe('node');
    expect(of('ENTRYPOINT')).toEqual([]);
    expect(image.env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(of('HEALTHCHECK').map((h) => h.args).join(' ')).toMatch(/\/ready/);
  });
});

describe.each(SERVICES)('%s: the image the shared Dockerfile builds with its catalog arguments', (name) => {
  const args = buildArgsOf(name);
  const image = imageOf(stages, TARGETS.service, args);
  const of = (keyword: string) => image.instructions.filter((i) => i.keyword === keyword);

  test('WORKSPACE is the workspace in services/SERVICE', () => {
    const pkg = path.join(ROOT, 'services', args.SERVICE, 'package.json');
    expect([pkg, existsSync(pkg)]).toEqual([pkg, true]);
    expect(JSON.parse(readFileSync(pkg, 'utf8')).name).toBe(args.WORKSPACE);
    expect(runArgumentCheck(ROOT, instructions, args)).toEqual({ status: 0, stderr: '' });
  });

  test(`CMD runs services/${name}/dist/main.js with node, on port ${args.PORT}`, () => {
    const cmds = of('CMD');
    expect(cmds).toHaveLength(1);
    // A shell resolves SERVICE_MAIN and execs node in its place.
    expect(execForm(cmds[0]!.args)).toEqual(['sh', '-c', 'exec node "$SERVICE_MAIN"']);
    expect(image.env.SERVICE_MAIN).toBe(`services/${name}/dist/main.js`);
    expect(existsSync(path.join(ROOT, 'services', name, 'src', 'main.ts'))).toBe(true);
    expect(of('EXPOSE').map((e) => e.args)).toEqual([args.PORT]);
    expect(image.env.PORT).toBe(args.PORT);
  });

  test('the image install step works: the pruned lockfile satisfies `npm ci` (checked without a Docker engine)', () => {
    const r = prunedInstall(ROOT, name);
    expect({ ok: r.ok, step: r.step, output: r.ok ? '' : r.output }).toEqual({ ok: true, step: 'npm ci', output: '' });
  }, 300_000);
});

test('.dockerignore keeps local builds, dependencies and data out of the build context', () => {
  const ignore = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
  for (const entry of ['node_modules', '**/node_modules', '**/dist', '.data', '.git']) expect(ignore).toContain(entry);
});

test('nodeMajor and the LTS table read image references as intended', () => {
  expect(nodeMajor('node:22-bookworm-slim')).toBe(22);
  expect(nodeMajor('docker.io/library/node:24.11.1-alpine')).toBe(24);
  expect(nodeMajor('node:lts')).toBeUndefined();
  expect(nodeMajor('nodejs:22')).toBeUndefined();
  expect(NODE_LTS_END[21]).toBeUndefined();
});

test('imageOf substitutes build arguments and ENV as Docker does, and leaves RUN and CMD to the shell', () => {
  const parsed = stagesOf(parseDockerfile(`FROM node:22 AS a
ARG PORT=1
ENV PORT=\${PORT} MAIN=services/$NAME/main.js
FROM a AS b
ARG NAME
ENV MAIN=services/\${NAME}/main.js
EXPOSE \${PORT}
CMD ["sh", "-c", "exec node \\"$MAIN\\""]`));
  const image = imageOf(parsed, 'b', { NAME: 'goals' });
  expect(image.chain.map((s) => s.alias)).toEqual(['a', 'b']);
  expect(image.env).toEqual({ PORT: '1', MAIN: 'services/goals/main.js' });
  expect(image.instructions.find((i) => i.keyword === 'EXPOSE')!.args).toBe('1');
  expect(image.instructions.find((i) => i.keyword === 'CMD')!.args).toContain('$MAIN');
});
