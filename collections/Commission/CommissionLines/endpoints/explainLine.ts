import type { Endpoint } from 'payload'

import { explainCommissionLine } from '../../../../commission/explain'
import { badRouteId, routeId } from '../../../../hooks/routeId'

/** GET /api/commission-lines/:id/why — why this amount, for anyone allowed to read the line. */
export const explainLine: Endpoint = {
  path: '/:id/why',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'log in first' }] }, { status: 401 })
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const line = await req.payload.findByID({ collection: 'commission-lines', id, depth: 0, req, overrideAccess: false, user: req.user }).catch(() => null)
    if (!line) return Response.json({ errors: [{ message: `commission line ${String(req.routeParams?.id)} not found` }] }, { status: 404 })
    return Response.json(await explainCommissionLine(req, line.id as number))
  },
}
