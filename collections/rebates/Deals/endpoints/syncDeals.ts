import type { Endpoint } from 'payload'

import { errorResponse } from '../../../../modules/core/http'
import { syncDeals } from '../../../../modules/rebates/deals'
import { actorOf } from '../../../../modules/rebates/http'

/** POST /api/deals/sync — synchronise deals from the partner portal now (company admins and users); answers the sync (`status` succeeded or failed, with `error`). */
export const syncDealsNow: Endpoint = {
  path: '/sync',
  method: 'post',
  handler: async (req) => {
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to synchronise deals')
    if (!actor.roles.some((role) => ['company_admin', 'company_user'].includes(role)))
      return errorResponse(403, 'channel operations synchronise deals')
    // A portal that cannot be reached is a sync that failed and says why (recorded in deal-syncs), not an error of this call.
    return Response.json(await syncDeals(req.payload))
  },
}
