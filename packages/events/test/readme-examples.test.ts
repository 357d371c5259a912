// The root README shows one example message per topic with its schema file: they must stay valid
// (checked with Ajv against the checked-in JSON Schema, and with the zod catalog).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EVENTS, validateEnvelope, type EventType } from '../src';
import { schemaPath, schemaValidator } from './json-schema';

const REPO = resolve(__dirname, '..', '..', '..');
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

describe('README example messages', () => {
  it.each(Object.keys(EVENTS) as EventType[])('%s: shown with its schema path, and valid', (type) => {
    const topic = EVENTS[type].topic;
    const escaped = topic.replace(/\./g, '\\.');
    const match = new RegExp(`^\`${escaped}\` \\([a-z]+; schema \`([^\`]+)\`\\):\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``, 'm').exec(readme);
    expect(match).not.toBeNull();
    const [, path, json] = match!;
    expect(resolve(REPO, path!)).toBe(schemaPath(type));
    expect(existsSync(resolve(REPO, path!))).toBe(true);
    const message = JSON.parse(json!) as unknown;
    const validate = schemaValidator(type);
    expect(validate(message) ? [] : validate.errors).toEqual([]);
    expect(validateEnvelope(type, message)).toMatchObject({ ok: true });
  });
});
