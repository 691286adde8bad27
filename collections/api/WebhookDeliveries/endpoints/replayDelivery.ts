import type { Endpoint } from 'payload'

import { companyAdmins } from '../../../../access/core/companyAdmins'
import { apiDoc, s } from '../../../../engine/api'
import { findOrNull } from '../../../../modules/core/findOrNull'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'

/**
 * POST /api/webhook-deliveries/:id/replay — sends the delivery's event again as a new pending delivery (same event
 * id, so a receiver that de-duplicates ignores it if it already has it), whatever the first one's status.
 */
export const replayDelivery: Endpoint = {
  path: '/:id/replay',
  method: 'post',
  custom: apiDoc({
    summary: 'Replay a webhook delivery',
    description:
      'Queues the same event to the same subscription again as a new delivery (replayOf points to this one). The event id is unchanged, so receivers de-duplicate on Accrue-Event-Id.',
    access: 'Company admins.',
    responses: {
      201: {
        description: 'The new delivery, pending; the worker sends it within about a second.',
        schema: s.obj({ message: s.str(), doc: s.doc('webhook-deliveries') }),
      },
    },
  }),
  handler: async (req) => {
    if (!companyAdmins({ req })) return errorResponse(req.user ? 403 : 401, 'only company admins replay webhook deliveries')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const original = await findOrNull(
      req.payload.findByID({ collection: 'webhook-deliveries', id, depth: 0, overrideAccess: false, user: req.user, req }),
    )
    if (!original) return errorResponse(404, `webhook delivery ${req.routeParams?.id} not found`)
    const doc = await req.payload.create({
      collection: 'webhook-deliveries',
      data: {
        event: original.event,
        subscription: original.subscription,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: new Date().toISOString(),
        replayOf: original.id,
      },
      depth: 0,
      req,
    })
    return Response.json({ message: `delivery ${id} queued again as delivery ${doc.id}`, doc }, { status: 201 })
  },
}
