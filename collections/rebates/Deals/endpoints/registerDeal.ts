import type { Endpoint } from 'payload'

import { errorResponse } from '../../../../modules/core/http'
import { registerDealFor } from '../../../../modules/rebates/deals'
import { actorOf, bodyOf } from '../../../../modules/rebates/http'

/**
 * POST /api/deals/register — a partner registers a deal in Accrue: `{ "endCustomer", "expiresOn": "YYYY-MM-DD",
 * "currency"?, "lines": [{ "sku", "quantity", "specialPrice" }] }`. It starts submitted; channel operations approve
 * or reject it (PATCH /api/deals/:id `{ "status" }`). 201 with the deal; 400 naming the field otherwise.
 */
export const registerDeal: Endpoint = {
  path: '/register',
  method: 'post',
  handler: async (req) => {
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to register a deal')
    if (actor.participantId === null || actor.roles.some((role) => ['finance', 'auditor'].includes(role)))
      return errorResponse(403, 'partners register deals for themselves')
    const { fields } = await bodyOf(req)
    const result = await registerDealFor(req.payload, actor.participantId, fields)
    return 'problem' in result ? errorResponse(400, result.problem) : Response.json({ doc: result.doc }, { status: 201 })
  },
}
