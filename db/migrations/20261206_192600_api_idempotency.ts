import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Idempotency keys (server/idempotency.ts): the first response to a POST sent with an `Idempotency-Key`, per caller
 * and key, so a retried request gets that response back instead of doing the work twice; `body_hash` tells a reused
 * key with another body (a 409). Kept 24 hours. `api_key_rate` is rate-limiter-flexible's Postgres store for the
 * per-key request limits, shared by every web process.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS idempotency_keys (
      caller text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      body_hash text NOT NULL,
      state text NOT NULL DEFAULT 'started',
      status integer,
      headers jsonb,
      body bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (caller, key)
    );
    CREATE INDEX IF NOT EXISTS idempotency_keys_created_at_idx ON idempotency_keys (created_at);
    CREATE TABLE IF NOT EXISTS api_key_rate (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS idempotency_keys; DROP TABLE IF EXISTS api_key_rate;`)
}
