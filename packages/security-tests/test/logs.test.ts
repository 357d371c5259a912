import { Writable } from 'node:stream';
import { generateRegency } from '@kinerja/demo-regency';
import { seedEvaluation } from '@kinerja/evaluation';
import { composeSupergraph, createGateway, type RunningGateway } from '@kinerja/gateway';
import { seedPersonnel } from '@kinerja/personnel';
import {
  createTestDatabase, graphql, KAFKA_BROKERS, makeToken, TEST_JWT_SECRET, TEST_SHARED_SECRET, uniqueTopicPrefix, type StartedService, type TestDatabase,
} from '@kinerja/testing';
import pino from 'pino';
import { SERVICES } from '../src/graph';

// ARCHITECTURE.md, "Trust and identity": no token, secret, NIP or birth date in the logs at info level. Every service and the
// gateway log at info into one captured stream while ordinary and refused requests run.
const lines: string[] = [];
const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
const logger = (name: string) => pino({ name, level: 'info' }, sink);

const databases: TestDatabase[] = [];
const started: Record<string, StartedService> = {};
let gateway: RunningGateway | undefined;
const regency = generateRegency({ employees: 120 });

beforeAll(async () => {
  const topicPrefix = uniqueTopicPrefix('sec-logs');
  for (const service of SERVICES) {
    const db = await createTestDatabase(`sec_logs_${service.name}`);
    databases.push(db);
    started[service.name] = await service.start({
      databaseUrl: db.url, sharedSecret: TEST_SHARED_SECRET, log: logger(service.name), kafka: { brokers: KAFKA_BROKERS, topicPrefix },
      personnelUrl: started.personnel?.url ?? 'http://127.0.0.1:4001/graphql', subgraphs: SERVICES.map((x) => x.name),
    } as never);
  }
  await seedPersonnel(started.personnel!.dataSource, regency);
  await seedEvaluation(started.evaluation!.dataSource, regency);
  gateway = await createGateway({
    supergraphSdl: composeSupergraph(SERVICES.map((s) => ({ name: s.name, url: started[s.name]!.url, sdl: started[s.name]!.sdl }))),
    sharedSecret: TEST_SHARED_SECRET, jwt: { secret: TEST_JWT_SECRET, issuer: 'kinerja', audience: 'kinerja' }, log: logger('gateway'),
  });
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  for (const s of Object.values(started).reverse()) await s.stop().catch(() => undefined);
  for (const d of databases) await d.drop().catch(() => undefined);
});

test('logs at info level hold no bearer token, secret, NIP or birth date', async () => {
  const url = gateway!.url;
  const person = regency.employees.find((e) => e.status === 'ACTIVE' && e.supervisorId)!;
  const admin = await makeToken({ sub: regency.admin.id, roles: ['EMPLOYEE', 'ADMIN'], nip: regency.admin.nip });
  const self = await makeToken({ sub: person.id, nip: person.nip });
  const forged = await makeToken({ sub: person.id, secret: 'a-key-the-gateway-does-not-know-000000' });
  const expired = await makeToken({ sub: person.id, expiresIn: -60 });
  const newcomer = { nip: '199203152020122001', birthDate: '1992-03-15' };
  const unit = regency.unitByCode.get('DISDIKBUD-SD')!.id;

  await graphql(url, 'query($n: String) { employee(nip: $n) { id nip birthDate } }', { n: person.nip }, { token: admin });
  await graphql(url, '{ me { id nip birthDate evaluations { id } } }', {}, { token: self });
  await graphql(url, '{ me { id } }', {}, { token: forged });
  await graphql(url, '{ me { id } }', {}, { token: expired });
  await graphql(url, 'mutation($i: RegisterEmployeeInput!) { registerEmployee(input: $i) { id } }', {
    i: { nip: newcomer.nip, name: 'Log Test', gender: 'FEMALE', birthDate: newcomer.birthDate, employmentType: 'PNS', grade: 'III_A', positionTitle: 'Analis', positionKind: 'PELAKSANA', unitId: unit },
  }, { token: admin });
  // Refused: a NIP disagreeing with the birth date, and a bad NIP in public feedback.
  await graphql(url, 'mutation($i: RegisterEmployeeInput!) { registerEmployee(input: $i) { id } }', {
    i: { nip: '198001012020121001', name: 'Salah', gender: 'MALE', birthDate: '1981-05-05', employmentType: 'PNS', grade: 'III_A', positionTitle: 'Analis', positionKind: 'PELAKSANA', unitId: unit },
  }, { token: admin });
  await graphql(url, 'mutation($n: String) { submitPublicFeedback(input: { employeeNip: $n, score: 5, comment: "ok" }) }', { n: person.nip });
  await graphql(url, 'mutation($n: String) { submitPublicFeedback(input: { employeeNip: $n, score: 5 }) }', { n: '199999999999999999' });
  await graphql(url, 'query($n: String) { employee(nip: $n) { id } }', { n: '197001011990031002' }, { token: self });
  await new Promise((r) => setTimeout(r, 500));

  const info = lines.filter((l) => {
    try { return (JSON.parse(l) as { level: number }).level >= 30; } catch { return true; }
  });
  expect(info.length).toBeGreaterThan(5); // the services did log at info
  console.info(`logs: ${info.length} lines at info or above checked`);
  const secrets: Record<string, string[]> = {
    'bearer token': [admin, self, forged, expired, ...[admin, self].map((t) => t.split('.')[2]!)],
    secret: [TEST_SHARED_SECRET, TEST_JWT_SECRET],
    'birth date': [person.birthDate, regency.admin.birthDate, newcomer.birthDate, '1981-05-05'],
  };
  const found: string[] = [];
  for (const line of info) {
    for (const [what, values] of Object.entries(secrets)) for (const v of values) if (line.includes(v)) found.push(`${what}: ${line.slice(0, 240)}`);
    if (/(?<!\d)\d{18}(?!\d)/.test(line)) found.push(`NIP: ${line.slice(0, 240)}`);
    if (/authorization|bearer /i.test(line)) found.push(`authorization header: ${line.slice(0, 240)}`);
  }
  expect(found).toEqual([]);
}, 60_000);
