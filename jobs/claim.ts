import pg, { type Pool } from 'pg'

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

/**
 * Hands a stopping worker's unfinished jobs back to the queue, so another worker runs them from the start. A task
 * may still be running here, so the process is first cut off from the database: the pool takes no new connection
 * and every session it holds is terminated (an open transaction rolls back), and the server confirms they ended.
 * Only then, over a connection of its own, are the worker's jobs that have not completed released. A job therefore
 * completes either here, before the release (and is not released), or in the worker that claims it next, never in
 * both. When a session cannot be confirmed ended, nothing is released: the jobs are reclaimed once their heartbeat
 * is stale, as after a crash. The pool is unusable afterwards (the process is about to exit). Needs PostgreSQL 14
 * or later (`pg_terminate_backend` with a timeout). Returns the ids handed back.
 */
export async function handBackJobs(pool: Pool, workerId: string): Promise<number[]> {
  const clients = () => (pool as unknown as { _clients: { processID: number | null }[] })._clients
  void pool.end().catch(() => {})
  // After end() the pool opens no connection; wait for the ones still connecting, so that every session is known.
  for (let waited = 0; clients().some((client) => client.processID === null) && waited < 5_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  if (clients().some((client) => client.processID === null))
    throw new Error('a database connection of this worker is still opening; its jobs will be reclaimed when their heartbeat is stale')
  const sessions = clients().map((client) => client.processID)
  const own = new pg.Client(pool.options)
  await own.connect()
  try {
    await own.query('select pg_terminate_backend(pid, 10000) from unnest($1::int[]) as pid', [sessions])
    const alive = await own.query<{ pid: number }>('select pid from pg_stat_activity where pid = any($1::int[])', [sessions])
    if (alive.rows.length > 0) {
      throw new Error(
        `database session(s) ${alive.rows.map((row) => row.pid).join(', ')} did not end; the jobs will be reclaimed when their heartbeat is stale`,
      )
    }
    const released = await own.query<{ id: number }>(
      `update payload_jobs set processing = false, claimed_by = null, heartbeat_at = null
        where claimed_by = $1 and processing and completed_at is null
        returning id`,
      [workerId],
    )
    return released.rows.map((row) => row.id)
  } finally {
    await own.end()
  }
}
