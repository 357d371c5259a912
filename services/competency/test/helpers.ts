import { generateRegency, type DemoEmployee, type DemoRegency } from '@kinerja/demo-regency';
import { personnelService, seedPersonnel } from '@kinerja/personnel';
import { codeOf, graphql, startGraph, type GraphService, type TestGraph } from '@kinerja/testing';
import { createServer, type CompetencyOptions } from '../src';

/** Competency with pinned settings (today, PPPK requirement), started the way startGraph starts services. */
export function competencyWith(settings: Pick<CompetencyOptions, 'today' | 'pppkRequiredHours'> = {}): GraphService {
  return {
    name: 'competency',
    start: (o) => createServer({
      databaseUrl: o.databaseUrl, sharedSecret: o.sharedSecret, personnelUrl: o.personnelUrl, log: o.log, kafka: o.kafka, ...settings,
    }),
  };
}

export interface Regency {
  graph: TestGraph;
  regency: DemoRegency;
  unit(code: string): string;
  head(code: string): DemoEmployee;
  /** Active non-managerial staff of exactly this unit, in a stable order. */
  staff(code: string): DemoEmployee[];
  token(e: DemoEmployee | string, roles?: Array<'ADMIN' | 'ANALYST' | 'EMPLOYEE'>): Promise<string>;
  adminToken: string;
}

/** Personnel seeded with the demo regency, competency beside it, the gateway in front. */
export async function startRegencyGraph(label: string, settings: Pick<CompetencyOptions, 'today' | 'pppkRequiredHours'> = {}, employees = 300): Promise<Regency> {
  const graph = await startGraph([personnelService, competencyWith(settings)], label);
  const regency = generateRegency({ employees });
  await seedPersonnel(graph.services.personnel!.dataSource, regency);
  const unit = (code: string) => {
    const u = regency.unitByCode.get(code);
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  };
  const head = (code: string) => regency.employeeById.get(regency.unitByCode.get(code)?.headId ?? '') as DemoEmployee;
  const staff = (code: string) => regency.employees.filter((e) => e.unitId === unit(code) && e.status === 'ACTIVE'
    && (e.positionKind === 'PELAKSANA' || e.positionKind === 'FUNGSIONAL'));
  const token = (e: DemoEmployee | string, roles: Array<'ADMIN' | 'ANALYST' | 'EMPLOYEE'> = ['EMPLOYEE']) => graph.token(typeof e === 'string' ? e : e.id, roles);
  return { graph, regency, unit, head, staff, token, adminToken: await token(regency.admin, ['ADMIN', 'EMPLOYEE']) };
}

export const CREATE_ACTIVITY = `mutation($input: LearningActivityInput!) {
  createLearningActivity(input: $input) { id title kind startsOn endsOn hours capacity organizerUnit { id } participatingUnits { id } competencies { code } }
}`;

export const ENROLL = `mutation($a: ID!, $e: ID!) { enroll(activityId: $a, employeeId: $e) { id status employee { id } activity { id } } }`;
export const ATTEND = `mutation($id: ID!, $yes: Boolean!) { recordAttendance(enrollmentId: $id, attended: $yes) { id status } }`;
export const COMPLETE = `mutation($id: ID!, $score: Float, $on: Date) { completeEnrollment(enrollmentId: $id, score: $score, completedOn: $on) { id status score completedOn } }`;
export const CANCEL = `mutation($id: ID!) { cancelEnrollment(enrollmentId: $id) { id status } }`;

export interface ActivitySpec {
  title?: string;
  kind?: string;
  organizerUnitId: string;
  participatingUnitIds?: string[];
  startsOn: string;
  endsOn: string;
  hours?: number;
  capacity?: number | null;
  competencyIds?: string[];
}

export function activityInput(s: ActivitySpec) {
  return {
    title: s.title ?? 'Pelatihan Manajemen Waktu', kind: s.kind ?? 'TRAINING', organizerUnitId: s.organizerUnitId,
    participatingUnitIds: s.participatingUnitIds ?? [s.organizerUnitId], startsOn: s.startsOn, endsOn: s.endsOn,
    hours: s.hours ?? 24, capacity: s.capacity ?? null, competencyIds: s.competencyIds ?? [],
  };
}

/** Creates an activity (as ADMIN unless a token is given) and returns its id. */
export async function createActivity(r: Regency, s: ActivitySpec, token = r.adminToken): Promise<string> {
  const res = await graphql(r.graph.url, CREATE_ACTIVITY, { input: activityInput(s) }, { token });
  if (res.errors?.length) throw new Error(`createLearningActivity: ${JSON.stringify(res.errors)}`);
  return (res.data as any).createLearningActivity.id;
}

/** Runs a mutation and returns its code ("OK" or the first error's code) and message. */
export async function attempt(r: Regency, query: string, vars: Record<string, unknown>, token: string): Promise<{ code: string; message: string; data: any }> {
  const res = await graphql(r.graph.url, query, vars, { token });
  return { code: res.errors?.length ? codeOf(res) ?? 'UNKNOWN' : 'OK', message: res.errors?.[0]?.message ?? '', data: res.data };
}

/** Enrolls, records attendance and completion as ADMIN; returns the enrollment id. */
export async function enrollAndComplete(r: Regency, activityId: string, employeeId: string, completedOn?: string): Promise<string> {
  const e = await attempt(r, ENROLL, { a: activityId, e: employeeId }, r.adminToken);
  if (e.code !== 'OK') throw new Error(`enroll: ${e.message}`);
  const id = e.data.enroll.id as string;
  const a = await attempt(r, ATTEND, { id, yes: true }, r.adminToken);
  if (a.code !== 'OK') throw new Error(`attend: ${a.message}`);
  const c = await attempt(r, COMPLETE, { id, score: 90, on: completedOn ?? null }, r.adminToken);
  if (c.code !== 'OK') throw new Error(`complete: ${c.message}`);
  return id;
}
