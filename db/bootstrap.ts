import { getPayload, type Payload } from 'payload'

import config from '../payload.config'
import { DEVELOPMENT_SECRET, payloadSecret } from './secret'
import { migrations } from './migrations'
import { trace } from './trace'
import { dbPool } from './pool'

/** Shortest PAYLOAD_SECRET a server or worker boots with, in bytes (it keys HMAC-SHA256 signatures). */
const MIN_SECRET_BYTES = 32

/**
 * Boots Payload on the configured database and applies the committed migrations (never a dev schema push).
 * Refuses to boot with the public development secret or a short one (see `checkPayloadSecret`).
 */
export async function bootPayload(): Promise<Payload> {
  trace('boot', 'config imported')
  // The secret is read now, not when the config module was imported: a start script may import the config before
  // it has set PAYLOAD_SECRET (the embedded start reads it from the data folder).
  const resolved = await config
  resolved.secret = payloadSecret()
  const payload = await getPayload({ config: resolved })
  trace('boot', 'payload initialised')
  const pool = dbPool(payload) as PoolInternals
  // Right after connect, the only checked-out client is the one Payload keeps for good (see closePayload).
  reservedClients.set(pool, checkedOut(pool))
  // An idle client that loses its server (a database restart, shutdown) must not crash the process. A pool that is
  // ending had its sessions ended on purpose (jobs handed back at shutdown, see jobs/claim.ts).
  pool.on('error', (err) => {
    if (!pool.ending) payload.logger.warn(`PostgreSQL connection lost: ${err.message}`)
  })
  try {
    checkPayloadSecret(payload.config.secret)
  } catch (err) {
    await closePayload(payload)
    throw err
  }
  await payload.db.migrate({ migrations: migrations as never })
  trace('boot', 'migrated')
  return payload
}

/**
 * Refuses the secret a booted Payload signs sessions (and, derived from it, proposal response links) with when
 * anyone could know it: the development value written in this repository, or fewer than MIN_SECRET_BYTES bytes.
 * Tests (vitest sets VITEST) and `next build` run on the development value.
 */
export function checkPayloadSecret(secret: string): void {
  const env = process.env
  if (env.VITEST || env.NEXT_PHASE === 'phase-production-build') return
  const bytes = Buffer.byteLength(secret, 'utf8')
  const problem =
    secret === DEVELOPMENT_SECRET
      ? env.PAYLOAD_SECRET
        ? 'is the development value written in the source code'
        : 'is not set'
      : bytes < MIN_SECRET_BYTES
        ? `is only ${bytes} bytes long`
        : null
  if (problem === null) return
  throw new Error(
    `PAYLOAD_SECRET ${problem}: sessions and proposal response links would be signed with a key others can know. ` +
      `Set PAYLOAD_SECRET to a random value of at least ${MIN_SECRET_BYTES} bytes (for example the output of \`openssl rand -hex 32\`); ` +
      'on the embedded database `npm start` generates one in the data folder.',
  )
}

/** Names of committed migrations not yet applied to the database (empty when the schema is current). */
export async function pendingMigrations(payload: Payload): Promise<string[]> {
  const pool = dbPool(payload)
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
  // An ending pool was ended by the job hand-back at shutdown (jobs/claim.ts), which cut its sessions.
  if (!pool || pool.ended || pool.ending) return
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
