import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Failed-login counts per client address and per email (server/rateLimit.ts), in PostgreSQL so that every web
 * process behind a load balancer counts the same attempts. The layout is rate-limiter-flexible's Postgres store:
 * one row per key, the points used in the current window and when the window ends (epoch milliseconds).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS login_throttle (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS login_throttle;`)
}
