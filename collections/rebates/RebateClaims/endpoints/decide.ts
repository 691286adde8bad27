import type { Endpoint } from 'payload'

import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { approveClaim, rejectClaim } from '../../../../modules/rebates/claimActions'
import { actorOf, bodyOf, inTransaction, today } from '../../../../modules/rebates/http'
import { queueMemoPush } from '../../../../modules/rebates/memoJobs'

/**
 * POST /api/rebate-claims/:id/approve — channel operations approve a claim in review (no line left needing review or
 * in dispute); above the programs' finance threshold it then waits for finance, who approve it with the same call.
 * An approved claim gets its credit memo, queued for the ERP at once. Answers `{ claim, status, memo }`.
 */
export const approveClaimEndpoint: Endpoint = {
  path: '/:id/approve',
  method: 'post',
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to approve claims')
    const response = await inTransaction(req, undefined, (client) => approveClaim(client, id, actor, today()))
    if (response.ok) {
      const body = (await response.clone().json()) as { memo: { id: number } | null }
      if (body.memo) await queueMemoPush(req.payload, body.memo.id)
    }
    return response
  },
}

/** POST /api/rebate-claims/:id/reject — `{ "reason" }`: channel operations reject the whole claim. */
export const rejectClaimEndpoint: Endpoint = {
  path: '/:id/reject',
  method: 'post',
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to reject claims')
    const { fields } = await bodyOf(req)
    return inTransaction(req, undefined, (client) => rejectClaim(client, id, actor, String(fields.reason ?? '')))
  },
}
