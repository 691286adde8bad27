import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../db/embedded'

/**
 * `npm run migrate:create -- <name>`: writes a migration for the difference between the collections and the last
 * committed migration. Runs on a throwaway embedded PostgreSQL with the committed migrations applied, so it never
 * touches your data.
 */
const name = process.argv[2] ?? 'change'
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-migrate-'))
fs.chmodSync(dataDir, 0o755)
const db = await startEmbeddedPostgres({ dataDir, port: 54400 + Math.floor(Math.random() * 500), database: 'accrue', log: () => {} })
process.env.DATABASE_URL = db.url
process.env.PAYLOAD_SECRET = randomBytes(32).toString('hex') // a throwaway database, a throwaway secret
try {
  const { bootPayload, closePayload } = await import('../db/bootstrap')
  const payload = await bootPayload()
  await payload.db.createMigration({ migrationName: name, payload, forceAcceptWarning: true })
  await closePayload(payload)
} finally {
  await db.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
process.exit(0)
