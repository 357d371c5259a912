import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSubgraphConfig } from '@kinerja/subgraph-kit';
import { loadGatewayConfig } from '@kinerja/gateway';
import { loadIdentityConfig } from '@kinerja/identity';
import {
  admittedPeers, APPS, canConnect, containers, endpoint, endpointsOf, EXTRA_ENV, GATEWAY_ENV, KAFKA_PORT, kustomizationDirs,
  manifestFiles, ManifestObject, podSpecOf, PORTS, portOf, POSTGRES_PORT, renderKustomization, repoRoot, SECRET_ENV, selects,
  IDENTITY_ENV, SERVICES, ServiceName, SUBGRAPH_ENV, SUBGRAPHS, unknownFields, validateWithKubernetesModels, readDockerfile, SERVICE_DOCKERFILE, imageOf,
  buildArgsOf,
} from '../src';
import { externalTool } from '@kinerja/testing';

const ROOT = repoRoot();
const K8S = path.join(ROOT, 'infra', 'k8s');
const NAMESPACE = 'kinerja';
const all = renderKustomization(K8S);
const ofKind = (kind: string, objects = all.objects) => objects.filter((o) => o.kind === kind);
const named = (kind: string, name: string, objects = all.objects) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const serviceDir = (name: string) => path.join(K8S, 'services', name);
const rel = (f: string) => path.relative(ROOT, f);

describe('kustomizations (infra/k8s)', () => {
  test('`kubectl apply -k infra/k8s` renders everything: local files only, no duplicate objects', () => {
    expect(all.problems).toEqual([]);
    expect(ofKind('Namespace').map((n) => n.metadata.name)).toEqual([NAMESPACE]);
    for (const o of all.objects.filter((x) => x.kind !== 'Namespace')) expect([rel(o.file), o.metadata.namespace]).toEqual([rel(o.file), NAMESPACE]);
  });

  test('every kustomization under infra/k8s lists only files that exist', () => {
    const dirs = kustomizationDirs(K8S);
    expect(dirs.length).toBeGreaterThanOrEqual(SERVICES.length + 2);
    for (const dir of dirs) expect([rel(dir), renderKustomization(dir).problems]).toEqual([rel(dir), []]);
  });

  test('no manifest is left out of `kubectl apply -k infra/k8s`', () => {
    const included = new Set(all.files);
    expect(manifestFiles(K8S).filter((f) => !included.has(f)).map(rel)).toEqual([]);
  });

  // Where kubectl is installed, its kustomize must agree; elsewhere one line says this was skipped.
  const kubectl = externalTool({
    command: 'kubectl', probe: ['version', '--client'], skips: '`kubectl kustomize` comparison (packages/deployment/test/kubernetes.test.ts)',
    install: 'https://kubernetes.io/docs/tasks/tools/ (kubectl)',
  }) !== undefined;
  (kubectl ? test : test.skip)('`kubectl kustomize` renders the same objects (run only where kubectl is installed)', () => {
    for (const dir of [K8S, ...SERVICES.map(serviceDir)]) {
      const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
      expect([rel(dir), r.status, r.stderr]).toEqual([rel(dir), 0, '']);
      const ids = (r.stdout.match(/^kind: .+$/gm) ?? []).length;
      expect([rel(dir), ids]).toEqual([rel(dir), renderKustomization(dir).objects.length]);
    }
  });

  test.each(SERVICES)('a department deploys %s alone (kubectl apply -k infra/k8s/services/<name>)', (name) => {
    const alone = renderKustomization(serviceDir(name));
    expect(alone.problems).toEqual([]);
    const kinds = alone.objects.map((o) => o.kind).sort();
    const expected = ['ConfigMap', 'Deployment', 'NetworkPolicy', 'PodDisruptionBudget', 'Service'];
    if (name === 'gateway' || name === 'recognition') expected.push('HorizontalPodAutoscaler');
    expect(kinds).toEqual(expected.sort());
    for (const o of alone.objects) {
      expect([o.kind, o.metadata.namespace]).toEqual([o.kind, NAMESPACE]);
      expect([o.kind, o.metadata.labels?.['app.kubernetes.io/name']]).toEqual([o.kind, name]);
    }
    // The namespace is the platform's (applied once); a service that carried it would collide in the whole.
    expect(alone.objects.some((o) => o.kind === 'Namespace')).toBe(false);
  });
});

