import type { Payload } from 'payload'
import { dbPool } from '../db/pool'
import type { OnProgress, Progress } from '../modules/core/progress'

/**
 * Publishes a running job's progress immediately (outside the task's transaction), so the admin and the
 * /events/jobs stream show it live.
 */
export async function reportProgress(payload: Payload, jobId: number | string, progress: Progress): Promise<void> {
  const pool = dbPool(payload)
  await pool.query(
    `update payload_jobs set progress_done = $2, progress_total = $3, progress_label = $4, progress_counts = $5, heartbeat_at = now() where id = $1`,
    [jobId, progress.done, progress.total ?? null, progress.label ?? null, progress.counts ? JSON.stringify(progress.counts) : null],
  )
}

/** The progress callback a job task hands to its step: every report lands on the job's row. */
export function jobProgress(payload: Payload, jobId: number | string): OnProgress {
  return (progress) => reportProgress(payload, jobId, progress)
}
