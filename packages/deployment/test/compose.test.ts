import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSubgraphConfig } from '@kinerja/subgraph-kit';
import { loadGatewayConfig } from '@kinerja/gateway';
import { loadIdentityConfig } from '@kinerja/identity';
import {
  APPS, buildArgsOf, commandText, COMPOSE_VALIDATOR, ComposeConfigResult, composeConfig, ComposeService, dependsOn, environmentOf,
  EXTRA_ENV, GATEWAY_ENV, IDENTITY_ENV, imageOf, KAFKA_PORT, PORTS, portOf, POSTGRES_PORT, publishedPorts, readDockerfile, repoRoot, SERVICE_DOCKERFILE,
  SERVICES, SUBGRAPH_ENV, SUBGRAPHS,
} from '../src';
import { externalTool } from '@kinerja/testing';

const ROOT = repoRoot();
const FILE = path.join(ROOT, 'docker-compose.yml');

let result: ComposeConfigResult;
let services: Record<string, ComposeService>;

// Debian's docker-compose validates without a Docker engine; where it is missing, these tests say so and skip.
const validator = externalTool(COMPOSE_VALIDATOR);

beforeAll(() => {
  if (!validator) return;
  result = composeConfig(validator, FILE);
  services = result.config?.services ?? {};
}, 120_000);

/** Whether the image compose builds for a service (its Dockerfile target) has a health check. */
const dockerfileHealthcheck = (name: string) => {
  const build = services[name]?.build as { dockerfile?: string; target?: string; args?: Record<string, string> } | undefined;
  if (!build?.dockerfile || !existsSync(path.join(ROOT, build.dockerfile))) return false;
  const { stages } = readDockerfile(path.join(ROOT, build.dockerfile));
  return imageOf(stages, build.target, build.args ?? {}).instructions.some((i) => i.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(i.args));
};
const hasHealthcheck = (name: string) => {
  const h = services[name]?.healthcheck;
  if (h && !h.disable) return true;
  return ([...SERVICES, ...APPS] as readonly string[]).includes(name) && dockerfileHealthcheck(name);
};

