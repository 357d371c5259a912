import { randomUUID } from 'node:crypto';
import { graphqlOk } from '@kinerja/testing';

/** A valid NIP for a birth date (YYYY-MM-DD), first appointment (YYYYMM), sex and sequence. */
export function nipFor(birthDate: string, appointment: string, gender: 'MALE' | 'FEMALE', sequence: number): string {
  return `${birthDate.replace(/-/g, '')}${appointment}${gender === 'MALE' ? 1 : 2}${String(sequence).padStart(3, '0')}`;
}

export const ADMIN_ID = randomUUID();

export const REGISTER = `mutation Register($input: RegisterEmployeeInput!) {
  registerEmployee(input: $input) { id nip name gender employmentType grade status unit { code } supervisor { id } }
}`;

export interface PersonInput {
  name: string;
  gender?: 'MALE' | 'FEMALE';
  birthDate?: string;
  unitId: string;
  supervisorId?: string | null;
  sequence: number;
  positionKind?: string;
}

/** Registers an employee through the gateway and returns its id and NIP. */
export async function register(url: string, token: string, p: PersonInput): Promise<{ id: string; nip: string }> {
  const gender = p.gender ?? 'MALE';
  const birthDate = p.birthDate ?? '1986-09-26';
  const nip = nipFor(birthDate, '201505', gender, p.sequence);
  const data = await graphqlOk<{ registerEmployee: { id: string; nip: string } }>(url, REGISTER, {
    input: {
      nip, name: p.name, gender, birthDate, employmentType: 'PNS', grade: 'III_A', positionTitle: 'Pengelola Data',
      positionKind: p.positionKind ?? 'PELAKSANA', unitId: p.unitId, supervisorId: p.supervisorId ?? null,
    },
  }, { token });
  return data.registerEmployee;
}

export async function createUnit(url: string, token: string, code: string, name: string, kind: string, parentId: string | null = null): Promise<string> {
  const data = await graphqlOk<{ createOrganizationUnit: { id: string } }>(url,
    `mutation($input: CreateOrganizationUnitInput!) { createOrganizationUnit(input: $input) { id } }`,
    { input: { code, name, kind, parentId } }, { token });
  return data.createOrganizationUnit.id;
}
