import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execForm, NODE_LTS_END, nodeMajor, portOf, prunedInstall, readDockerfile, repoRoot, SERVICES } from '../src';

const ROOT = repoRoot();
const dockerfile = (name: string) => path.join(ROOT, 'services', name, 'Dockerfile');
const today = new Date().toISOString().slice(0, 10);

describe.each(SERVICES)('services/%s/Dockerfile', (name) => {
  const { instructions, stages } = readDockerfile(dockerfile(name));
  const final = stages[stages.length - 1]!;
  const finalOf = (keyword: string) => final.instructions.filter((i) => i.keyword === keyword);

  test('is multi-stage, and the runtime stage copies only from the build stages', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const copies = finalOf('COPY');
    expect(copies.some((c) => /--from=/.test(c.args))).toBe(true);
    // The runtime stage never installs or builds: everything arrives built from an earlier stage.
    expect(finalOf('RUN')).toEqual([]);
  });

  test('uses a current LTS Node.js image in every stage', () => {
    for (const stage of stages) {
      const major = nodeMajor(stage.image);
      expect([stage.image, major !== undefined && major % 2 === 0 && NODE_LTS_END[major] !== undefined]).toEqual([stage.image, true]);
      // Past its end of life a line gets no security fixes: move the image to the next LTS line.
      expect([stage.image, NODE_LTS_END[major!]! > today]).toEqual([stage.image, true]);
    }
    expect(new Set(stages.map((s) => nodeMajor(s.image))).size).toBe(1);
  });

  test(`prunes the monorepo to @kinerja/${name} with turbo and installs from the pruned lockfile`, () => {
    const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((r) => new RegExp(`turbo prune @kinerja/${name}(\\s|$)`).test(r) && /--docker/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => new RegExp(`turbo run build --filter=@kinerja/${name}\\.\\.\\.`).test(r))).toBe(true);
    // Only production dependencies reach the runtime image.
    expect(runs.some((r) => /npm prune --omit=dev|npm ci [^&]*--omit=dev/.test(r))).toBe(true);
  });

  test('the prune target is this workspace', () => {
    const pkg = path.join(ROOT, 'services', name, 'package.json');
    expect([pkg, existsSync(pkg)]).toEqual([pkg, true]);
    expect(JSON.parse(readFileSync(pkg, 'utf8')).name).toBe(`@kinerja/${name}`);
  });

  test('the image install step works: the pruned lockfile satisfies `npm ci` (checked without a Docker engine)', () => {
    const r = prunedInstall(ROOT, name);
    expect({ ok: r.ok, step: r.step, output: r.ok ? '' : r.output }).toEqual({ ok: true, step: 'npm ci', output: '' });
  }, 300_000);

  test('runs as the unprivileged node user', () => {
    const users = finalOf('USER').map((u) => u.args);
    expect(users[users.length - 1]).toBe('node');
    // Files copied into the runtime stage belong to node, not root.
    for (const c of finalOf('COPY')) expect([c.args, /--chown=node:node/.test(c.args)]).toEqual([c.args, true]);
  });

  test(`CMD runs services/${name}/dist/main.js with node, on port ${portOf(name)}`, () => {
    const cmds = finalOf('CMD');
    expect(cmds).toHaveLength(1);
    expect(execForm(cmds[0]!.args)).toEqual(['node', `services/${name}/dist/main.js`]);
    expect(finalOf('ENTRYPOINT')).toEqual([]);
    expect(finalOf('EXPOSE').map((e) => e.args)).toEqual([String(portOf(name))]);
    expect(finalOf('ENV').map((e) => e.args).join(' ')).toMatch(new RegExp(`\\bPORT=${portOf(name)}\\b`));
    expect(finalOf('ENV').map((e) => e.args).join(' ')).toMatch(/\bNODE_ENV=production\b/);
    expect(finalOf('ENV').map((e) => e.args).join(' ')).toMatch(/\bHOST=0\.0\.0\.0\b/);
    const health = finalOf('HEALTHCHECK').map((h) => h.args).join(' ');
    expect(health).toMatch(/\/(ready|health)/);
  });
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