describe('Kubernetes API schemas (kubernetes-models)', () => {
  const files = manifestFiles(K8S);

  test('every document under infra/k8s validates as its kubernetes-models class', () => {
    const results = validateWithKubernetesModels(files);
    expect(results.filter((r) => r.error).map((r) => `${rel(r.file)}#${r.index} ${r.kind}: ${r.error}`)).toEqual([]);
    expect(results.length).toBe(all.objects.length);
    expect(new Set(results.map((r) => `${r.apiVersion} ${r.kind}`))).toEqual(new Set([
      'v1 Namespace', 'v1 ConfigMap', 'v1 Service', 'apps/v1 Deployment', 'networking.k8s.io/v1 NetworkPolicy',
      'autoscaling/v2 HorizontalPodAutoscaler', 'policy/v1 PodDisruptionBudget',
    ]));
  });

  test('no document has a field the API does not know (TypeScript excess-property check on kubernetes-models types)', () => {
    expect(unknownFields(files)).toEqual([]);
  });

  test('the checks are not vacuous: a broken manifest fails both', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kinerja-k8s-'));
    try {
      const bad = path.join(dir, 'bad.yaml');
      writeFileSync(bad, [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: bad }', 'spec:',
        '  template:', '    spec:', '      containers:',
        '        - { name: a, image: x, ports: [{ containerPort: http }], readinesProbe: { httpGet: { path: /ready, port: 1 } } }',
        '---', 'apiVersion: v1', 'kind: Frobnicator', 'metadata: { name: nope }',
      ].join('\n'));
      const results = validateWithKubernetesModels([bad]);
      expect(results[0]!.error).toMatch(/selector/);
      expect(results[0]!.error).toMatch(/containerPort must be integer/);
      expect(results[1]!.error).toMatch(/no v1 Frobnicator/);
      // Schema-valid, but with a misspelt probe the API server's strict field validation refuses.
      writeFileSync(bad, [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: typo }', 'spec:',
        '  selector: { matchLabels: { app: typo } }',
        '  template:', '    metadata: { labels: { app: typo } }', '    spec:', '      containers:',
        '        - { name: a, image: x, readinesProbe: { httpGet: { path: /ready, port: 1 } } }',
      ].join('\n'));
      expect(validateWithKubernetesModels([bad])[0]!.error).toBeUndefined();
      expect(unknownFields([bad]).join('\n')).toMatch(/readinesProbe.*does not exist in type 'IContainer'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Deployments', () => {
  const deployments = ofKind('Deployment');

  test('one Deployment per service, each in its own folder', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...SERVICES, ...APPS].sort());
    for (const d of deployments) expect(rel(d.file)).toBe(`infra/k8s/services/${d.metadata.name}/deployment.yaml`);
  });

  test.each(SERVICES)('%s: probes on /health (liveness) and /ready (readiness) at its port, resources, non-root, read-only root', (name) => {
    const d = named('Deployment', name)!;
    const spec = d.spec as any;
    const pod = podSpecOf(d)!;
    expect(selects(spec.selector, spec.template.metadata.labels)).toBe(true);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    // USER node in the image is not numeric: the kubelet can only enforce runAsNonRoot with a uid.
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    const [c, ...rest] = pod.containers as any[];
    expect(rest).toEqual([]);
    const portNumber = (p: number | string) => (typeof p === 'number' ? p : c.ports.find((x: any) => x.name === p)?.containerPort);
    expect(c.ports.map((p: any) => p.containerPort)).toEqual([portOf(name)]);
    expect(c.livenessProbe.httpGet.path).toBe('/health');
    expect(portNumber(c.livenessProbe.httpGet.port)).toBe(portOf(name));
    expect(c.readinessProbe.httpGet.path).toBe('/ready');
    expect(portNumber(c.readinessProbe.httpGet.port)).toBe(portOf(name));
    if (c.startupProbe) expect(c.startupProbe.httpGet.path).toBe('/health');
    for (const kind of ['requests', 'limits']) {
      expect(c.resources?.[kind]?.cpu).toBeDefined();
      expect(c.resources?.[kind]?.memory).toBeDefined();
    }
    expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(c.securityContext.runAsNonRoot ?? pod.securityContext.runAsNonRoot).toBe(true);
    expect(c.securityContext.runAsUser ?? pod.securityContext.runAsUser).not.toBe(0);
    expect(c.securityContext.privileged ?? false).toBe(false);
    // A read-only root needs a writable /tmp for Node's temporary files.
    expect(c.volumeMounts.map((m: any) => m.mountPath)).toContain('/tmp');
    expect(c.image).toBe(`kinerja/${name}`);
  });

  test('the namespace enforces the restricted Pod Security Standard', () => {
    expect(named('Namespace', NAMESPACE)!.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  test('images are pinned by each service kustomization, never :latest', () => {
    for (const name of SERVICES) {
      const k = renderKustomization(serviceDir(name));
      const text = readFileSync(k.kustomizations[0]!, 'utf8');
      expect(text).toMatch(new RegExp(`- name: kinerja/${name}\\n\\s+newTag: "?[\\w.-]+"?`));
      expect(text).not.toMatch(/newTag: "?latest"?/);
    }
  });

  test('configuration comes from the service ConfigMap and secrets from Secret references, never literals', () => {
    expect(ofKind('Secret')).toEqual([]);
    for (const d of deployments) {
      for (const c of containers([d])) {
        const configMaps = (c.spec.envFrom ?? []).map((e: any) => e.configMapRef?.name);
        expect(configMaps).toEqual([`${d.metadata.name}-config`]);
        expect(named('ConfigMap', `${d.metadata.name}-config`)).toBeDefined();
        for (const e of (c.spec.envFrom ?? []) as any[]) expect(e.secretRef?.optional).not.toBe(true);
        for (const e of (c.spec.env ?? []) as any[]) {
          if ((SECRET_ENV as readonly string[]).includes(e.name)) {
            expect([e.name, e.value, e.valueFrom?.secretKeyRef?.key]).toEqual([e.name, undefined, e.name]);
          }
          expect([e.name, e.valueFrom?.secretKeyRef?.optional]).not.toEqual([e.name, true]);
        }
      }
    }
    for (const cm of ofKind('ConfigMap')) {
      for (const key of Object.keys((cm as any).data ?? {})) expect([cm.metadata.name, key, (SECRET_ENV as readonly string[]).includes(key)]).toEqual([cm.metadata.name, key, false]);
    }
  });

  /** The environment a pod of `name` would get, with stand-ins for the Secret values. */
  function podEnv(name: ServiceName): Record<string, string> {
    const d = named('Deployment', name)!;
    const [c] = containers([d]);
    const env: Record<string, string> = { ...((named('ConfigMap', `${name}-config`) as any).data as Record<string, string>) };
    for (const e of (c!.spec.env ?? []) as any[]) {
      env[e.name] = e.value ?? (e.name === 'DATABASE_URL' ? `postgres://kinerja_${name}:from-secret@postgres.kinerja-data:5432/kinerja_${name}` : `${e.name.toLowerCase()}-from-the-secret-store`);
    }
    return env;
  }

  test.each(SUBGRAPHS)('%s: the pod environment names only variables the service reads, and its real config loader accepts it in production', (name) => {
    const env = podEnv(name);
    const known = [...SUBGRAPH_ENV, ...EXTRA_ENV] as string[];
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    for (const required of ['PORT', 'HOST', 'DATABASE_URL', 'KAFKA_BROKERS', 'GATEWAY_SHARED_SECRET', 'NODE_ENV']) expect(Object.keys(env)).toContain(required);
    if (name !== 'personnel') expect(env.PERSONNEL_URL).toBe(`http://personnel:${PORTS.personnel}/graphql`);
    const config = loadSubgraphConfig({ port: portOf(name), database: `kinerja_${name}` }, env);
    expect(config).toMatchObject({ NODE_ENV: 'production', PORT: portOf(name), HOST: '0.0.0.0' });
  });

  test('identity: the pod environment names only variables it reads, loadIdentityConfig accepts it in production, and no development password exists', () => {
    const env = podEnv('identity');
    const known = [...IDENTITY_ENV, ...EXTRA_ENV] as string[];
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    expect(env.DEV_PASSWORD).toBeUndefined();
    const config = loadIdentityConfig({ ...env, DATABASE_URL: 'postgres://identity@db:5432/kinerja_identity', GATEWAY_SHARED_SECRET: 's'.repeat(32), COOKIE_KEYS: 'c'.repeat(40) });
    expect(config).toMatchObject({ NODE_ENV: 'production', PORT: PORTS.identity, HOST: '0.0.0.0', devPassword: undefined });
    expect(new URL(config.ISSUER as string).protocol).toBe('https:');
  });

  test('gateway: the pod environment names only variables the gateway reads, and loadGatewayConfig accepts it in production', () => {
    const env = podEnv('gateway');
    const known = [...GATEWAY_ENV, ...EXTRA_ENV] as string[];
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    expect(env.JWT_SECRET).toBeUndefined(); // production verifies RS256 from JWKS
    const config = loadGatewayConfig(env);
    expect(config).toMatchObject({ NODE_ENV: 'production', PORT: PORTS.gateway, HOST: '0.0.0.0' });
    expect(config.serviceUrls).toEqual(Object.fromEntries(SUBGRAPHS.map((s) => [s, `http://${s}:${portOf(s)}/graphql`])));
    // The image carries the checked-in supergraph at that path: the build stage copies it into /app,
    // and the service image takes /app whole (infra/docker/service.Dockerfile).
    expect(env.SUPERGRAPH_PATH).toBe('/app/infra/supergraph/supergraph.graphql');
    const { stages } = readDockerfile(path.join(ROOT, SERVICE_DOCKERFILE));
    const build = stages.find((s) => s.alias === 'build')!.instructions.map((i) => `${i.keyword} ${i.args}`);
    expect(build).toEqual(expect.arrayContaining(['WORKDIR /app', 'COPY infra/supergraph ./infra/supergraph']));
    const image = imageOf(stages, undefined, buildArgsOf('gateway')).instructions.map((i) => `${i.keyword} ${i.args}`);
    expect(image).toEqual(expect.arrayContaining(['WORKDIR /app', 'COPY --from=build --chown=node:node /app ./']));
  });

  test('each Service selects its pods and exposes the service port', () => {
    for (const name of SERVICES) {
      const s = named('Service', name)!;
      const d = named('Deployment', name)!;
      const spec = s.spec as any;
      expect(selects({ matchLabels: spec.selector }, (d.spec as any).template.metadata.labels)).toBe(true);
      // No other Deployment's pods fall under this Service.
      for (const other of ofKind('Deployment').filter((x) => x !== d)) {
        expect([name, other.metadata.name, selects({ matchLabels: spec.selector }, (other.spec as any).template.metadata.labels)]).toEqual([name, other.metadata.name, false]);
      }
      expect(spec.ports).toHaveLength(1);
      expect(spec.ports[0].port).toBe(portOf(name));
      const c = containers([d])[0]!.spec;
      const target = spec.ports[0].targetPort;
      expect(typeof target === 'number' ? target : c.ports.find((p: any) => p.name === target)?.containerPort).toBe(portOf(name));
    }
  });

  test('HorizontalPodAutoscalers scale the gateway and recognition, which leave replicas to them', () => {
    const hpas = ofKind('HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.metadata.name).sort()).toEqual(['gateway', 'recognition']);
    const topics = JSON.parse(readFileSync(path.join(ROOT, 'infra', 'kafka', 'topics.json'), 'utf8')) as { topics: Array<{ name: string; partitions: number }> };
    const completed = topics.topics.find((t) => t.name === 'kinerja.evaluation.completed.v1')!;
    for (const h of hpas) {
      const spec = h.spec as any;
      expect(spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: h.metadata.name });
      expect(spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(spec.maxReplicas).toBeGreaterThan(spec.minReplicas);
      expect(spec.metrics.some((m: any) => m.resource?.name === 'cpu')).toBe(true);
      expect((named('Deployment', h.metadata.name!)!.spec as any).replicas).toBeUndefined();
    }
    // More recognition consumers than partitions would sit idle.
    expect((named('HorizontalPodAutoscaler', 'recognition')!.spec as any).maxReplicas).toBeLessThanOrEqual(completed.partitions);
  });

  test('each PodDisruptionBudget selects exactly its service pods', () => {
    for (const pdb of ofKind('PodDisruptionBudget')) {
      const matched = ofKind('Deployment').filter((d) => selects((pdb.spec as any).selector, (d.spec as any).template.metadata.labels));
      expect([pdb.metadata.name, matched.map((d) => d.metadata.name)]).toEqual([pdb.metadata.name, [pdb.metadata.name]]);
    }
  });
});

describe('NetworkPolicies', () => {
  const policies = ofKind('NetworkPolicy');
  const pods = endpointsOf(all.objects);
  const pod = (name: string) => pods.find((p) => p.name === name)!;
  const outsiders = [
    endpoint('intruder in the namespace', NAMESPACE, { app: 'debug-shell' }),
    endpoint('pod in another namespace', 'default', { 'app.kubernetes.io/name': 'gateway' }),
    endpoint('ingress controller', 'ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }),
  ];
  const postgres = endpoint('postgresql', 'kinerja-data', { 'app.kubernetes.io/name': 'postgresql' });
  const kafka = endpoint('kafka', 'kinerja-data', { 'app.kubernetes.io/name': 'kafka' });
  const dns = endpoint('kube-dns', 'kube-system', { 'k8s-app': 'kube-dns' });

  test('every service pod is isolated for ingress and egress by a policy of its own kustomization', () => {
    for (const name of SERVICES) {
      const own = ofKind('NetworkPolicy', renderKustomization(serviceDir(name)).objects);
      const p = endpointsOf(renderKustomization(serviceDir(name)).objects)[0]!;
      for (const direction of ['Ingress', 'Egress'] as const) {
        expect([name, direction, own.some((np) => selects((np.spec as any).podSelector, p.labels) && (np.spec as any).policyTypes.includes(direction))])
          .toEqual([name, direction, true]);
      }
    }
  });

  test('only the gateway reaches subgraph ports; subgraphs and identity reach only personnel among the subgraphs', () => {
    const sources = [...pods, ...outsiders];
    const matrix: string[] = [];
    for (const target of SUBGRAPHS) {
      for (const source of sources) {
        if (source.name === target) continue;
        const expected = source.name === 'gateway'
          || (target === 'personnel' && ([...SUBGRAPHS, 'identity'] as readonly string[]).includes(source.name));
        const actual = canConnect(policies, source, pod(target), portOf(target));
        if (actual !== expected) matrix.push(`${source.name} → ${target}:${portOf(target)} is ${actual ? 'allowed' : 'denied'}`);
      }
    }
    expect(matrix).toEqual([]);
  });

  test('the rules admitting traffic to subgraph ports name only the gateway (and subgraphs, for personnel)', () => {
    for (const target of SUBGRAPHS) {
      const peers = admittedPeers(policies, pod(target), portOf(target)).filter((p) => !p.startsWith('default-deny'));
      const allowed = [`${target}: podSelector {"matchLabels":{"app.kubernetes.io/name":"gateway"}}`];
      if (target === 'personnel') {
        allowed.push('personnel: podSelector {"matchLabels":{"app.kubernetes.io/component":"subgraph","app.kubernetes.io/part-of":"kinerja"}}');
        // identity learns from personnel who exists and is active.
        allowed.push('personnel: podSelector {"matchLabels":{"app.kubernetes.io/name":"identity"}}');
      }
      expect(peers.sort()).toEqual(allowed.sort());
    }
    // The personnel rule for subgraphs matches exactly the five subgraph pods, not the gateway.
    const subgraphRule = { matchLabels: { 'app.kubernetes.io/component': 'subgraph', 'app.kubernetes.io/part-of': 'kinerja' } };
    expect(pods.filter((p) => selects(subgraphRule, p.labels)).map((p) => p.name).sort()).toEqual([...SUBGRAPHS].sort());
  });

  test('a department deploying its subgraph alone is still closed to everything but the gateway', () => {
    for (const name of SUBGRAPHS) {
      const alone = renderKustomization(serviceDir(name)).objects;
      const own = endpointsOf(alone)[0]!;
      const np = ofKind('NetworkPolicy', alone);
      expect(canConnect(np, outsiders[0]!, own, portOf(name))).toBe(false);
      expect(canConnect(np, pod('gateway'), own, portOf(name))).toBe(true);
    }
  });

  test('the reachability check is not vacuous: opening goals to any source is caught', () => {
    const opened = policies.map((p) => (p.metadata.name === 'goals'
      ? { ...p, spec: { ...(p.spec as any), ingress: [{ ports: [{ protocol: 'TCP', port: PORTS.goals }] }] } }
      : p));
    expect(canConnect(opened, outsiders[1]!, pod('goals'), portOf('goals'))).toBe(true); // a pod of another namespace
    expect(canConnect(opened, pod('evaluation'), pod('goals'), portOf('goals'))).toBe(false); // evaluation's own egress still says no
    expect(admittedPeers(opened, pod('goals'), portOf('goals'))).toEqual(['goals: any source']);
  });

  test('the gateway is reachable from the ingress controller and reaches every subgraph', () => {
    expect(canConnect(policies, outsiders[2]!, pod('gateway'), portOf('gateway'))).toBe(true);
    for (const s of SUBGRAPHS) expect([s, canConnect(policies, pod('gateway'), pod(s), portOf(s))]).toEqual([s, true]);
    expect(canConnect(policies, pod('gateway'), postgres, POSTGRES_PORT)).toBe(false);
  });

  test('subgraphs reach PostgreSQL, Kafka and DNS; the gateway reaches DNS but no database', () => {
    for (const s of SUBGRAPHS) {
      expect([s, canConnect(policies, pod(s), postgres, POSTGRES_PORT)]).toEqual([s, true]);
      expect([s, canConnect(policies, pod(s), kafka, KAFKA_PORT)]).toEqual([s, true]);
      expect([s, canConnect(policies, pod(s), dns, 53, 'UDP')]).toEqual([s, true]);
      expect([s, canConnect(policies, pod(s), postgres, 22)]).toEqual([s, false]);
    }
    expect(canConnect(policies, pod('gateway'), dns, 53, 'UDP')).toBe(true);
    expect(canConnect(policies, pod('gateway'), kafka, KAFKA_PORT)).toBe(false);
  });

  test('the namespace default-denies whatever no service policy allows', () => {
    const stray = outsiders[0]!;
    expect(canConnect(policies, stray, postgres, POSTGRES_PORT)).toBe(false);
    expect(canConnect(policies, stray, dns, 53, 'UDP')).toBe(false);
  });
});

// Keep the type import used when the file is compiled on its own.
export type { ManifestObject };
