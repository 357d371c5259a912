import { randomUUID } from 'node:crypto';
import { generateRegency, type DemoEmployee, type DemoRegency } from '@kinerja/demo-regency';
import { createKafka, EVENTS, type Envelope, type EventData, type Producer } from '@kinerja/events';
import { seedPersonnel } from '@kinerja/personnel';
import { KAFKA_BROKERS, waitFor, type TestGraph } from '@kinerja/testing';
import type { DataSource } from 'typeorm';

export type Completed = EventData<'evaluation.completed'>;

/** A small demo regency in personnel: the same people every run. */
export async function seedRegency(graph: TestGraph): Promise<DemoRegency> {
  const regency = generateRegency({ employees: 300 });
  await seedPersonnel(graph.services.personnel!.dataSource, regency);
  return regency;
}

/** People to test with: a unit's head, two staff of one sub-unit, and someone elsewhere. */
export function cast(regency: DemoRegency) {
  const unit = (code: string) => regency.unitByCode.get(code)!;
  const disdik = unit('DISDIKBUD');
  const sd = unit('DISDIKBUD-SD');
  // PNS: promotion is for PNS only (a PPPK has no pangkat).
  const staffOf = (unitId: string, kind: string) => regency.employees.filter((e) => e.unitId === unitId && e.status === 'ACTIVE' && e.positionKind === kind && e.employmentType === 'PNS');
  const [teacher, colleague] = staffOf(sd.id, 'FUNGSIONAL') as [DemoEmployee, DemoEmployee];
  // A PNS on the dinas's own staff (a pelaksana where the small regency has one, else a fungsional).
  const disdikStaff = (kind: string) => regency.employees.find((e) => e.unitId === disdik.id && e.positionKind === kind && e.status === 'ACTIVE' && e.employmentType === 'PNS');
  const clerk = (disdikStaff('PELAKSANA') ?? disdikStaff('FUNGSIONAL'))!;
  const outsiderUnit = unit('DINKES');
  const outsider = regency.employees.find((e) => e.unitId === outsiderUnit.id && e.positionKind !== 'JPT' && e.status === 'ACTIVE')!;
  return {
    disdik, sd, teacher, colleague, clerk, outsider, outsiderUnit,
    disdikHead: regency.employeeById.get(disdik.headId!)!,
    sdHead: regency.employeeById.get(sd.headId!)!,
    outsiderHead: regency.employeeById.get(outsiderUnit.headId!)!,
    /** Direct superiors: they open discipline cases (PP 94/2021) and own improvement plans. */
    teacherBoss: regency.employeeById.get(teacher.supervisorId!)!,
    clerkBoss: regency.employeeById.get(clerk.supervisorId!)!,
  };
}

export interface CompletedOptions {
  employee: DemoEmployee;
  predicate: Completed['predicate'];
  year?: number;
  periodType?: Completed['cycle']['periodType'];
  period?: number | null;
  completedAt?: string;
  evaluationId?: string;
}

const RATINGS: Record<Completed['predicate'], [Completed['resultRating'], Completed['behaviorRating']]> = {
  SANGAT_BAIK: ['ABOVE_EXPECTATION', 'ABOVE_EXPECTATION'],
  BAIK: ['MEETS_EXPECTATION', 'MEETS_EXPECTATION'],
  BUTUH_PERBAIKAN: ['BELOW_EXPECTATION', 'MEETS_EXPECTATION'],
  KURANG: ['MEETS_EXPECTATION', 'BELOW_EXPECTATION'],
  SANGAT_KURANG: ['BELOW_EXPECTATION', 'BELOW_EXPECTATION'],
};

/** An evaluation.completed envelope as the evaluation service publishes it (EVENTS.md). */
export function completedEvent(o: CompletedOptions): Envelope<Completed> {
  const year = o.year ?? 2026;
  const periodType = o.periodType ?? 'ANNUAL';
  const [resultRating, behaviorRating] = RATINGS[o.predicate];
  return {
    eventId: randomUUID(),
    type: 'evaluation.completed',
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'evaluation',
    data: {
      evaluationId: o.evaluationId ?? randomUUID(),
      employeeId: o.employee.id,
      nip: o.employee.nip,
      unitId: o.employee.unitId,
      evaluatorId: o.employee.supervisorId ?? o.employee.id,
      cycle: { id: randomUUID(), year, periodType, period: periodType === 'ANNUAL' ? null : (o.period ?? 1) },
      resultRating,
      behaviorRating,
      predicate: o.predicate,
      completedAt: o.completedAt ?? `${year + (periodType === 'ANNUAL' ? 1 : 0)}-01-15T03:00:00.000Z`,
    },
  };
}

export const completedTopic = (prefix: string) => `${prefix}${EVENTS['evaluation.completed'].topic}`;

/** A producer standing in for the evaluation service's relay: raw values, keyed by employee id. */
export async function eventProducer(prefix: string): Promise<{ send(value: Envelope | string, key?: string): Promise<void>; stop(): Promise<void> }> {
  const producer: Producer = createKafka({ brokers: KAFKA_BROKERS, clientId: 'recognition-test' }).producer();
  await producer.connect();
  return {
    async send(value, key) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      const k = key ?? (typeof value === 'string' ? 'poison' : (value.data as Completed).employeeId);
      const headers = typeof value === 'string' ? {} : { eventId: value.eventId, type: value.type };
      await producer.send({ topic: completedTopic(prefix), acks: -1, messages: [{ key: k, value: text, headers }] });
    },
    stop: () => producer.disconnect(),
  };
}

export async function decisionsFor(ds: DataSource, evaluationId: string): Promise<Array<Record<string, any>>> {
  return ds.query('SELECT * FROM reward_decision WHERE evaluation_id = $1', [evaluationId]);
}

export async function waitForDecision(ds: DataSource, evaluationId: string): Promise<Record<string, any>> {
  return waitFor(async () => (await decisionsFor(ds, evaluationId))[0], { what: `a reward decision for evaluation ${evaluationId}` });
}

/** Removes the topics and consumer groups this test's graph created. */
export async function cleanKafka(prefix: string): Promise<void> {
  const admin = createKafka({ brokers: KAFKA_BROKERS, clientId: 'recognition-test-admin' }).admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** The evaluation subgraph's operations (CONTRACT.md, evaluation) the reward path starts from. */
export const OPEN_CYCLE = `mutation($input: EvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }`;
export const START = `mutation($e: ID!, $c: ID!) { startEvaluation(employeeId: $e, cycleId: $c) { id version } }`;
export const RATE = `mutation($id: ID!, $r: Rating!, $b: Rating!, $v: Int!) { rateEvaluation(id: $id, resultRating: $r, behaviorRating: $b, expectedVersion: $v) { version predicate } }`;
export const COMPLETE = `mutation($id: ID!, $v: Int!) { completeEvaluation(id: $id, expectedVersion: $v) { id status completedAt } }`;
