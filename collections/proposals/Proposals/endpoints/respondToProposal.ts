import type { Endpoint } from 'payload'

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
