import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
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
  custom: apiDoc({
    summary: 'Register a deal',
    description:
      'A partner registers a deal with an end customer at special prices; it starts submitted, numbered AD-00001 onwards, and channel operations approve or reject it (PATCH /api/deals/{id} with its status).',
    access: 'A partner login, for itself (not finance or auditors).',
    body: {
      schema: s.obj({
        endCustomer: s.str(),
        expiresOn: s.day('Today or later.'),
        'currency?': s.str('ISO 4217 code; default USD.'),
        lines: s.arr(s.obj({ sku: s.str(), quantity: s.int(), specialPrice: s.money('The unit price, e.g. "310.00".') })),
      }),
    },
    responses: {
      201: {
        description: 'The deal as registered.',
        schema: s.obj({ doc: s.obj({ id: s.int(), number: s.str(), status: s.str('submitted') }) }),
      },
    },
  }),
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
