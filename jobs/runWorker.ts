import os from 'node:os'
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { closeSharedBrowser } from '../scrape/sharedBrowser'
import { beat, claimDueJobs, reclaimAbandonedJobs } from './claim'

export type WorkerOptions = {
  /** Jobs run at once by this process. */
  concurrency?: number
  /** Idle wait between polls, in ms. */
  pollMs?: number
  /** A job whose worker has not beaten for this long is handed to another worker. */
  abandonAfterSeconds?: number
  /** Stop when the queue is empty (tests, one-off drains). */
  exitWhenIdle?: boolean
}

export type RunningWorker = { id: string; stop: () => Promise<void>; done: Promise<void> }

/**
 * The job worker loop: reclaim abandoned jobs, claim due ones with row locks, run each through Payload's runner,
 * beat while running. Any number of these may run against one database, in one or many processes.
 */
export function startWorker(payload: Payload, options: WorkerOptions = {}): RunningWorker {
  const { concurrency = 2, pollMs = 1_000, abandonAfterSeconds = 120, exitWhenIdle = false } = options
  const pool = (payload.db as unknown as { pool: Pool }).pool
  const id = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
  let stopping = false
  let wake: (() => void) | null = null
  let beating: Promise<void> = Promise.resolve()
  const heartbeat = setInterval(() => {
    beating = beat(pool, id).catch((err) => payload.logger.error({ err, msg: 'job heartbeat failed' }))
  }, 10_000)
  heartbeat.unref()

  const loop = async (): Promise<void> => {
    while (!stopping) {
      const reclaimed = await reclaimAbandonedJobs(pool, abandonAfterSeconds)
      if (reclaimed.length > 0) payload.logger.warn(`reclaimed ${reclaimed.length} abandoned job(s): ${reclaimed.join(', ')}`)
      const ids = await claimDueJobs(pool, id, concurrency)
      if (ids.length === 0) {
        if (exitWhenIdle) break
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, pollMs).unref()
        })
        continue
      }
      await Promise.all(
        ids.map((jobId) =>
          payload.jobs.runByID({ id: jobId, silent: true }).catch((err) => payload.logger.error({ err, msg: `job ${jobId} crashed the runner` })),
        ),
      )
    }
  }
  // Stop beating and let a beat already in flight finish, so closing the pool afterwards never cuts a query short.
  const done = loop().finally(async () => {
    clearInterval(heartbeat)
    await beating
    await closeSharedBrowser()
  })
  return {
    id,
    done,
    stop: async () => {
      stopping = true
      wake?.()
      await done
    },
  }
}
