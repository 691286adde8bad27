import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded'
import { trace } from './trace'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Uses DATABASE_URL when it is set; otherwise starts the embedded PostgreSQL under ./.data (or ACCRUE_DATA_DIR)
 * and exports its URL as DATABASE_URL for the config.
 */
export async function ensureDatabase(log: (line: string) => void, attach = false): Promise<EmbeddedDatabase | null> {
  if (process.env.DATABASE_URL) {
    log('Using the PostgreSQL server in DATABASE_URL.')
    return null
  }
  const dataDir = path.resolve(process.env.ACCRUE_DATA_DIR ?? path.join(root, '.data'))
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329)
  const db = await startEmbeddedPostgres({ dataDir, port, database: 'accrue', log, attach })
  process.env.DATABASE_URL = db.url
  process.env.MEDIA_DIR ??= path.join(dataDir, 'media')
  process.env.PAYLOAD_SECRET ??= installationSecret(dataDir)
  // Portal credentials are sealed with a per-installation key kept beside the database (set ACCRUE_CREDENTIAL_KEYS
  // in a deployment). `npm start` serves the production build, where the development key is refused.
  process.env.ACCRUE_CREDENTIAL_KEYS ??= `local-1:${installationKey(dataDir)}`
  log(`Embedded PostgreSQL is running on port ${port} with its data in ${dataDir}.`)
  return db
}

/**
 * Stops everything in order on Ctrl-C or SIGTERM: the app first, the database last, then exits. Returns the same
 * stop for a process that ends on its own (a worker that drained the queue); it runs once whoever calls it first.
 */
export function onShutdown(steps: (() => Promise<void>)[], log: (line: string) => void): (reason: string) => Promise<void> {
  let stopping: Promise<void> | null = null
  const stop = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      log(`${reason}, shutting down …`)
      for (const [index, step] of steps.entries()) {
        try {
          trace('shutdown', `step ${index + 1} of ${steps.length}`)
          await step()
        } catch (err) {
          log(`shutdown step failed: ${err instanceof Error ? err.message : String(err)}`)
        }
      }
      process.exit(0)
    })()
    return stopping
  }
  process.on('SIGINT', () => void stop('SIGINT received'))
  process.on('SIGTERM', () => void stop('SIGTERM received'))
  return stop
}

/** A random 32-byte key (base64) generated on the first start and kept beside the embedded database. */
function installationKey(dataDir: string): string {
  const file = path.join(dataDir, 'credential-key')
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 })
  return fs.readFileSync(file, 'utf8').trim()
}

/** A random secret generated on the first start and kept beside the embedded database. */
function installationSecret(dataDir: string): string {
  const file = path.join(dataDir, 'payload-secret')
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return fs.readFileSync(file, 'utf8').trim()
}
