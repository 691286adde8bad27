import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { errorResponse } from '../../../../modules/core/http'
import { syncDeals } from '../../../../modules/rebates/deals'
import { actorOf } from '../../../../modules/rebates/http'

/** POST /api/deals/sync — synchronise deals from the partner portal now (company admins and users); answers the sync (`status` succeeded or failed, with `error`). */
export const syncDealsNow: Endpoint = {
  path: '/sync',
  method: 'post',
  custom: apiDoc({
    summary: 'Synchronise deals from the partner portal now',
    description:
      'Reads the deals changed on the partners’ deal portal since the last successful sync and writes them. A portal that cannot be reached is a sync that failed and says why (recorded in deal-syncs), not an error of the call.',
    access: 'Company admins and company users.',
    idempotent: true,
    responses: {
      200: {
        description: 'The sync as recorded.',
        schema: s.obj({
          id: s.int('The deal-syncs record.'),
          status: s.oneOf(['succeeded', 'failed']),
          fetched: s.int(),
          created: s.int(),
          updated: s.int(),
          rejected: s.int(),
          cursor: s.nullable(s.str('Where the next sync starts.')),
          'error?': s.str('Why the sync failed.'),
        }),
      },
    },
  }),
  handler: async (req) => {
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to synchronise deals')
    if (!actor.roles.some((role) => ['company_admin', 'company_user'].includes(role)))
      return errorResponse(403, 'channel operations synchronise deals')
    // A portal that cannot be reached is a sync that failed and says why (recorded in deal-syncs), not an error of this call.
    return Response.json(await syncDeals(req.payload))
  },
}
