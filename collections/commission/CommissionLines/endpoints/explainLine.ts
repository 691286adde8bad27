import type { Endpoint } from 'payload'

import { explainCommissionLine } from '../../../../modules/commission/explain'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'

/** GET /api/commission-lines/:id/why — why this amount, for anyone allowed to read the line. */
export const explainLine: Endpoint = {
  path: '/:id/why',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in first')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const line = await findOrNull(
      req.payload.findByID({ collection: 'commission-lines', id, depth: 0, req, overrideAccess: false, user: req.user }),
    )
    if (!line) return errorResponse(404, `commission line ${String(req.routeParams?.id)} not found`)
    return Response.json(await explainCommissionLine(req, line.id as number))
  },
}
