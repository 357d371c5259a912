// The web app's deployment files (services/web): its target of the shared Dockerfile, its Kubernetes folder and its
// compose service, checked like the GraphQL services' and against the web server's own loader.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  APP_PORTS, portOf, buildArgsOf, canConnect, composeConfig, containers, endpoint, endpointsOf, COMPOSE_VALIDATOR, environmentOf, execForm, imageOf,
  podSpecOf, publishedPorts, readDockerfile, renderKustomization, repoRoot, runArgumentCheck, SERVICE_DOCKERFILE, SUBGRAPHS, PORTS, WEB_ENV, dependsOn,
} from '../src';
import { externalTool } from '@kinerja/testing';

const ROOT = repoRoot();
const PORT = APP_PORTS.web;

/** The web server's real config loader (an ES module) run on an environment, in a child Node. */
function loadWebConfig(env: Record<string, string>): { ok: boolean; config?: Record<string, unknown>; error?: string } {
  const serve = path.join(ROOT, 'services', 'web', 'server', 'serve.mjs');
  const script = `import(${JSON.stringify(serve)}).then((m) => { try { process.stdout.write(JSON.stringify({ ok: true, config: m.loadWebConfig(process.env) })); } catch (e) { process.stdout.write(JSON.stringify({ ok: false, error: e.message })); } })`;
  const r = spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return JSON.parse(r.stdout || '{"ok":false,"error":"no output"}');
}

