import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
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
  custom: apiDoc({
    summary: 'Approve a rebate claim',
    description:
      'Channel operations approve a claim in review once no line needs review or is in dispute; above the programs’ finance threshold it then waits for finance, who approve it with the same call (another person than the one who approved it first). An approved claim gets its credit memo, queued for the ERP at once.',
    access: 'Company admins and company users for a claim in review; finance and company admins for one waiting for finance.',
    idempotent: true,
    responses: {
      200: {
        description: 'The claim’s new status, and its credit memo once approved.',
        schema: s.obj({
          claim: s.int('The claim’s id.'),
          status: s.oneOf(['finance_review', 'approved']),
          memo: s.nullable(s.obj({ id: s.int(), number: s.str(), amount: s.money(), status: s.str() })),
        }),
      },
      403: { description: 'Not this user’s step: the wrong role, or the same person who submitted it or approved it first.' },
      409: { description: 'The claim is not ready: a line needs review or is in dispute, or it is not waiting for approval.' },
    },
  }),
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
  custom: apiDoc({
    summary: 'Reject a rebate claim',
    description: 'Channel operations reject the whole claim with a reason the partner reads; its accruals are open to claim again.',
    access: 'Company admins and company users.',
    body: { schema: s.obj({ reason: s.str('Why; the partner reads it.') }) },
    responses: {
      200: { description: 'The claim is rejected.', schema: s.obj({ claim: s.int(), status: s.oneOf(['rejected']) }) },
      409: { description: 'The claim is no longer in review: it cannot be rejected.' },
    },
  }),
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to reject claims')
    const { fields } = await bodyOf(req)
    return inTransaction(req, undefined, (client) => rejectClaim(client, id, actor, String(fields.reason ?? '')))
  },
}
