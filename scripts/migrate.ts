import { bootPayload, closePayload } from '../db/bootstrap'
import { ensureDatabase } from '../db/environment'

/**
 * `npm run migrate`: applies the committed migrations to DATABASE_URL (or the embedded database) and exits.
 * Deployments run this before starting new app processes; `npm start` and workers also migrate on boot.
 */
const log = (line: string) => console.log(`[migrate] ${line}`)
const db = await ensureDatabase(log)
const payload = await bootPayload()
await closePayload(payload)
await db?.stop()
log('migrations applied')
process.exit(0)
