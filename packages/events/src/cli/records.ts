import { z } from 'zod';
import { EVENTS, validateEnvelope, type EventType } from '../catalog';
import type { KafkaMessage } from '../kafka';

/** One consumed message, decoded and validated: what a tail/export line is made of. */
export interface EventRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The Kafka message timestamp (the relay's publish time), ISO. */
  timestamp: string;
  /** The message value parsed as JSON; undefined when it is not JSON (then `raw` holds it). */
  value: unknown;
  raw: string | null;
  /** null when the envelope and payload validate; else why not. */
  invalid: string | null;
}

export function decodeMessage(type: EventType, topic: string, partition: number, message: Pick<KafkaMessage, 'key' | 'value' | 'offset' | 'timestamp'>): EventRecord {
  const raw = message.value ? message.value.toString('utf8') : null;
  const base = {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    timestamp: new Date(Number(message.timestamp)).toISOString(),
    raw,
  };
  if (raw === null || raw === '') return { ...base, value: undefined, invalid: 'empty message value' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { ...base, value: undefined, invalid: `not JSON: ${(error as Error).message}` };
  }
  const result = validateEnvelope(type, value);
  return { ...base, value, invalid: result.ok ? null : result.reason };
}

/** When the event happened: the envelope's occurredAt, else (invalid message) the Kafka timestamp. */
export function occurredAtMs(record: EventRecord): number {
  const at = (record.value as { occurredAt?: unknown } | undefined)?.occurredAt;
  const ms = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isNaN(ms) ? Date.parse(record.timestamp) : ms;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

/** The payload's CSV columns from the catalog: nested objects dotted (cycle.year), arrays one column. */
export function payloadColumns(type: EventType): string[] {
  const out: string[] = [];
  const walk = (schema: z.ZodType, path: string) => {
    const s = unwrap(schema);
    if (s instanceof z.ZodObject) {
      for (const [k, v] of Object.entries(s.shape)) walk(v as z.ZodType, path ? `${path}.${k}` : k);
    } else {
      out.push(path);
    }
  };
  walk(EVENTS[type].data as unknown as z.ZodType, '');
  return out;
}

export const ENVELOPE_COLUMNS = ['eventId', 'type', 'occurredAt', 'producer', 'key', 'partition', 'offset'] as const;

/** The CSV header of a topic: envelope and Kafka columns, the flattened payload, then `invalid` (the reason, empty when valid). */
export function csvColumns(type: EventType): string[] {
  return [...ENVELOPE_COLUMNS, ...payloadColumns(type), 'invalid'];
}

function at(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** A cell: empty for null/missing, JSON for arrays and objects, the plain text otherwise. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** RFC 4180 quoting: a field with a comma, quote, CR or LF (or edge spaces) is quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvField).join(',')}\n`;
}

/** One CSV row; for an invalid message, whatever fields could be read plus the reason. */
export function csvCells(type: EventType, record: EventRecord): string[] {
  const env = record.value;
  const data = at(env, 'data');
  const cells: string[] = [
    cellText(at(env, 'eventId')),
    cellText(at(env, 'type')),
    cellText(at(env, 'occurredAt')),
    cellText(at(env, 'producer')),
    record.key ?? '',
    String(record.partition),
    record.offset,
  ];
  for (const column of payloadColumns(type)) cells.push(cellText(at(data, column)));
  cells.push(record.invalid ?? '');
  return cells;
}

/**
 * One JSON line: Kafka coordinates, `valid`, the message as it was (not stripped of fields a later
 * minor version adds), and for an invalid one the reason and, if it was not JSON, the raw text.
 */
export function jsonLine(record: EventRecord): string {
  const line: Record<string, unknown> = {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key,
    timestamp: record.timestamp,
    valid: record.invalid === null,
  };
  if (record.invalid !== null) line.invalid = record.invalid;
  if (record.value !== undefined) line.event = record.value;
  else line.raw = record.raw;
  return `${JSON.stringify(line)}\n`;
}
