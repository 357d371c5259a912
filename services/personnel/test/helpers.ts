import { randomUUID } from 'node:crypto';

export const ADMIN_ID = randomUUID();

/** registerEmployee with the fields personnel's own tests assert on (@kinerja/testing's registerEmployee returns id and NIP). */
export const REGISTER = `mutation Register($input: RegisterEmployeeInput!) {
  registerEmployee(input: $input) { id nip name gender employmentType grade status unit { code } supervisor { id } }
}`;
