import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { apiDoc, s } from '../../../../engine/api'
import { CLAIM_STATUSES } from '../../../../engine/rebates'
import { errorResponse } from '../../../../modules/core/http'
import { claimBoardOf } from '../../../../modules/rebates/board'
import { actorOf } from '../../../../modules/rebates/http'

const STAFF = ['company_admin', 'company_user', 'finance', 'auditor']

/** GET /api/rebate-claims/board — the claims by status (a board's columns); partners see their subtree's claims. */
export const claimBoard: Endpoint = {
  path: '/board',
  method: 'get',
  custom: apiDoc({
    summary: 'Read the claims board',
    description:
      'The rebate claims by status, one column per status with its count and its most recent claims (at most 50 per column). Partners see their subtree’s claims.',
    access: 'Company staff, finance and auditors for every claim; a partner login for its own subtree’s.',
    responses: {
      200: {
        description: 'The board’s columns.',
        schema: s.obj({
          columns: s.arr(
            s.obj({
              status: s.oneOf(CLAIM_STATUSES),
              label: s.str(),
              count: s.int('Every claim in this status (the cards are the most recent).'),
              cards: s.arr(
                s.obj({
                  id: s.int(),
                  number: s.str(),
                  partner: s.nullable(s.str('The partner’s code.')),
                  partnerName: s.str(),
                  status: s.oneOf(CLAIM_STATUSES),
                  currency: s.str(),
                  claimedTotal: s.money(),
                  approvedTotal: s.money(),
                  submittedAt: s.nullable(s.date()),
                  lines: s.obj({ approved: s.int(), rejected: s.int(), needsReview: s.int(), disputed: s.int() }),
                  memo: s.nullable(s.obj({ number: s.str(), status: s.str(), erpNumber: s.nullable(s.str()) })),
                }),
              ),
            }),
          ),
        }),
      },
      403: { description: 'The login is not attached to a partner.' },
    },
  }),
  handler: async (req) => {
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to see claims')
    const staff = actor.roles.some((role) => STAFF.includes(role))
    if (!staff && actor.participantPath === null) return errorResponse(403, 'your login is not attached to a partner')
    return Response.json(await claimBoardOf(dbPool(req.payload), staff ? null : actor.participantPath))
  },
}
