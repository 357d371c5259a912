// The real platform for the end-to-end tests: the five subgraphs on fresh databases, the real
// gateway, Kafka at KAFKA_BROKERS, seeded with a small demo regency, and the web server in front
// (WEB.md "Running and testing"). Random ports; everything stops in stop().
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { competencyService } from '@kinerja/competency';
import { seedCompetency } from '@kinerja/competency/dist/seed';
import { generateRegency, type DemoRegency } from '@kinerja/demo-regency';
import { evaluationService } from '@kinerja/evaluation';
import { seedEvaluation } from '@kinerja/evaluation/dist/seed';
import { goalsService } from '@kinerja/goals';
import { seedGoals } from '@kinerja/goals/dist/seed';
import { personnelService } from '@kinerja/personnel';
import { seedPersonnel } from '@kinerja/personnel/dist/seed';
import { recognitionService } from '@kinerja/recognition';
import { startGraph, type GraphService, type TestGraph } from '@kinerja/testing';
// @ts-expect-error plain ESM module without types
import { createWebServer } from '../../server/serve.mjs';

const WEB = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Platform {
  graph: TestGraph;
  regency: DemoRegency;
  webUrl: string;
  stop(): Promise<void>;
}

export async function startPlatform(label: string): Promise<Platform> {
  const regency = generateRegency({ employees: 300 });
  const services = [personnelService, goalsService, competencyService, evaluationService, recognitionService] as unknown as GraphService[];
  const graph = await startGraph(services, label);
  let web: { listen(): Promise<string>; close(): Promise<void> } | undefined;
  try {
    const s = graph.services;
    await seedPersonnel(s.personnel!.dataSource, regency);
    await seedGoals(s.goals!.dataSource, regency);
    await seedCompetency(s.competency!.dataSource, regency);
    await seedEvaluation(s.evaluation!.dataSource, regency);
    const server: { listen(): Promise<string>; close(): Promise<void> } = createWebServer({
      port: 0, host: '127.0.0.1', gatewayUrl: graph.url, oidcIssuer: process.env.OIDC_ISSUER ?? 'http://127.0.0.1:4010',
      oidcClientId: 'kinerja-web', distDir: path.join(WEB, 'dist'), trustedProxyHops: 0,
    });
    web = server;
    const webUrl = await server.listen();
    return {
      graph, regency, webUrl,
      async stop() {
        await server.close();
        await graph.stop();
      },
    };
  } catch (error) {
    await web?.close().catch(() => undefined);
    await graph.stop();
    throw error;
  }
}
