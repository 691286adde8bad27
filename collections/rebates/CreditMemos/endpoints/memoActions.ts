import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { actorOf } from '../../../../modules/rebates/http'
import { memoDrilldownOf } from '../../../../modules/rebates/drilldown'
import { pushCreditMemo } from '../../../../modules/rebates/memos'

/**
 * POST /api/credit-memos/:id/push — push a pending memo to the ERP now (finance and company admins), instead of
 * waiting for its job's next attempt. Answers the memo's status; an ERP that is down answers 503 with the reason.
 */
export const pushMemoNow: Endpoint = {
  path: '/:id/push',
  method: 'post',
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to push credit memos')
    if (!actor.roles.some((role) => ['company_admin', 'finance'].includes(role)))
      return errorResponse(403, 'finance and company admins push credit memos')
    try {
      return Response.json(await pushCreditMemo(req.payload, id))
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      if (/^no credit memo/.test(message)) return errorResponse(404, message)
      return errorResponse(503, message)
    }
  },
}

/**
 * GET /api/credit-memos/:id/drilldown — the memo, its claim, the claim's lines with their decisions, and for each
 * line the point-of-sale invoice line it rests on (and the rest of that invoice's lines).
 */
export const memoDrilldown: Endpoint = {
  path: '/:id/drilldown',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to see credit memos')
    const staff = actor.roles.some((role) => ['company_admin', 'company_user', 'finance', 'auditor'].includes(role))
    const result = await memoDrilldownOf(dbPool(req.payload), id, staff ? null : actor.participantPath)
    return result ? Response.json(result) : errorResponse(404, `no credit memo ${id}`)
  },
}
