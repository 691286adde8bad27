import type { Endpoint } from 'payload'
import type { Pool } from 'pg'

import { badRouteId, routeId } from '../hooks/routeId'
import { payeeLedger } from './ledger'

/**
 * GET /api/payments/ledger/:participant — the payee ledger (accrued, paid, in payment, held, carried forward), for
 * anyone allowed to read that participant (row-level access of participants decides).
 */
export const ledgerEndpoint: Endpoint = {
  path: '/ledger/:participant',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'log in first' }] }, { status: 401 })
    const id = routeId(req, 'participant')
    if (id === null) return badRouteId(req, 'participant')
    const participant = await req.payload.findByID({ collection: 'participants', id, depth: 0, req, overrideAccess: false, user: req.user }).catch(() => null)
    if (!participant) return Response.json({ errors: [{ message: `participant ${String(req.routeParams?.participant)} not found` }] }, { status: 404 })
    return Response.json(await payeeLedger((req.payload.db as unknown as { pool: Pool }).pool, id))
  },
}
