// The real platform for the end-to-end tests: the five subgraphs on fresh databases, the real
// gateway, Kafka at KAFKA_BROKERS, seeded with a small demo regency, and the web server in front
// (WEB.md "Running and testing"). Random ports; everything stops in stop().
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { competencyService, seedCompetency } from '@kinerja/competency';
import { generateRegency, type DemoRegency } from '@kinerja/demo-regency';
import { evaluationService, seedEvaluation } from '@kinerja/evaluation';
import { goalsService, seedGoals } from '@kinerja/goals';
import { personnelService, seedPersonnel } from '@kinerja/personnel';
import { recognitionService } from '@kinerja/recognition';
import { composeSupergraph, createGateway, type RunningGateway } from '@kinerja/gateway';
import { createServer as createIdentity, DEFAULT_RESOURCE, type RunningIdentity } from '@kinerja/identity';
import { createTestDatabase, startGraph, TEST_JWT_SECRET, TEST_SHARED_SECRET, testLogger, type GraphService, type TestDatabase, type TestGraph } from '@kinerja/testing';
import { signInAccounts, type SignInAccount } from '@kinerja/demo-regency';
// @ts-expect-error plain ESM module without types
import { createWebServer } from '../../server/serve.mjs';

const WEB = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Platform {
  graph: TestGraph;
  regency: DemoRegency;
  webUrl: string;
  /** The seeded people who sign in (packages/demo-regency signInAccounts), with DEV_PASSWORD. */
  accounts: SignInAccount[];
  identity?: RunningIdentity;
  stop(): Promise<void>;
}

/** The development password the identity service gives the sign-in accounts in these tests. */
export const DEV_PASSWORD = 'e2e-dev-password-2026';

export async function startPlatform(label: string, options: { identity?: boolean } = {}): Promise<Platform> {
  const regency = generateRegency({ employees: 300 });
  const accounts = signInAccounts(regency);
  const services = [personnelService, goalsService, competencyService, evaluationService, recognitionService] as unknown as GraphService[];
  const graph = await startGraph(services, label);
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await graph.stop();
  };
  try {
    const s = graph.services;
    await seedPersonnel(s.personnel!.dataSource, regency);
    await seedGoals(s.goals!.dataSource, regency);
    await seedCompetency(s.competency!.dataSource, regency);
    await seedEvaluation(s.evaluation!.dataSource, regency);
    const config = {
      port: 0, host: '127.0.0.1', gatewayUrl: graph.url, oidcIssuer: 'http://127.0.0.1:9', oidcClientId: 'kinerja-web',
      distDir: path.join(WEB, 'dist'), trustedProxyHops: 0,
    };
    const web: { listen(): Promise<string>; close(): Promise<void> } = createWebServer(config);
    const webUrl = await web.listen();
    cleanups.push(() => web.close());
    let identity: RunningIdentity | undefined;
    if (options.identity) {
      // The identity service on its own database, knowing this web app as its client; a gateway
      // trusting it (OIDC), as npm start runs them (ARCHITECTURE.md "Trust and identity").
      const db: TestDatabase = await createTestDatabase(`${label}_identity`);
      cleanups.push(() => db.drop());
      const personnelUrl = s.personnel!.url;
      identity = await createIdentity({
        databaseUrl: db.url, sharedSecret: TEST_SHARED_SECRET, personnelUrl,
        cookieKeys: ['an-e2e-cookie-key-of-at-least-32-characters'],
        clients: [{ client_id: 'kinerja-web', client_name: 'Kinerja', redirect_uris: [`${webUrl}/auth/callback`], post_logout_redirect_uris: [`${webUrl}/`] }],
        development: { password: DEV_PASSWORD, employeeIds: accounts.map((a) => a.employee.id) },
        log: testLogger('identity'),
        // A light scrypt cost for tests only (the machine is shared); production uses the default.
        credentials: { cost: { N: 2 ** 12, r: 8, p: 1 } },
      });
      cleanups.push(() => identity!.stop());
      const supergraphSdl = composeSupergraph(Object.entries(s).map(([name, svc]) => ({ name, url: svc.url, sdl: svc.sdl })));
      const gateway: RunningGateway = await createGateway({
        supergraphSdl, sharedSecret: TEST_SHARED_SECRET, log: testLogger('gateway'),
        jwt: {
          secret: TEST_JWT_SECRET, issuer: 'kinerja', audience: 'kinerja',
          oidc: { issuers: [identity.issuer], audience: DEFAULT_RESOURCE, nipClaim: 'nip', personnelUrl, sharedSecret: TEST_SHARED_SECRET, cacheMs: 0 },
        },
      });
      cleanups.push(() => gateway.stop());
      config.gatewayUrl = gateway.url;
      config.oidcIssuer = identity.issuer;
    }
    return { graph, regency, webUrl, accounts, ...(identity ? { identity } : {}), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
