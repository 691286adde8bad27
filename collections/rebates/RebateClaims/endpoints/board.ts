import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'
import { claimBoardOf } from '../../../../modules/rebates/board'
import { actorOf } from '../../../../modules/rebates/http'

const STAFF = ['company_admin', 'company_user', 'finance', 'auditor']

/** GET /api/rebate-claims/board — the claims by status (a board's columns); partners see their subtree's claims. */
export const claimBoard: Endpoint = {
  path: '/board',
  method: 'get',
  handler: async (req) => {
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to see claims')
    const staff = actor.roles.some((role) => STAFF.includes(role))
    if (!staff && actor.participantPath === null) return errorResponse(403, 'your login is not attached to a partner')
    return Response.json(await claimBoardOf(dbPool(req.payload), staff ? null : actor.participantPath))
  },
}
