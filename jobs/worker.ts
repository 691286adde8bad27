import { ensureDatabase, onShutdown } from '../db/environment'

/**
 * `npm run worker`: a process that only runs jobs and schedules. Start as many as the load needs against one
 * database; claiming uses row locks, schedules fire once per slot. `--exit-when-idle` drains the queue and stops.
 * On SIGTERM it claims nothing more, gives running jobs ACCRUE_SHUTDOWN_GRACE_SECONDS (25) and hands the rest back.
 */
const log = (line: string) => console.log(`[worker] ${line}`)
const exitWhenIdle = process.argv.includes('--exit-when-idle')
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 2)

const db = await ensureDatabase(log, true)
// Everything that loads the Payload config is imported only now that the environment is complete.
const { bootPayload, closePayload } = await import('../db/bootstrap')
const { startWorker } = await import('./runWorker')
const { startScheduler } = await import('./scheduler')
const payload = await bootPayload().catch(async (err: unknown) => {
  console.error(`[worker] could not start: ${err instanceof Error ? err.message : String(err)}`)
  await db?.stop().catch(() => {})
  return process.exit(1)
})
const worker = startWorker(payload, { concurrency, exitWhenIdle, pollMs: exitWhenIdle ? 200 : 1_000 })
const scheduler = exitWhenIdle ? null : startScheduler(payload)
log(`worker ${worker.id} running (concurrency ${concurrency})`)
const stop = onShutdown([async () => scheduler?.stop(), worker.stop, async () => closePayload(payload), async () => db?.stop()], log)
await worker.done
await stop('queue empty')
