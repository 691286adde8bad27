import type { Endpoint } from 'payload'
import type { Pool } from 'pg'

import { jobOperators } from '../../../access/operationsStaff'
import { badRouteId, routeId } from '../../../hooks/routeId'

/** POST /api/reconciliation-runs/:id/rerun — queue the run again (finance and company admins). */
export const rerunReconciliation: Endpoint = {
  path: '/:id/rerun',
  method: 'post',
  handler: async (req) => {
    if (!jobOperators({ req })) {
      return Response.json({ errors: [{ message: 'only company admins and finance run reconciliations' }] }, { status: req.user ? 403 : 401 })
    }
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const run = await req.payload.findByID({ collection: 'reconciliation-runs', id, depth: 0, req }).catch(() => null)
    if (!run) return Response.json({ errors: [{ message: `reconciliation run ${req.routeParams?.id} not found` }] }, { status: 404 })
    const pool = (req.payload.db as unknown as { pool: Pool }).pool
    // Claim the run atomically, so two clicks cannot queue it twice.
    const claimed = await pool.query(`update reconciliation_runs set status = 'queued' where id = $1 and status in ('completed', 'failed') returning id`, [id])
    if (claimed.rowCount === 0) return Response.json({ errors: [{ message: `run ${id} is already ${run.status}` }] }, { status: 409 })
    const job = await req.payload.jobs.queue({ task: 'reconcile', input: { runId: id } })
    await pool.query(`update reconciliation_runs set job = $2 where id = $1`, [id, job.id])
    return Response.json({ message: `run ${id} queued again`, job: job.id }, { status: 202 })
  },
}
