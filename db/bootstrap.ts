import { getPayload, type Payload } from 'payload'

/**
 * Boots Payload on the configured database and applies the committed migrations (never a dev schema push).
 * The config is imported here, after the caller has set DATABASE_URL.
 */
export async function bootPayload(): Promise<Payload> {
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  const { migrations } = await import('./migrations')
  await payload.db.migrate({ migrations: migrations as never })
  return payload
}

/** Names of committed migrations not yet applied to the database (empty when the schema is current). */
export async function pendingMigrations(payload: Payload): Promise<string[]> {
  const { migrations } = await import('./migrations')
  const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
  const applied = await pool.query<{ name: string }>('select name from payload_migrations')
  const done = new Set(applied.rows.map((row) => row.name))
  return (migrations as { name: string }[]).map((m) => m.name).filter((name) => !done.has(name))
}
