// The checked-in JSON Schema files (EVENTS.md) must match the zod catalog they are generated from.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS, topicSchema, topicSchemaFiles } from '../src';

const dir = join(__dirname, '..', 'schemas');

describe('generated JSON Schema per topic', () => {
  it('has one checked-in file per catalog topic, identical to what the catalog generates (else: npm run schemas -w @kinerja/events)', () => {
    const expected = topicSchemaFiles();
    expect(readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) {
      expect({ name, content: readFileSync(join(dir, name), 'utf8') }).toEqual({ name, content });
    }
  });

  it('describes the whole envelope with the topic\'s type, version, producer and data fields', () => {
    const schema = topicSchema('evaluation.completed') as { title: string; required: string[]; properties: Record<string, any> };
    expect(schema.title).toBe(EVENTS['evaluation.completed'].topic);
    expect(schema.required).toEqual(['eventId', 'type', 'version', 'occurredAt', 'producer', 'data']);
    expect(schema.properties.type.const).toBe('evaluation.completed');
    expect(schema.properties.producer.const).toBe('evaluation');
    expect(schema.properties.data.required).toEqual(expect.arrayContaining(['evaluationId', 'employeeId', 'nip', 'cycle', 'predicate', 'completedAt']));
    expect(schema.properties.data.properties.predicate.enum).toEqual(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']);
  });
});
