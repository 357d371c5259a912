import type { EntityManager } from 'typeorm';
import type { PublicFeedbackLimits } from './settings';

export interface RateLimitWindow {
  bucket: 'minute' | 'day';
  limit: number;
  start: Date;
  /** When the window ends: the earliest moment a refused client may try again. */
  end: Date;
}

/** The fixed windows `now` falls in (UTC minute and UTC day). */
export function windowsAt(now: Date, limits: PublicFeedbackLimits): RateLimitWindow[] {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return [
    { bucket: 'minute', limit: limits.perMinute, start: minute, end: new Date(minute.getTime() + 60_000) },
    { bucket: 'day', limit: limits.perDay, start: day, end: new Date(day.getTime() + 86_400_000) },
  ];
}

/**
 * Takes one hit for `clientKey` in every window, in the database so all replicas share the count.
 * Returns the window that is full (nothing is counted then: the caller's transaction rolls back),
 * or null when the hit was taken.
 */
export async function takeHit(m: EntityManager, clientKey: string, limits: PublicFeedbackLimits, now = new Date()): Promise<RateLimitWindow | null> {
  for (const w of windowsAt(now, limits)) {
    // Counts only while under the limit: a refused attempt does not push the window further.
    const rows = (await m.query(
      `INSERT INTO rate_limit AS r (client_key, bucket, window_start, hits) VALUES ($1, $2, $3, 1)
       ON CONFLICT (client_key, bucket, window_start) DO UPDATE SET hits = r.hits + 1 WHERE r.hits < $4
       RETURNING hits`,
      [clientKey, w.bucket, w.start, w.limit],
    )) as Array<{ hits: number }>;
    if (rows.length === 0 || (rows[0]?.hits ?? 0) > w.limit) return w;
  }
  return null;
}

/** Forgets windows older than two days (called now and then; the table stays small). */
export async function pruneRateLimits(m: EntityManager, now = new Date()): Promise<void> {
  await m.query('DELETE FROM rate_limit WHERE window_start < $1', [new Date(now.getTime() - 2 * 86_400_000)]);
}
