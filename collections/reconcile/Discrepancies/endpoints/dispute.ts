import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { currentUser, hasRole } from '../../../../access/core/user'
import { READ_ALL_ROLES } from '../../../../engine/network'
import { disputeCommentProblem } from '../../../../engine/portal'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { disputeDiscrepancy } from '../../../../modules/portal'

/**
 * POST /api/discrepancies/:id/dispute {comment}: a dealer, or a participant above it, disputes a discrepancy of its own
 * network from the partner portal. 404 when the login may not read the discrepancy (row-level, as the user); 403 for
 * staff, who comment in the admin; 400 without a comment. The comment enters the history as "Dealer dispute: …" with
 * the login as its author, the dispute time is recorded, and a resolved or written-off discrepancy opens again.
 */
export const dispute: Endpoint = {
  path: '/:id/dispute',
  method: 'post',
  custom: apiDoc({
    summary: 'Dispute a discrepancy',
    description:
      'A dealer, or a participant above it in the network, disputes a discrepancy of its own network from the partner portal. The comment enters the discrepancy’s history as "Dealer dispute: …" with the login as author, the dispute time is recorded, and a resolved or written-off discrepancy opens again.',
    access:
      'Partner logins (dealers and the participants above them) that may read the discrepancy; staff comment in the admin instead (403).',
    body: {
      required: true,
      schema: s.obj({
        comment: { type: 'string', minLength: 1, maxLength: 2000, description: 'What is wrong, in words (at most 2,000 characters).' },
      }),
    },
    responses: {
      200: {
        description: 'The discrepancy as the dealer may see it after the dispute.',
        schema: s.obj({
          message: s.str(),
          discrepancy: s.obj({
            id: s.int(),
            status: s.oneOf(['open', 'disputed', 'resolved', 'written_off']),
            reopened: s.bool('True when the dispute opened a resolved or written-off discrepancy again.'),
            dealerDisputedAt: s.date(),
            comments: s.int('How many comments the history holds now.'),
            lastComment: s.obj({ text: s.str(), author: s.nullable(s.int('The user id.')), at: s.nullable(s.date()) }),
          }),
        }),
      },
    },
  }),
  handler: async (req) => {
    const user = currentUser(req)
    if (!user) return errorResponse(401, 'log in first')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    if (hasRole(user, ...READ_ALL_ROLES)) {
      return errorResponse(403, 'staff comment on a discrepancy in the admin; a dispute comes from the dealer or its network')
    }
    const visible = await findOrNull(
      req.payload.findByID({ collection: 'discrepancies', id, depth: 0, req, overrideAccess: false, user: req.user }),
    )
    if (!visible) return errorResponse(404, `discrepancy ${String(req.routeParams?.id)} not found`)
    const body = ((await req.json?.().catch(() => ({}))) ?? {}) as { comment?: unknown }
    const problem = disputeCommentProblem(body.comment)
    if (problem) return errorResponse(400, problem)
    const summary = await disputeDiscrepancy(req, id, String(body.comment))
    const message = summary.reopened ? `discrepancy ${id} disputed and opened again` : `discrepancy ${id} disputed`
    return Response.json({ message, discrepancy: summary })
  },
}
