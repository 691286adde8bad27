import type { Endpoint, PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import { apiDoc, s, type EndpointDoc } from '../../../../engine/api'
import { payoutOperators } from '../../../../access/core/payoutOperators'
import { actionRefusal, type RunAction, type RunStatus } from '../../../../engine/commission/runSteps'
import { lockRun } from '../../../../modules/commission/lockRun'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { dbPool } from '../../../../db/pool'
import { withTransaction } from '../../../../db/withTransaction'
import { emitEventSql } from '../../../../modules/api'
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

function action(name: RunAction, doc: EndpointDoc, handler: (req: PayloadRequest, run: RunRow, pool: Pool) => Promise<Response>): Endpoint {
  return {
    path: `/:id/${name}`,
    method: 'post',
    custom: apiDoc({ access: 'Company admins and finance.', ...doc }),
    handler: async (req) => {
      const run = await admit(req, name)
      if (run instanceof Response) return run
      return handler(req, run, dbPool(req.payload))
    },
  }
}

/** The actions of a commission run; each one is claimed with a conditional update, so a double click acts once. */
export const runActions: Endpoint[] = [
  action(
    'rerun',
    {
      summary: 'Run a commission run again',
      description:
        'Queues the run again to recalculate its lines: allowed while it awaits approval, after a preview, or after a failure; an approved or locked run cannot be re-run.',
      idempotent: true,
      responses: {
        202: { description: 'The run is queued.', schema: s.obj({ message: s.str(), job: s.int('The queued job’s id.') }) },
        409: { description: 'The run is queued or running, approved, or locked, or changed meanwhile.' },
      },
    },
    async (req, run, pool) => {
      const claimed = await pool.query(
        `update commission_runs set status = 'queued' where id = $1 and status in ('awaiting_approval', 'previewed', 'failed') returning id`,
        [run.id],
      )
      if (claimed.rowCount === 0) return errorResponse(409, `run ${run.id} changed meanwhile; reload it`)
      const job = await req.payload.jobs.queue({ task: 'commissionRun', input: { runId: run.id } })
      await pool.query(`update commission_runs set job = $2 where id = $1`, [run.id, job.id])
      return Response.json({ message: `run ${run.id} queued again`, job: job.id }, { status: 202 })
    },
  ),
  action(
    'approve',
    {
      summary: 'Approve a commission run',
      description: 'Approves a posted run awaiting approval, recording who approved it and when; an approved run can then be locked.',
      idempotent: true,
      responses: {
        200: { description: 'The run is approved.', schema: s.obj({ message: s.str() }) },
        409: { description: 'The run is not awaiting approval (or is a preview, which cannot be approved).' },
      },
    },
    async (req, run, pool) =>
      // The approval and its webhook event are written together (the event is in the outbox exactly when the run is approved).
      withTransaction(pool, {}, async (client) => {
        const claimed = await client.query<{ id: number; period: number; total: string | null }>(
          `update commission_runs set status = 'approved', approved_by_id = $2, approved_at = now(),
                steps = coalesce(steps, '[]'::jsonb) || jsonb_build_array(jsonb_build_object('step', 'approve', 'status', 'done', 'detail', 'approved by ' || $3::text, 'at', now()))
          where id = $1 and status = 'awaiting_approval' returning id, period_id as period, total::text as total`,
          [run.id, req.user!.id, String(req.user!.email ?? req.user!.id)],
        )
        const approved = claimed.rows[0]
        if (!approved) return errorResponse(409, `run ${run.id} changed meanwhile; reload it`)
        await emitEventSql(client, 'commission_run.approved', `commission-runs/${approved.id}`, {
          runId: approved.id,
          status: 'approved',
          periodId: approved.period,
          total: approved.total,
        })
        return Response.json({ message: `run ${run.id} approved` })
      }),
  ),
  action(
    'lock',
    {
      summary: 'Lock a commission run and its period',
      description:
        'Locks an approved run and its period in one transaction: its lines become final and payable, and the period can no longer be run. Refused while another posted run of the same period is not approved yet.',
      idempotent: true,
      responses: {
        200: { description: 'The run and its period are locked.', schema: s.obj({ message: s.str() }) },
        409: { description: 'The run is not approved, or another run of the period is not approved yet.' },
      },
    },
    async (req, run) => {
      const result = await lockRun(req.payload, run.id, Number(req.user!.id), String(req.user!.email ?? req.user!.id))
      return 'error' in result ? errorResponse(409, result.error) : Response.json({ message: result.message })
    },
  ),
  action(
    'statements',
    {
      summary: 'Generate a commission run’s statements',
      description:
        'Queues the job that writes each payee’s statement (PDF and Excel) for a calculated, posted run; download them from the commission statements.',
      idempotent: true,
      responses: {
        202: { description: 'The statements job is queued.', schema: s.obj({ message: s.str(), job: s.int('The queued job’s id.') }) },
        409: { description: 'The run is a preview or has not been calculated yet.' },
      },
    },
    async (req, run, pool) => {
      const job = await req.payload.jobs.queue({ task: 'generateStatements', input: { runId: run.id } })
      await pool.query(`update commission_runs set statements_job = $2 where id = $1`, [run.id, job.id])
      return Response.json({ message: `statements of run ${run.id} queued`, job: job.id }, { status: 202 })
    },
  ),
]
