import type { Endpoint } from 'payload'

import { errorResponse } from '../../../../modules/core/http'
import { syncDeals } from '../../../../modules/rebates/deals'
import { actorOf } from '../../../../modules/rebates/http'

/** POST /api/deals/sync — synchronise deals from the partner portal now (company admins and users); answers the sync. */
export const syncDealsNow: Endpoint = {
  path: '/sync',
  method: 'post',
  handler: async (req) => {
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to synchronise deals')
    if (!actor.roles.some((role) => ['company_admin', 'company_user'].includes(role)))
      return errorResponse(403, 'channel operations synchronise deals')
    const result = await syncDeals(req.payload)
    return Response.json(result, { status: result.status === 'failed' ? 502 : 200 })
  },
}
