import type { DataSource } from 'typeorm';

/** What oidc-provider stores per model (its Adapter interface). */
export interface AdapterPayload {
  [key: string]: unknown;
  grantId?: string;
  userCode?: string;
  uid?: string;
  consumed?: number;
}

/**
 * oidc-provider's adapter on PostgreSQL: one table for every model, keyed by (model, id). Expired
 * rows are never returned and are swept by `sweepExpired`.
 */
export function postgresAdapter(ds: DataSource) {
  return class PostgresAdapter {
    constructor(readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      await ds.query(
        `INSERT INTO oidc_model (model, id, payload, grant_id, user_code, uid, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int > 0 THEN now() + make_interval(secs => $7::int) END)
         ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
           user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        [this.model, id, JSON.stringify(payload), payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, Math.ceil(expiresIn ?? 0)],
      );
    }

    async findBy(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
      const rows: Array<{ payload: AdapterPayload; consumed_at: Date | null }> = await ds.query(
        `SELECT payload, consumed_at FROM oidc_model WHERE model = $1 AND ${column} = $2 AND (expires_at IS NULL OR expires_at > now()) LIMIT 1`,
        [this.model, value],
      );
      const row = rows[0];
      if (!row) return undefined;
      return row.consumed_at ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : row.payload;
    }

    find(id: string) {
      return this.findBy('id', id);
    }

    findByUid(uid: string) {
      return this.findBy('uid', uid);
    }

    findByUserCode(userCode: string) {
      return this.findBy('user_code', userCode);
    }

    async consume(id: string): Promise<void> {
      await ds.query('UPDATE oidc_model SET consumed_at = now() WHERE model = $1 AND id = $2', [this.model, id]);
    }

    async destroy(id: string): Promise<void> {
      await ds.query('DELETE FROM oidc_model WHERE model = $1 AND id = $2', [this.model, id]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await ds.query('DELETE FROM oidc_model WHERE grant_id = $1', [grantId]);
    }
  };
}

/** Deletes expired models; run periodically (a few thousand rows a day for a regency). */
export async function sweepExpired(ds: DataSource): Promise<number> {
  const rows: Array<{ n: number }> = await ds.query(
    `WITH gone AS (DELETE FROM oidc_model WHERE expires_at < now() - interval '1 hour' RETURNING 1) SELECT count(*)::int AS n FROM gone`,
  );
  return rows[0]?.n ?? 0;
}
