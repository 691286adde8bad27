import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { jobOperators } from '../../../../access/core/operationsStaff'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'

/** POST /api/reconciliation-runs/:id/rerun — queue the run again (finance and company admins). */
export const rerunReconciliation: Endpoint = {
  path: '/:id/rerun',
  method: 'post',
  custom: apiDoc({
    summary: 'Run a reconciliation again',
    description:
      'Queues a completed or failed reconciliation run again: every line is recomputed against the current carrier records and dealer sales, and each discrepancy keeps its owner, status and comments. A discrepancy the re-run no longer finds is resolved with a note.',
    access: 'Company admins and finance.',
    idempotent: true,
    responses: {
      202: {
        description: 'The run is queued; follow its status on the run or the job.',
        schema: s.obj({ message: s.str(), job: s.int('The queued job’s id.') }),
      },
      409: { description: 'The run is queued or running already.' },
    },
  }),
  handler: async (req) => {
    if (!jobOperators({ req })) {
      return errorResponse(req.user ? 403 : 401, 'only company admins and finance run reconciliations')
    }
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const run = await findOrNull(req.payload.findByID({ collection: 'reconciliation-runs', id, depth: 0, req }))
    if (!run) return errorResponse(404, `reconciliation run ${req.routeParams?.id} not found`)
    const pool = dbPool(req.payload)
    // Claim the run atomically, so two clicks cannot queue it twice.
    const claimed = await pool.query(
      `update reconciliation_runs set status = 'queued' where id = $1 and status in ('completed', 'failed') returning id`,
      [id],
    )
    if (claimed.rowCount === 0) return errorResponse(409, `run ${id} is already ${run.status}`)
    const job = await req.payload.jobs.queue({ task: 'reconcile', input: { runId: id } })
    await pool.query(`update reconciliation_runs set job = $2 where id = $1`, [id, job.id])
    return Response.json({ message: `run ${id} queued again`, job: job.id }, { status: 202 })
  },
}
