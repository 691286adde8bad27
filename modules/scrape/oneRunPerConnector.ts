import { APIError, commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { pgClientOf } from '../../db/transaction'

/**
 * One run per connector at a time. A connector's run is active while it is queued, running or retrying and its job
 * is still live (not completed, not failed for good): a run whose worker died and whose job then failed does not
 * block the connector for ever. Every way a run is created (Run now, POST /api/scrape-runs, a schedule) takes the
 * connector's advisory lock in its transaction before it looks, so requests arriving together are decided one after
 * the other and only the first creates a run.
 */
export type ActiveRun = { id: number; status: 'queued' | 'running' | 'retrying' }

/** Takes the connector's lock in the request's transaction (released when that transaction ends). */
export async function lockConnector(req: PayloadRequest, connectorId: number): Promise<void> {
  if (!req.transactionID) throw new Error('lockConnector needs a transaction (initTransaction first)')
  await (await pgClientOf(req)).query(`select pg_advisory_xact_lock(hashtext('accrue.scrape-connector'), $1)`, [connectorId])
}

/** The connector's active run (see the module comment), ignoring the run of the job `exceptJob`. */
export async function activeRun(req: PayloadRequest, connectorId: number, exceptJob: number | null = null): Promise<ActiveRun | null> {
  const { rows } = await (
    await pgClientOf(req)
  ).query<{ id: number; status: ActiveRun['status'] }>(
    `select r.id, r.status::text as status
       from scrape_runs r
       join payload_jobs j on j.id = r.job
      where r.connector_id = $1 and r.status in ('queued', 'running', 'retrying')
        and j.completed_at is null and not coalesce(j.has_error, false)
        and ($2::int is null or r.job <> $2::int)
      order by r.id
      limit 1`,
    [connectorId, exceptJob],
  )
  return rows[0] ?? null
}

/** What a caller is told about a run that is already there. */
export function alreadyActiveMessage(run: ActiveRun, advice: string): string {
  return `run ${run.id} is already ${run.status} for this connector; ${advice}`
}

/**
 * For the scrape-runs collection's create: refuses (409, naming the active run) a second run of a connector. The
 * create's own transaction holds the lock until the run and its job are committed.
 */
export async function refuseSecondRun(req: PayloadRequest, connectorId: number): Promise<void> {
  await lockConnector(req, connectorId)
  const active = await activeRun(req, connectorId)
  if (active) throw new APIError(alreadyActiveMessage(active, 'wait for it to end'), 409)
}

/** Runs `work` in a transaction of `req` (its own when `req` has none yet), committed when it returns. */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const owned = await initTransaction(req)
  try {
    const result = await work()
    if (owned) await commitTransaction(req)
    return result
  } catch (err) {
    if (owned) await killTransaction(req)
    throw err
  }
}

export type RunNowOutcome = { queued: false; run: ActiveRun } | { queued: true; run: { id: number; status: string } }

/**
 * "Run now": under the connector's lock, the active run if there is one, else a new run (queued with its job in the
 * same transaction).
 */
export async function queueRunNow(
  req: PayloadRequest,
  connectorId: number,
  period: { from?: string; to?: string },
): Promise<RunNowOutcome> {
  return inTransaction(req, async () => {
    await lockConnector(req, connectorId)
    const active = await activeRun(req, connectorId)
    if (active) return { queued: false, run: active }
    const run = await req.payload.create({
      collection: 'scrape-runs',
      data: { connector: connectorId, trigger: 'manual', periodFrom: period.from, periodTo: period.to },
      req,
      depth: 0,
    })
    return { queued: true, run: { id: run.id as number, status: String(run.status ?? 'queued') } }
  })
}

export type ScheduledRun = { started: boolean; runId: number; status: string }

/**
 * A schedule's job for a connector: the run this job created before (a retry finds it again), else nothing when
 * another run of the connector is active (`started: false`, naming it), else a new run owned by this job.
 */
export async function scheduleScrapeRun(payload: Payload, connectorId: number, jobId: number): Promise<ScheduledRun> {
  const req = await createLocalReq({}, payload)
  return inTransaction(req, async () => {
    await lockConnector(req, connectorId)
    const own = await payload.find({ collection: 'scrape-runs', where: { job: { equals: jobId } }, limit: 1, depth: 0, req })
    const mine = own.docs[0]
    if (mine) return { started: true, runId: mine.id as number, status: String(mine.status) }
    const active = await activeRun(req, connectorId, jobId)
    if (active) return { started: false, runId: active.id, status: active.status }
    const run = await payload.create({
      collection: 'scrape-runs',
      data: { connector: connectorId, trigger: 'schedule', job: jobId },
      context: { skipQueue: true },
      req,
      depth: 0,
    })
    return { started: true, runId: run.id as number, status: String(run.status ?? 'queued') }
  })
}
