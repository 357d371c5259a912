import { randomUUID } from 'node:crypto';
import { closedPort, readTopic as readTopicOn, startProxy as startProxyTo, waitFor } from '@kinerja/events/testing';
import { signIdentity, type Identity } from '@kinerja/subgraph-kit';
import { graphql, graphqlOk, KAFKA_BROKERS, TEST_SHARED_SECRET, type GraphQLResponse } from '@kinerja/testing';

/** A valid NIP for a birth date (YYYY-MM-DD), first appointment (YYYYMM), sex and sequence. */
export function nipFor(birthDate: string, appointment: string, gender: 'MALE' | 'FEMALE', sequence: number): string {
  return `${birthDate.replace(/-/g, '')}${appointment}${gender === 'MALE' ? 1 : 2}${String(sequence).padStart(3, '0')}`;
}

export const ADMIN_ID = randomUUID();

export async function createUnit(url: string, token: string, code: string, name: string, kind: string, parentId: string | null = null): Promise<string> {
  const data = await graphqlOk<{ createOrganizationUnit: { id: string } }>(url,
    `mutation($input: CreateOrganizationUnitInput!) { createOrganizationUnit(input: $input) { id } }`,
    { input: { code, name, kind, parentId } }, { token });
  return data.createOrganizationUnit.id;
}

export interface Person { id: string; nip: string }

/** Registers an employee through the gateway. */
export async function register(url: string, token: string, p: { name: string; unitId: string; supervisorId?: string | null; sequence: number; positionKind?: string }): Promise<Person> {
  const nip = nipFor('1986-09-26', '201505', 'MALE', p.sequence);
  const data = await graphqlOk<{ registerEmployee: Person }>(url,
    `mutation($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { id nip } }`,
    { input: {
      nip, name: p.name, gender: 'MALE', birthDate: '1986-09-26', employmentType: 'PNS', grade: 'III_A', positionTitle: 'Pengelola Data',
      positionKind: p.positionKind ?? 'PELAKSANA', unitId: p.unitId, supervisorId: p.supervisorId ?? null,
    } }, { token });
  return data.registerEmployee;
}

export async function setHead(url: string, token: string, unitId: string, employeeId: string): Promise<void> {
  await graphqlOk(url, `mutation($u: ID!, $e: ID!) { setUnitHead(unitId: $u, employeeId: $e) { id } }`, { u: unitId, e: employeeId }, { token });
}

/** Asks a subgraph directly, as the gateway would, with a signed identity (for `_entities`). */
export function asGateway<T = Record<string, any>>(subgraphUrl: string, identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return graphql<T>(subgraphUrl, query, variables, { headers: { 'x-kinerja-identity': signIdentity(identity, TEST_SHARED_SECRET) } });
}

/** The broker helpers of @kinerja/events bound to the test broker. */
export const readTopic = (topic: string, count: number, options?: { timeoutMs?: number; settleMs?: number }) => readTopicOn(KAFKA_BROKERS, topic, count, options);
export const startProxy = (port: number) => startProxyTo(port, KAFKA_BROKERS);
export { closedPort, waitFor };
