import { bootPayload, closePayload } from '../db/bootstrap'
import { ensureDatabase, onShutdown } from '../scripts/environment'
import { startWorker } from './runWorker'
import { startScheduler } from './scheduler'

/**
 * `npm run worker`: a process that only runs jobs and schedules. Start as many as the load needs against one
 * database; claiming uses row locks, schedules fire once per slot. `--exit-when-idle` drains the queue and stops.
 */
const log = (line: string) => console.log(`[worker] ${line}`)
const exitWhenIdle = process.argv.includes('--exit-when-idle')
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 2)

const db = await ensureDatabase(log, true)
const payload = await bootPayload()
const worker = startWorker(payload, { concurrency, exitWhenIdle, pollMs: exitWhenIdle ? 200 : 1_000 })
const scheduler = exitWhenIdle ? null : startScheduler(payload)
log(`worker ${worker.id} running (concurrency ${concurrency})`)
onShutdown([async () => scheduler?.stop(), worker.stop, async () => closePayload(payload), async () => db?.stop()], log)
await worker.done
await closePayload(payload)
await db?.stop()
process.exit(0)