describe(`${SERVICE_DOCKERFILE}, target web`, () => {
  const { instructions, stages } = readDockerfile(path.join(ROOT, SERVICE_DOCKERFILE));
  const image = imageOf(stages, 'web', buildArgsOf('web'));
  const finalOf = (k: string) => image.instructions.filter((i) => i.keyword === k);

  test('builds on the shared stages; the runtime stages only copy built files', () => {
    expect(image.chain.map((s) => s.alias)).toEqual(['runtime', 'web']);
    expect(finalOf('RUN')).toEqual([]);
    expect(finalOf('COPY').every((c) => /--from=build\b/.test(c.args) && /--chown=node:node/.test(c.args))).toBe(true);
    expect(finalOf('COPY').map((c) => c.args.split(/\s+/).slice(-2)[0])).toEqual(['/app/services/web/dist', '/app/services/web/dist-ssr', '/app/services/web/server', '/app/services/web/package.json']);
    expect(runArgumentCheck(ROOT, instructions, buildArgsOf('web'))).toEqual({ status: 0, stderr: '' });
  });

  test(`runs the web server as node on ${PORT}, in production, with a health check`, () => {
    expect(finalOf('USER').map((u) => u.args).pop()).toBe('node');
    expect(finalOf('CMD').map((c) => execForm(c.args))).toEqual([['node', 'services/web/server/serve.mjs']]);
    expect(finalOf('EXPOSE').map((e) => e.args)).toEqual([String(PORT)]);
    expect(image.env).toMatchObject({ PORT: String(PORT), NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(finalOf('HEALTHCHECK').map((h) => h.args).join(' ')).toMatch(/\/ready/);
  });
});

describe('infra/k8s/services/web', () => {
  const alone = renderKustomization(path.join(ROOT, 'infra', 'k8s', 'services', 'web'));
  const all = renderKustomization(path.join(ROOT, 'infra', 'k8s'));
  const of = (kind: string, objects = alone.objects) => objects.filter((o) => o.kind === kind);

  test('deploys alone: ConfigMap, Deployment, NetworkPolicy, PodDisruptionBudget, Service, in the kinerja namespace', () => {
    expect(alone.problems).toEqual([]);
    expect(alone.objects.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'NetworkPolicy', 'PodDisruptionBudget', 'Service']);
    for (const o of alone.objects) expect([o.kind, o.metadata.namespace, o.metadata.labels?.['app.kubernetes.io/name']]).toEqual([o.kind, 'kinerja', 'web']);
  });

  test('the pod: probes on /health and /ready at :3000, non-root, read-only root, resources', () => {
    const pod = podSpecOf(of('Deployment')[0]!)!;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    const [c] = pod.containers as any[];
    expect(c.ports.map((p: any) => p.containerPort)).toEqual([PORT]);
    expect(c.livenessProbe.httpGet.path).toBe('/health');
    expect(c.readinessProbe.httpGet.path).toBe('/ready');
    expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    for (const kind of ['requests', 'limits']) expect(c.resources?.[kind]?.memory).toBeDefined();
    expect(c.image).toBe('kinerja/web');
    expect((of('Service')[0]!.spec as any).ports[0].port).toBe(PORT);
  });

  test('the pod environment names only what the web server reads, and its loader accepts it in production', () => {
    const [c] = containers(of('Deployment'));
    expect((c!.spec.envFrom ?? []).map((e: any) => e.configMapRef?.name)).toEqual(['web-config']);
    const env = (of('ConfigMap')[0] as any).data as Record<string, string>;
    expect(Object.keys(env).filter((k) => !(WEB_ENV as readonly string[]).includes(k))).toEqual([]);
    expect(env.GATEWAY_URL).toBe(`http://gateway:${PORTS.gateway}/graphql`);
    // The sign-in cookie's key comes from a Secret, by name, never from the ConfigMap.
    const secretEnv = (c!.spec.env ?? []).filter((e: any) => e.valueFrom?.secretKeyRef);
    expect(secretEnv.map((e: any) => [e.name, e.valueFrom.secretKeyRef.key])).toEqual([['WEB_SESSION_KEY', 'WEB_SESSION_KEY']]);
    expect(loadWebConfig(env)).toMatchObject({ ok: false, error: expect.stringMatching(/WEB_SESSION_KEY/) });
    const loaded = loadWebConfig({ ...env, WEB_SESSION_KEY: 'k'.repeat(40) });
    expect(loaded).toMatchObject({ ok: true, config: { port: PORT, host: '0.0.0.0', gatewayUrl: env.GATEWAY_URL } });
    // Production refuses to start without the gateway's and the identity provider's addresses.
    expect(loadWebConfig({ NODE_ENV: 'production' })).toMatchObject({ ok: false, error: expect.stringMatching(/GATEWAY_URL/) });
  });

  test('reachable from the ingress controller; reaches the gateway and DNS, never a subgraph or a database', () => {
    const policies = of('NetworkPolicy', all.objects);
    const pods = endpointsOf(all.objects);
    const web = pods.find((p) => p.name === 'web')!;
    const gateway = pods.find((p) => p.name === 'gateway')!;
    const ingress = endpoint('ingress controller', 'ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' });
    expect(canConnect(policies, ingress, web, PORT)).toBe(true);
    expect(canConnect(policies, web, gateway, portOf('gateway'))).toBe(true);
    for (const s of SUBGRAPHS) expect([s, canConnect(policies, web, pods.find((p) => p.name === s)!, portOf(s))]).toEqual([s, false]);
    const postgres = endpoint('postgresql', 'kinerja-data', { 'app.kubernetes.io/name': 'postgresql' });
    expect(canConnect(policies, web, postgres, 5432)).toBe(false);
  });
});

const validator = externalTool(COMPOSE_VALIDATOR);

(validator ? describe : describe.skip)('docker-compose.yml: web', () => {
  let web: any;
  beforeAll(() => {
    web = composeConfig(validator!, path.join(ROOT, 'docker-compose.yml')).config?.services?.web;
  }, 600_000);

  test('built from the shared Dockerfile\'s web target, published on 3000, started after a healthy gateway, pointed at it', () => {
    expect(web.build).toMatchObject({ dockerfile: SERVICE_DOCKERFILE, target: 'web', args: buildArgsOf('web') });
    expect(publishedPorts(web)).toEqual([{ published: PORT, target: PORT }]);
    expect(dependsOn(web)).toEqual({ gateway: 'service_healthy' });
    const env = environmentOf(web);
    expect(Object.keys(env).filter((k) => !(WEB_ENV as readonly string[]).includes(k))).toEqual([]);
    expect(env.GATEWAY_URL).toBe(`http://gateway:${PORTS.gateway}/graphql`);
    expect(loadWebConfig(env)).toMatchObject({ ok: true, config: { port: PORT, host: '0.0.0.0' } });
  });
});
