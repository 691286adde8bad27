import type { Pool } from 'pg'

/**
 * Job claiming that is safe across processes. Payload 3.90's own runner selects due jobs and then updates them by
 * id with no row lock, so two workers run the same job. Here a worker claims with one statement that locks the rows
 * it takes (`FOR UPDATE SKIP LOCKED`), marks them processing and stamps its id and heartbeat; only then does it hand
 * each id to Payload's `runByID`, which runs the task and records the outcome.
 */
export async function claimDueJobs(pool: Pool, workerId: string, limit: number): Promise<number[]> {
  const result = await pool.query<{ id: number }>(
    `update payload_jobs set processing = true, claimed_by = $1, heartbeat_at = now()
      where id in (
        select id from payload_jobs
         where completed_at is null and not coalesce(has_error, false) and not coalesce(processing, false)
           and (wait_until is null or wait_until <= now())
         order by created_at, id
         limit $2
         for update skip locked)
      returning id`,
    [workerId, limit],
  )
  return result.rows.map((row) => row.id)
}

/** Keeps this worker's jobs alive while they run. */
export async function beat(pool: Pool, workerId: string): Promise<void> {
  await pool.query(`update payload_jobs set heartbeat_at = now() where claimed_by = $1 and processing`, [workerId])
}

/**
 * Hands back jobs whose worker stopped beating (it crashed or was killed) so another worker runs them.
 * Returns the ids reclaimed.
 */
export async function reclaimAbandonedJobs(pool: Pool, timeoutSeconds: number): Promise<number[]> {
  const result = await pool.query<{ id: number }>(
    `update payload_jobs set processing = false, claimed_by = null
      where processing and completed_at is null
        and coalesce(heartbeat_at, updated_at) < now() - make_interval(secs => $1)
      returning id`,
    [timeoutSeconds],
  )
  return result.rows.map((row) => row.id)
}
