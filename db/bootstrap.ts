import { getPayload, type Payload } from 'payload'

import config from '../payload.config'
import { migrations } from './migrations'
import { trace } from './trace'

/**
 * Boots Payload on the configured database and applies the committed migrations (never a dev schema push).
 */
export async function bootPayload(): Promise<Payload> {
  trace('boot', 'config imported')
  const payload = await getPayload({ config })
  trace('boot', 'payload initialised')
  const pool = (payload.db as unknown as { pool: PoolInternals }).pool
  // Right after connect, the only checked-out client is the one Payload keeps for good (see closePayload).
  reservedClients.set(pool, checkedOut(pool))
  // An idle client that loses its server (a database restart, shutdown) must not crash the process.
  pool.on('error', (err) => payload.logger.warn(`PostgreSQL connection lost: ${err.message}`))
  await payload.db.migrate({ migrations: migrations as never })
  trace('boot', 'migrated')
  return payload
}

/** Names of committed migrations not yet applied to the database (empty when the schema is current). */
export async function pendingMigrations(payload: Payload): Promise<string[]> {
  const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
  const applied = await pool.query<{ name: string }>('select name from payload_migrations')
  const done = new Set(applied.rows.map((row) => row.name))
  return (migrations as { name: string }[]).map((m) => m.name).filter((name) => !done.has(name))
}

/**
 * Closes Payload and its PostgreSQL pool. Payload 3.90's destroy() leaves the pool open, and its connect() keeps
 * one client checked out for good (to hang a reconnect listener on it), so `pool.end()` alone would wait forever.
 * Only that reserved client is released here; clients still running a query are left to finish, and `pool.end()`
 * waits for them.
 */
export async function closePayload(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: PoolInternals }).pool
  await payload.destroy()
  if (!pool || pool.ended) return
  for (const client of reservedClients.get(pool) ?? []) if (pool._clients.includes(client)) client.release(true)
  await pool.end()
}

const reservedClients = new WeakMap<PoolInternals, import('pg').PoolClient[]>()

function checkedOut(pool: PoolInternals): import('pg').PoolClient[] {
  const idle = new Set(pool._idle.map((entry) => entry.client))
  return pool._clients.filter((client) => !idle.has(client))
}

type PoolInternals = import('pg').Pool & {
  ended: boolean
  _clients: import('pg').PoolClient[]
  _idle: { client: import('pg').PoolClient }[]
}
