import { graphqlOk } from './graphql-client';

// Units and employees created through the graph (personnel's mutations), as an ADMIN would.

/** A valid PNS NIP for a birth date (YYYY-MM-DD), first appointment (YYYYMM), sex and sequence (DOMAIN.md, "NIP"). */
export function nipFor(birthDate: string, appointment: string, gender: 'MALE' | 'FEMALE', sequence: number): string {
  return `${birthDate.replace(/-/g, '')}${appointment}${gender === 'MALE' ? 1 : 2}${String(sequence).padStart(3, '0')}`;
}

/** Creates an organization unit and returns its id. */
export async function createUnit(url: string, token: string, code: string, name: string, kind: string, parentId: string | null = null): Promise<string> {
  const data = await graphqlOk<{ createOrganizationUnit: { id: string } }>(url,
    `mutation($input: CreateOrganizationUnitInput!) { createOrganizationUnit(input: $input) { id } }`,
    { input: { code, name, kind, parentId } }, { token });
  return data.createOrganizationUnit.id;
}

export interface Person { id: string; nip: string }

export interface PersonInput {
  name: string;
  unitId: string;
  /** Makes the NIP unique within the test (its last three digits). */
  sequence: number;
  gender?: 'MALE' | 'FEMALE';
  birthDate?: string;
  supervisorId?: string | null;
  positionKind?: string;
  positionTitle?: string;
}

/** Registers a PNS employee (III/a, appointed May 2015) and returns its id and NIP. */
export async function registerEmployee(url: string, token: string, p: PersonInput): Promise<Person> {
  const gender = p.gender ?? 'MALE';
  const birthDate = p.birthDate ?? '1986-09-26';
  const data = await graphqlOk<{ registerEmployee: Person }>(url,
    `mutation($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { id nip } }`,
    { input: {
      nip: nipFor(birthDate, '201505', gender, p.sequence), name: p.name, gender, birthDate, employmentType: 'PNS', grade: 'III_A',
      positionTitle: p.positionTitle ?? 'Pengelola Data', positionKind: p.positionKind ?? 'PELAKSANA', unitId: p.unitId, supervisorId: p.supervisorId ?? null,
    } }, { token });
  return data.registerEmployee;
}

/** Makes the employee the unit's head. */
export async function setUnitHead(url: string, token: string, unitId: string, employeeId: string): Promise<void> {
  await graphqlOk(url, `mutation($u: ID!, $e: ID!) { setUnitHead(unitId: $u, employeeId: $e) { id } }`, { u: unitId, e: employeeId }, { token });
}
