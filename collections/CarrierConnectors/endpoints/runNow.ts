import type { Endpoint } from 'payload'

import { jobOperators } from '../../../access/operationsStaff'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** POST /api/carrier-connectors/:id/run {from?, to?} — queue a run now (company admins and finance). */
export const runNow: Endpoint = {
  path: '/:id/run',
  method: 'post',
  handler: async (req) => {
    if (!jobOperators({ req })) {
      return Response.json({ errors: [{ message: 'only company admins and finance run connectors' }] }, { status: req.user ? 403 : 401 })
    }
    const id = Number(req.routeParams?.id)
    const connector = await req.payload.findByID({ collection: 'carrier-connectors', id, depth: 0, req }).catch(() => null)
    if (!connector) return Response.json({ errors: [{ message: `connector ${req.routeParams?.id} not found` }] }, { status: 404 })
    const body = (await req.json?.().catch(() => ({}))) as { from?: string; to?: string } | undefined
    const from = body?.from
    const to = body?.to
    // The days' order is the run's own rule (planScrapeRun), checked there for every way a run is created.
    if ((from && !DAY.test(from)) || (to && !DAY.test(to))) {
      return Response.json({ errors: [{ message: 'from and to are days (YYYY-MM-DD)' }] }, { status: 400 })
    }
    const run = await req.payload.create({ collection: 'scrape-runs', data: { connector: id, trigger: 'manual', periodFrom: from, periodTo: to }, req })
    return Response.json({ message: `run ${run.id} queued`, run: run.id }, { status: 202 })
  },
}
