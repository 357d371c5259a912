import { z } from 'zod';
import { EVENTS, type EventType } from './catalog';

/**
 * JSON Schema per topic for analysts who do not use TypeScript (EVENTS.md: "a JSON Schema file per
 * topic is generated from it and checked in"). Each schema describes the whole message value: the
 * envelope with this topic's type, version, producer and data. Generated in input mode, so a
 * consumer validating with it accepts fields a later minor change adds, as the zod catalog does.
 */
export function topicSchema(type: EventType): Record<string, unknown> {
  const spec = EVENTS[type];
  const message = z.object({
    eventId: z.string().uuid(),
    type: z.literal(type),
    version: z.literal(spec.version),
    occurredAt: z.string().datetime({ offset: true }),
    producer: z.literal(spec.producer),
    data: spec.data,
  });
  const schema = z.toJSONSchema(message, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: `https://kinerja.bungokab.go.id/events/${spec.topic}.schema.json`,
    title: spec.topic,
    description: `${spec.description} Key: the employee id (or unit id). Headers: eventId, type, traceId when there is one. Producer: ${spec.producer}.`,
    ...rest,
  };
}

/** `schemas/<topic>.schema.json` file name → its exact content (2-space JSON, trailing newline). */
export function topicSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const type of Object.keys(EVENTS) as EventType[]) {
    files.set(`${EVENTS[type].topic}.schema.json`, `${JSON.stringify(topicSchema(type), null, 2)}\n`);
  }
  return files;
}
