/**
 * A throwaway database for one benchmark: an embedded PostgreSQL in a fresh folder under the system temp folder
 * (like test/support/globalSetup.ts), Payload booted on it with the committed migrations, and the demo data seeded
 * through the Local API (unless `seed: false`). `close()` stops everything and deletes the folder; it is safe to call more than once.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import pg from 'pg'

import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded'
import { printInterrupted, progress } from './report'
import { freePort } from '../../db/freePort'
import { dbPool } from '../../db/pool'

export type BenchDatabase = {
  payload: Payload
  /** Payload's own pool (the one the real import and reconciliation paths use). */
  pool: pg.Pool
  dataDir: string
  close(): Promise<void>
}

const DATABASE = 'accrue_bench'

const serverLog = (line: string) => progress(`[postgres] ${line}`)

/**
 * Applies `settings` (name → value, e.g. work_mem → 256MB) with ALTER SYSTEM; restarts the server when one of
 * them only takes effect at start (shared_buffers...). For experiments; the default is the embedded server as is.
 */
async function applySettings(
  db: EmbeddedDatabase,
  dataDir: string,
  port: number,
  settings: Record<string, string>,
): Promise<EmbeddedDatabase> {
  const names = Object.keys(settings)
  if (names.length === 0) return db
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  let restart = false
  try {
    for (const name of names) {
      if (!/^[a-z_.]+$/.test(name)) throw new Error(`"${name}" is not a PostgreSQL setting name`)
      await client.query(`alter system set ${name} = '${settings[name]!.replace(/'/g, "''")}'`)
      const context = await client.query<{ context: string }>(`select context from pg_settings where name = $1`, [name])
      if (context.rows[0]?.context === 'postmaster') restart = true
    }
    await client.query('select pg_reload_conf()')
  } finally {
    await client.end()
  }
  if (!restart) return db
  progress('restarting PostgreSQL for settings that need a restart')
  await db.stop()
  return startEmbeddedPostgres({ dataDir, port, database: DATABASE, log: serverLog })
}

/**
 * Starts the database and Payload and seeds the demo data. The environment (DATABASE_URL, upload folders) is set
 * before the config is imported: the collections read their upload folders when their modules load.
 */
export async function startBenchDatabase(settings: Record<string, string> = {}, options: { seed?: boolean } = {}): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-bench-'))
  // As root the server runs as "postgres", which must be able to enter the folder.
  fs.chmodSync(dataDir, 0o755)
  let db: EmbeddedDatabase | null = null
  let payload: Payload | null = null
  let closed = false
  /** Set when a signal stopped everything: close() then waits for that instead. */
  let interrupted: Promise<void> | null = null
  let closePayloadFn: ((payload: Payload) => Promise<void>) | null = null

  const close = async () => {
    if (interrupted) return interrupted
    if (closed) return
    closed = true
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
    const steps: [string, () => Promise<void>][] = [
      ['closing Payload', async () => (payload && closePayloadFn ? closePayloadFn(payload) : undefined)],
      ['stopping PostgreSQL', async () => db?.stop()],
      ['deleting the data folder', async () => fs.rmSync(dataDir, { recursive: true, force: true })],
    ]
    for (const [label, step] of steps) {
      try {
        await step()
      } catch (err) {
        progress(`${label} failed: ${(err as Error).message}`)
      }
    }
  }

  // Ctrl-C or a kill: stop the server at once (a fast shutdown ends running statements, which closing Payload would
  // wait for), ignore the errors of the connections it cuts, delete the folder and leave.
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal} received: stopping PostgreSQL and deleting ${dataDir}`)
    closed = true
    process.on('uncaughtException', () => {})
    process.on('unhandledRejection', () => {})
    const stop = db ? db.stop() : Promise.resolve()
    interrupted = stop.catch(() => undefined).then(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    void interrupted.finally(() => {
      printInterrupted(signal)
      process.exit(130)
    })
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    const port = await freePort()
    progress(`starting the embedded PostgreSQL on port ${port} in ${dataDir}`)
    db = await startEmbeddedPostgres({ dataDir, port, database: DATABASE, log: serverLog })
    db = await applySettings(db, dataDir, port, settings)
    process.env.DATABASE_URL = db.url
    process.env.MEDIA_DIR = path.join(dataDir, 'media')
    process.env.IMPORTS_DIR = path.join(dataDir, 'imports')
    process.env.PAYLOAD_SECRET ??= randomBytes(32).toString('hex')

    progress('booting Payload and applying the migrations')
    const { bootPayload, closePayload } = await import('../../db/bootstrap')
    closePayloadFn = closePayload
    payload = await bootPayload()
    if (options.seed !== false) {
      progress('seeding the demo data')
      const { seedDemoData } = await import('../../seed')
      await seedDemoData(payload, progress)
    }
    const pool = dbPool(payload)
    return { payload, pool, dataDir, close }
  } catch (err) {
    await close()
    throw err
  }
}
