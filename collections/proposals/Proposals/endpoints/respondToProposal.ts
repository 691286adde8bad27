import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { verifyLink } from '../../../../engine/proposals/signedLink'
import { actOnProposal } from '../../../../modules/proposals/proposalFlow'
import { LINK_REASONS, proposalForLink } from '../../../../modules/proposals/prospectView'
import { linkSecret } from '../../../../modules/proposals/responseLink'
import { errorResponse } from '../../../../modules/core/http'

/**
 * The prospect's side, no login: `GET /api/proposals/respond?token=…` shows what was proposed, `POST
 * /api/proposals/respond {token, decision: 'accept' | 'decline'}` answers it. The token is signed and expires.
 */
export const respondToProposal: Endpoint[] = [
  {
    path: '/respond',
    method: 'get',
    custom: apiDoc({
      summary: 'Show a sent proposal to its prospect',
      description:
        'What the prospect is offered, read through the signed, expiring link the proposal was sent with: the services, quantities and prices, never the commission terms or the approval history.',
      access: 'Anyone holding a valid link token (no login).',
      public: true,
      query: { token: { description: 'The signed token of the response link.', required: true, schema: s.str() } },
      responses: {
        200: {
          description: 'The proposal as the prospect may see it.',
          schema: s.obj({
            proposal: s.int('The proposal id.'),
            title: s.str(),
            status: s.oneOf(['draft', 'submitted', 'returned', 'rejected', 'approved', 'sent', 'accepted', 'declined', 'expired']),
            respondBy: s.nullable(s.date()),
            company: s.str('The prospect’s company.'),
            services: s.arr(
              s.obj({ name: s.str(), billing: s.str('How often it is billed.'), quantity: s.num(), price: s.money(), currency: s.str() }),
            ),
          }),
        },
        400: { description: 'The link is malformed, altered or expired, or the proposal no longer exists.' },
      },
    }),
    handler: async (req) => {
      const linked = await proposalForLink(req.payload, String(req.searchParams.get('token') ?? ''), new Date())
      if (!linked.ok) return errorResponse(400, linked.message)
      const { brandParticipant: _brand, ...view } = linked.view
      return Response.json(view)
    },
  },
  {
    path: '/respond',
    method: 'post',
    custom: apiDoc({
      summary: 'Accept or decline a sent proposal',
      description:
        'The prospect’s answer through the signed, expiring link. Accepting makes the prospect a client; an answered proposal cannot be answered again.',
      access: 'Anyone holding a valid link token (no login).',
      public: true,
      body: {
        required: true,
        schema: s.obj({ token: s.str('The signed token of the response link.'), decision: s.oneOf(['accept', 'decline']) }),
      },
      responses: {
        200: { description: 'The answer is recorded.', schema: s.obj({ message: s.str(), status: s.oneOf(['accepted', 'declined']) }) },
        400: { description: 'The link is malformed, altered or expired, or the decision is not accept or decline.' },
        409: { description: 'The proposal is no longer waiting for an answer (already answered or expired).' },
      },
    }),
    handler: async (req) => {
      const body = (await req.json?.().catch(() => ({}))) as { token?: string; decision?: string }
      const verified = verifyLink(String(body.token ?? ''), linkSecret(req.payload), new Date())
      if (!verified.ok) return errorResponse(400, LINK_REASONS[verified.reason])
      if (body.decision !== 'accept' && body.decision !== 'decline') return errorResponse(400, 'decision must be "accept" or "decline"')
      const doc = await req.payload.findByID({ collection: 'proposals', id: verified.proposalId, depth: 0, overrideAccess: true })
      const result = await actOnProposal(req, doc as never, { kind: body.decision, actorUserId: null, actorParticipantId: null })
      if (!result.ok) return errorResponse(409, result.reason)
      return Response.json({
        message: body.decision === 'accept' ? 'Thank you: the proposal is accepted.' : 'The proposal is declined.',
        status: result.doc.status,
      })
    },
  },
]
