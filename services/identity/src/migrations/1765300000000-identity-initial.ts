import { createAuditTable, dropAuditTable } from '@kinerja/subgraph-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity service's own database (ARCHITECTURE.md: no service reads another's tables): the
 * OpenID Provider's models, its signing keys, and credentials keyed by personnel's employee id.
 * Who exists, and whether they are active, stays in personnel.
 */
export class IdentityInitial1765300000000 implements MigrationInterface {
  name = 'IdentityInitial1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // oidc-provider's adapter models (Session, AuthorizationCode, RefreshToken, Grant, Interaction, ...).
    await q.query(`
      CREATE TABLE oidc_model (
        model varchar(40) NOT NULL,
        id varchar(200) NOT NULL,
        payload jsonb NOT NULL,
        grant_id varchar(200) NULL,
        user_code varchar(200) NULL,
        uid varchar(200) NULL,
        expires_at timestamptz NULL,
        consumed_at timestamptz NULL,
        PRIMARY KEY (model, id)
      )`);
    await q.query('CREATE INDEX oidc_model_grant_idx ON oidc_model (grant_id) WHERE grant_id IS NOT NULL');
    await q.query('CREATE INDEX oidc_model_uid_idx ON oidc_model (uid) WHERE uid IS NOT NULL');
    await q.query('CREATE INDEX oidc_model_expires_idx ON oidc_model (expires_at)');
    // Signing keys: the newest active one signs; retired ones stay published until tokens they signed expire.
    await q.query(`
      CREATE TABLE signing_key (
        kid varchar(64) PRIMARY KEY,
        alg varchar(16) NOT NULL,
        private_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz NULL
      )`);
    await q.query(`
      CREATE TABLE credential (
        employee_id uuid PRIMARY KEY,
        password_hash text NULL,
        failed_attempts int NOT NULL DEFAULT 0,
        lock_count int NOT NULL DEFAULT 0,
        locked_until timestamptz NULL,
        password_changed_at timestamptz NULL,
        last_sign_in_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Only a hash of each activation token is stored: a database read gives no usable link.
    await q.query(`
      CREATE TABLE activation_link (
        token_hash char(64) PRIMARY KEY,
        employee_id uuid NOT NULL,
        issued_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz NULL
      )`);
    await q.query('CREATE INDEX activation_link_employee_idx ON activation_link (employee_id)');
    await createAuditTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditTable(q);
    await q.query('DROP TABLE IF EXISTS activation_link');
    await q.query('DROP TABLE IF EXISTS credential');
    await q.query('DROP TABLE IF EXISTS signing_key');
    await q.query('DROP TABLE IF EXISTS oidc_model');
  }
}
