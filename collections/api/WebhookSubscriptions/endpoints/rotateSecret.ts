import type { Endpoint } from 'payload'

import { companyAdmins } from '../../../../access/core/companyAdmins'
import { apiDoc, s } from '../../../../engine/api'
import { findOrNull } from '../../../../modules/core/findOrNull'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { NEW_SECRET, ROTATE_SECRET } from '../hooks/sealSigningSecret'

/** POST /api/webhook-subscriptions/:id/rotate-secret — a new signing secret, shown once; the old one stops at once. */
export const rotateSecret: Endpoint = {
  path: '/:id/rotate-secret',
  method: 'post',
  custom: apiDoc({
    summary: 'Rotate a webhook subscription’s signing secret',
    description:
      'Generates a new signing secret and returns it once (it is stored sealed and never shown again). Deliveries sent from now on are signed with it; the previous secret stops at once.',
    access: 'Company admins.',
    responses: {
      200: {
        description: 'The new secret.',
        schema: s.obj({ id: s.int(), secret: s.str('The new secret, whsec_…: store it now.'), secretHint: s.str(), message: s.str() }),
      },
    },
  }),
  handler: async (req) => {
    if (!companyAdmins({ req })) return errorResponse(req.user ? 403 : 401, 'only company admins manage webhook subscriptions')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const found = await findOrNull(
      req.payload.findByID({ collection: 'webhook-subscriptions', id, depth: 0, overrideAccess: false, user: req.user, req }),
    )
    if (!found) return errorResponse(404, `webhook subscription ${req.routeParams?.id} not found`)
    req.context[ROTATE_SECRET] = true
    const updated = await req.payload.update({
      collection: 'webhook-subscriptions',
      id,
      data: {},
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    const secret = req.context[NEW_SECRET] as string
    return Response.json({ id, secret, secretHint: updated.secretHint, message: `new signing secret ending in ${updated.secretHint}` })
  },
}
