import type { Endpoint } from 'payload'

import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { payeeLedger } from '../../../../modules/payments/ledger'
import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'

/**
 * GET /api/payments/ledger/:participant — the payee ledger (accrued, paid, in payment, held, carried forward), for
 * anyone allowed to read that participant (row-level access of participants decides).
 */
export const ledgerEndpoint: Endpoint = {
  path: '/ledger/:participant',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in first')
    const id = routeId(req, 'participant')
    if (id === null) return badRouteId(req, 'participant')
    const participant = await findOrNull(
      req.payload.findByID({ collection: 'participants', id, depth: 0, req, overrideAccess: false, user: req.user }),
    )
    if (!participant) return errorResponse(404, `participant ${String(req.routeParams?.participant)} not found`)
    return Response.json(await payeeLedger(dbPool(req.payload), id))
  },
}
