import type { Endpoint } from 'payload'

import { currentUser, participantIdOf } from '../../../../access/core/user'
import { signLink } from '../../../../engine/proposals/signedLink'
import { actOnProposal } from '../../../../modules/proposals/proposalFlow'
import { linkSecret, RESPONSE_DAYS } from '../../../../modules/proposals/responseLink'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'
import { routeId } from '../../../../modules/core/routeId'

const ACTIONS = ['submit', 'approve', 'return', 'reject', 'send'] as const

/**
 * POST /api/proposals/:id/{submit,approve,return,reject,send} {comment?}: one step of the approval chain, decided by the
 * engine with the login's id, participant and roles: 403 when the login's roles never take that step there
 * (`STEP_ROLES`), 409 when it is not this login's turn or not in this status.
 */
export const proposalActions: Endpoint[] = ACTIONS.map((kind) => ({
  path: `/:id/${kind}`,
  method: 'post' as const,
  handler: async (req) => {
    const user = currentUser(req)
    if (!user) return errorResponse(401, 'log in first')
    // A path that is not an id names no proposal (a 404, as before), without a query the database would refuse.
    const id = routeId(req)
    const doc =
      id === null
        ? null
        : await findOrNull(
            req.payload.findByID({
              collection: 'proposals',
              id,
              depth: 0,
              req,
              overrideAccess: false,
              user: req.user,
            }),
          )
    if (!doc) return errorResponse(404, `proposal ${String(req.routeParams?.id)} not found`)
    const body = ((await req.json?.().catch(() => ({}))) ?? {}) as { comment?: string }
    const extra: Record<string, unknown> = {}
    let link: string | null = null
    if (kind === 'send') {
      const expiresAt = new Date(Date.now() + RESPONSE_DAYS * 86_400_000).toISOString()
      link = `/respond/${signLink({ proposalId: doc.id as number, action: 'respond', expiresAt }, linkSecret(req.payload))}`
      extra.respondBy = expiresAt
    }
    const result = await actOnProposal(req, doc as never, {
      kind,
      actorUserId: Number(user.id),
      actorParticipantId: participantIdOf(user),
      actorRoles: user.roles ?? [],
      comment: body.comment,
    })
    if (!result.ok) return errorResponse(result.refusal === 'role' ? 403 : 409, result.reason)
    return Response.json({
      message: `proposal ${doc.id}: ${String(result.doc.status)}`,
      status: result.doc.status,
      waitingFor: result.doc.waitingFor ?? null,
      ...(link ? { link } : {}),
    })
  },
}))
