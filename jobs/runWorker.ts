import os from 'node:os'
import type { Payload } from 'payload'

import { closeSharedBrowser } from '../modules/scrape/sharedBrowser'
import { beat, claimDueJobs, handBackJobs, reclaimAbandonedJobs } from './claim'
import { dbPool } from '../db/pool'
import { startWebhookDelivery } from './tasks/api/deliverWebhooks'

export type WorkerOptions = {
  /** Jobs run at once by this process. */
  concurrency?: number
  /** Idle wait between polls, in ms. */
  pollMs?: number
  /** A job whose worker has not beaten for this long is handed to another worker. */
  abandonAfterSeconds?: number
  /** Stop when the queue is empty (tests, one-off drains). */
  exitWhenIdle?: boolean
  /** On stop, how long running jobs may take to finish before they are handed back (default ACCRUE_SHUTDOWN_GRACE_SECONDS, else 25). */
  shutdownGraceSeconds?: number
  /** Also send due webhook deliveries (default true); a drain sends what its jobs emitted before it stops. */
  webhooks?: boolean
}

/**
 * `stop` claims nothing more, waits up to the grace period for the running jobs, then hands the unfinished ones back
 * to the queue (which leaves the process unable to use the database: it is for a process on its way out).
 */
export type RunningWorker = { id: string; stop: () => Promise<void>; done: Promise<void> }

/** Docker and Kubernetes wait 30 s after SIGTERM before they kill; 25 s leaves time to hand back and close. */
const DEFAULT_GRACE_SECONDS = 25

function graceSecondsFromEnv(): number {
  const value = Number(process.env.ACCRUE_SHUTDOWN_GRACE_SECONDS ?? DEFAULT_GRACE_SECONDS)
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_GRACE_SECONDS
}

/**
 * The job worker loop: reclaim abandoned jobs, claim due ones with row locks, run each through Payload's runner,
 * beat while running. Any number of these may run against one database, in one or many processes. Stopping gives
 * the running jobs a grace period, then hands the unfinished ones back to the queue (`handBackJobs`).
 */
export function startWorker(payload: Payload, options: WorkerOptions = {}): RunningWorker {
  const {
    concurrency = 2,
    pollMs = 1_000,
    abandonAfterSeconds = 120,
    exitWhenIdle = false,
    shutdownGraceSeconds = graceSecondsFromEnv(),
    webhooks = true,
  } = options
  const pool = dbPool(payload)
  const id = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
  let stopping = false
  let handedBack = false
  const running = new Set<number>()
  let wake: (() => void) | null = null
  let beating: Promise<void> = Promise.resolve()
  const heartbeat = setInterval(() => {
    beating = beat(pool, id).catch((err) => {
      if (!handedBack) payload.logger.error({ err, msg: 'job heartbeat failed' })
    })
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
        ids.map((jobId) => {
          running.add(jobId)
          return payload.jobs
            .runByID({ id: jobId, silent: true })
            .catch((err) => {
              // A run cut off by the hand-back fails on its closed connections: expected, the job is queued again.
              if (!handedBack) payload.logger.error({ err, msg: `job ${jobId} crashed the runner` })
            })
            .finally(() => running.delete(jobId))
        }),
      )
    }
  }
  const jobsDone = loop()
  // Webhook deliveries go out beside the jobs, on their own slots, for as long as the job loop runs; a drain
  // (`exitWhenIdle`) then sends what is still due, including what its last jobs emitted.
  let deliverer: ReturnType<typeof startWebhookDelivery> | null = null
  const webhooksDone = (async () => {
    if (!webhooks) return
    deliverer = startWebhookDelivery(payload, { pollMs })
    await jobsDone.catch(() => undefined)
    await deliverer.stop()
    if (exitWhenIdle && !stopping) {
      deliverer = startWebhookDelivery(payload, { pollMs, exitWhenIdle: true })
      await deliverer.done
    }
  })()
  // Stop beating and let a beat already in flight finish, so closing the pool afterwards never cuts a query short.
  const done = Promise.all([jobsDone, webhooksDone])
    .then(() => undefined)
    .finally(async () => {
      clearInterval(heartbeat)
      await beating
      await closeSharedBrowser()
    })
  let stopped: Promise<void> | null = null
  const stop = async (): Promise<void> => {
    stopping = true
    wake?.()
    void deliverer?.stop()
    if (running.size > 0)
      payload.logger.info(`worker ${id} stopping: waiting up to ${shutdownGraceSeconds} s for job(s) ${[...running].join(', ')}`)
    let timer: NodeJS.Timeout | undefined
    const graceOver = new Promise<'grace over'>(
      (resolve) => (timer = setTimeout(() => resolve('grace over'), shutdownGraceSeconds * 1_000)),
    )
    try {
      if ((await Promise.race([done, graceOver])) !== 'grace over') return
    } finally {
      clearTimeout(timer)
    }
    handedBack = true
    clearInterval(heartbeat)
    try {
      const ids = await handBackJobs(pool, id)
      payload.logger.warn(
        `worker ${id}: ${ids.length} job(s) still running after ${shutdownGraceSeconds} s handed back to the queue: ${ids.join(', ')}`,
      )
    } catch (err) {
      payload.logger.error({ err, msg: `worker ${id} could not hand its jobs back` })
    }
    await closeSharedBrowser()
  }
  return {
    id,
    done,
    stop: () => (stopped ??= stop()),
  }
}
