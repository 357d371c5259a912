// A real JSON Schema validator (Ajv, draft 2020-12, formats) over the checked-in schemas/<topic>.schema.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { EVENTS, type EventType } from '../src';

export const schemaPath = (type: EventType) => join(__dirname, '..', 'schemas', `${EVENTS[type].topic}.schema.json`);

export function schemaValidator(type: EventType): ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath(type), 'utf8')) as object);
}
