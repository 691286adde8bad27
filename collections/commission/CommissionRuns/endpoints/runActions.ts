import type { Endpoint, PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import { payoutOperators } from '../../../../access/core/payoutOperators'
import { actionRefusal, type RunAction, type RunStatus } from '../../../../engine/commission/runSteps'
import { lockRun } from '../../../../modules/commission/lockRun'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'

type RunRow = { id: number; status: RunStatus; mode: 'post' | 'preview' }

/** Finds the run and checks who asks and whether its status allows the action; a Response when refused. */
async function admit(req: PayloadRequest, action: RunAction): Promise<RunRow | Response> {
  if (!payoutOperators({ req })) return errorResponse(req.user ? 403 : 401, 'only company admins and finance act on commission runs')
  const id = routeId(req)
  if (id === null) return badRouteId(req)
  const pool = dbPool(req.payload)
  const found = await pool.query<RunRow>(`select id, status::text as status, mode::text as mode from commission_runs where id = $1`, [id])
  const run = found.rows[0]
  if (!run) return errorResponse(404, `commission run ${String(req.routeParams?.id)} not found`)
  const refusal = actionRefusal(action, run.status, run.mode)
  return refusal ? errorResponse(409, `run ${id}: ${refusal}`) : run
}

function action(name: RunAction, handler: (req: PayloadRequest, run: RunRow, pool: Pool) => Promise<Response>): Endpoint {
  return {
    path: `/:id/${name}`,
    method: 'post',
    handler: async (req) => {
      const run = await admit(req, name)
      if (run instanceof Response) return run
      return handler(req, run, dbPool(req.payload))
    },
  }
}

/** The actions of a commission run; each one is claimed with a conditional update, so a double click acts once. */
export const runActions: Endpoint[] = [
  action('rerun', async (req, run, pool) => {
    const claimed = await pool.query(
      `update commission_runs set status = 'queued' where id = $1 and status in ('awaiting_approval', 'previewed', 'failed') returning id`,
      [run.id],
    )
    if (claimed.rowCount === 0) return errorResponse(409, `run ${run.id} changed meanwhile; reload it`)
    const job = await req.payload.jobs.queue({ task: 'commissionRun', input: { runId: run.id } })
    await pool.query(`update commission_runs set job = $2 where id = $1`, [run.id, job.id])
    return Response.json({ message: `run ${run.id} queued again`, job: job.id }, { status: 202 })
  }),
  action('approve', async (req, run, pool) => {
    const claimed = await pool.query(
      `update commission_runs set status = 'approved', approved_by_id = $2, approved_at = now(),
              steps = coalesce(steps, '[]'::jsonb) || jsonb_build_array(jsonb_build_object('step', 'approve', 'status', 'done', 'detail', 'approved by ' || $3::text, 'at', now()))
        where id = $1 and status = 'awaiting_approval' returning id`,
      [run.id, req.user!.id, String(req.user!.email ?? req.user!.id)],
    )
    if (claimed.rowCount === 0) return errorResponse(409, `run ${run.id} changed meanwhile; reload it`)
    return Response.json({ message: `run ${run.id} approved` })
  }),
  action('lock', async (req, run) => {
    const result = await lockRun(req.payload, run.id, Number(req.user!.id), String(req.user!.email ?? req.user!.id))
    return 'error' in result ? errorResponse(409, result.error) : Response.json({ message: result.message })
  }),
  action('statements', async (req, run, pool) => {
    const job = await req.payload.jobs.queue({ task: 'generateStatements', input: { runId: run.id } })
    await pool.query(`update commission_runs set statements_job = $2 where id = $1`, [run.id, job.id])
    return Response.json({ message: `statements of run ${run.id} queued`, job: job.id }, { status: 202 })
  }),
]