(validator ? describe : describe.skip)('docker-compose.yml', () => {
  test('`docker-compose -f docker-compose.yml config` accepts it', () => {
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: '' });
    expect(result.config).toBeDefined();
  });

  test('runs PostgreSQL, Kafka (KRaft, official image), a topic-init step, the five subgraphs, the gateway, identity, (opt-in) Keycloak and the web app', () => {
    expect(Object.keys(services).sort()).toEqual(['gateway', 'identity', 'kafka', 'kafka-init', 'keycloak', 'postgres', ...SUBGRAPHS, ...APPS].sort());
    expect(services.keycloak!.image).toMatch(/^quay\.io\/keycloak\/keycloak:\d+/);
    expect((services.keycloak as { profiles?: string[] }).profiles).toEqual(['keycloak']);
    expect(existsSync(path.join(ROOT, 'infra', 'keycloak', 'bungo-realm.json'))).toBe(true);
    expect(services.postgres!.image).toMatch(/^postgres:\d+/);
    expect(services.kafka!.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    const kafkaEnv = environmentOf(services.kafka!);
    expect(kafkaEnv.KAFKA_PROCESS_ROLES).toMatch(/controller/);
    expect(Object.keys(kafkaEnv).some((k) => /ZOOKEEPER/.test(k))).toBe(false);
    expect(kafkaEnv.KAFKA_ADVERTISED_LISTENERS).toContain(`kafka:${KAFKA_PORT}`);
    expect(services['kafka-init']!.image).toBe(services.kafka!.image);
    expect(commandText({ command: services['kafka-init']!.entrypoint })).toMatch(/create-topics\.sh/);
  });

  test('every service has a health check or waits on conditions; every service_healthy target has a health check', () => {
    for (const [name, s] of Object.entries(services)) {
      const conditions = Object.values(dependsOn(s));
      const ok = hasHealthcheck(name) || (conditions.length > 0 && conditions.every((c) => c !== undefined));
      expect([name, ok]).toEqual([name, true]);
      for (const [dep, condition] of Object.entries(dependsOn(s))) {
        expect([name, dep, condition]).toEqual([name, dep, expect.stringMatching(/^service_(healthy|completed_successfully)$/)]);
        if (condition === 'service_healthy') expect([dep, hasHealthcheck(dep)]).toEqual([dep, true]);
        if (condition === 'service_completed_successfully') expect([dep, services[dep]!.restart ?? 'no']).toEqual([dep, 'no']);
      }
    }
  });

  test('start order: PostgreSQL and topics first, then personnel, then the other subgraphs, then the gateway', () => {
    for (const s of SUBGRAPHS) {
      const deps = dependsOn(services[s]!);
      expect([s, deps.postgres, deps['kafka-init']]).toEqual([s, 'service_healthy', 'service_completed_successfully']);
      if (s !== 'personnel') expect([s, deps.personnel]).toEqual([s, 'service_healthy']);
    }
    expect(dependsOn(services.gateway!)).toEqual(Object.fromEntries(SUBGRAPHS.map((s) => [s, 'service_healthy'])));
    expect(dependsOn(services['kafka-init']!)).toEqual({ kafka: 'service_healthy' });
  });

  test.each(SUBGRAPHS)('%s: the variables the subgraph reads, accepted by its real config loader', (name) => {
    const env = environmentOf(services[name]!);
    const known = [...SUBGRAPH_ENV, ...EXTRA_ENV] as string[];
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    expect(Object.keys(env).sort()).toEqual(expect.arrayContaining([...SUBGRAPH_ENV].sort()));
    expect(env.PORT).toBe(String(portOf(name)));
    expect(env.HOST).toBe('0.0.0.0'); // the loader's default (127.0.0.1) is unreachable from other containers
    expect(env.PERSONNEL_URL).toBe(`http://personnel:${PORTS.personnel}/graphql`);
    expect(env.KAFKA_BROKERS).toBe(`kafka:${KAFKA_PORT}`);
    const db = new URL(env.DATABASE_URL!);
    expect([db.hostname, db.port, db.pathname]).toEqual(['postgres', String(POSTGRES_PORT), `/kinerja_${name}`]);
    const config = loadSubgraphConfig({ port: portOf(name), database: `kinerja_${name}` }, env);
    expect(config).toMatchObject({ PORT: portOf(name), HOST: '0.0.0.0', DATABASE_URL: env.DATABASE_URL });
  });

  test('each subgraph logs in with the role and database infra/postgres/init.sql creates for it', () => {
    const sql = readFileSync(path.join(ROOT, 'infra', 'postgres', 'init.sql'), 'utf8');
    for (const name of [...SUBGRAPHS, 'identity']) {
      const db = new URL(environmentOf(services[name]!).DATABASE_URL!);
      expect(sql).toContain(`CREATE ROLE ${db.username} LOGIN PASSWORD '${db.password}';`);
      expect(sql).toContain(`CREATE DATABASE ${db.pathname.slice(1)} OWNER ${db.username};`);
    }
    const mounts = (services.postgres!.volumes as Array<string | { source?: string; target?: string }>).map((v) => (typeof v === 'string' ? v : `${v.source}:${v.target}`));
    expect(mounts.some((m) => /infra\/postgres\/init\.sql:\/docker-entrypoint-initdb\.d\//.test(m))).toBe(true);
  });

  test('identity: the variables it reads, personnel and its own database, accepted by loadIdentityConfig; the gateway trusts it', () => {
    const env = environmentOf(services.identity!);
    const known = [...IDENTITY_ENV, ...EXTRA_ENV] as string[];
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    expect(env.PORT).toBe(String(PORTS.identity));
    expect(env.PERSONNEL_URL).toBe(`http://personnel:${PORTS.personnel}/graphql`);
    expect(new URL(env.DATABASE_URL!).pathname).toBe('/kinerja_identity');
    expect(dependsOn(services.identity!)).toEqual({ postgres: 'service_healthy', personnel: 'service_healthy' });
    expect(loadIdentityConfig(env)).toMatchObject({ PORT: PORTS.identity, HOST: '0.0.0.0' });
    const gateway = loadGatewayConfig(environmentOf(services.gateway!));
    expect(gateway.oidcIssuers).toEqual([env.ISSUER]);
    expect(gateway.oidcInternalUrls).toEqual({ [env.ISSUER!]: `http://identity:${PORTS.identity}` });
    expect(publishedPorts(services.identity!)).toEqual([{ published: PORTS.identity, target: PORTS.identity }]);
  });

  test('gateway: the variables it reads, subgraph URLs at their compose services and ports, accepted by loadGatewayConfig', () => {
    const env = environmentOf(services.gateway!);
    const known = [...GATEWAY_ENV, ...EXTRA_ENV] as string[];
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    expect(env.PORT).toBe(String(PORTS.gateway));
    expect(env.HOST).toBe('0.0.0.0');
    for (const s of SUBGRAPHS) {
      expect(env[`${s.toUpperCase()}_URL`]).toBe(`http://${s}:${environmentOf(services[s]!).PORT}/graphql`);
    }
    const config = loadGatewayConfig(env);
    expect(config.serviceUrls).toEqual(Object.fromEntries(SUBGRAPHS.map((s) => [s, `http://${s}:${portOf(s)}/graphql`])));
    expect(environmentOf(services.gateway!).GATEWAY_SHARED_SECRET).toBe(environmentOf(services.personnel!).GATEWAY_SHARED_SECRET);
  });

  test('ports: the gateway published on 4000, PostgreSQL 5432, Kafka 9092; every published port is the one the container listens on', () => {
    expect(publishedPorts(services.gateway!)).toEqual([{ published: PORTS.gateway, target: PORTS.gateway }]);
    expect(publishedPorts(services.postgres!)).toEqual([{ published: POSTGRES_PORT, target: POSTGRES_PORT }]);
    expect(publishedPorts(services.kafka!)).toEqual([{ published: KAFKA_PORT, target: KAFKA_PORT }]);
    for (const s of SERVICES) {
      for (const p of publishedPorts(services[s]!)) expect([s, p.target]).toEqual([s, Number(environmentOf(services[s]!).PORT)]);
    }
  });

  test.each(SERVICES)('%s: built from the shared Dockerfile at the repository root with its catalog arguments, and started like `npm start` does', (name) => {
    const s = services[name]!;
    const build = s.build as { context?: string; dockerfile?: string; target?: string; args?: Record<string, string> };
    expect(path.resolve(ROOT, build.context ?? '.')).toBe(ROOT);
    expect(build.dockerfile).toBe(SERVICE_DOCKERFILE);
    expect(build.target).toBeUndefined(); // the default target: a GraphQL service
    expect(build.args).toEqual(buildArgsOf(name));
    const main = `services/${name}/dist/main.js`;
    if (name === 'gateway' || name === 'identity') {
      expect(s.command).toBeUndefined(); // the image's CMD runs it
      return;
    }
    const cmd = commandText(s);
    // npm start: seed when the service has a seed script (scripts/start.mjs), then run main.js.
    expect(cmd).toMatch(new RegExp(`exec node ${main.replace(/\./g, '\\.')}$`));
    expect(cmd).toContain(`if [ -f services/${name}/dist/seed-cli.js ]; then node services/${name}/dist/seed-cli.js; fi`);
    expect(cmd).toMatch(/^sh -c set -e;/);
  });

  test('every file bind-mounted from the repository exists', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const v of (s.volumes ?? []) as Array<string | { type?: string; source?: string }>) {
        const source = typeof v === 'string' ? v.split(':')[0]! : v.type === 'bind' ? v.source! : '';
        if (source.startsWith('/') || source.startsWith('.')) expect([name, source, existsSync(path.resolve(ROOT, source))]).toEqual([name, source, true]);
      }
    }
  });
});
