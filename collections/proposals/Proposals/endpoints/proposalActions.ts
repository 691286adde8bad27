import type { Endpoint } from 'payload'

import { apiDoc, s, type EndpointDoc } from '../../../../engine/api'
import { currentUser, participantIdOf } from '../../../../access/core/user'
import { signLink } from '../../../../engine/proposals/signedLink'
import { actOnProposal } from '../../../../modules/proposals/proposalFlow'
import { linkSecret, RESPONSE_DAYS } from '../../../../modules/proposals/responseLink'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'
import { routeId } from '../../../../modules/core/routeId'

const ACTIONS = ['submit', 'approve', 'return', 'reject', 'send'] as const

const STATUSES = ['draft', 'submitted', 'returned', 'rejected', 'approved', 'sent', 'accepted', 'declined', 'expired'] as const

/** What each step does and who takes it, for the API reference. */
const STEPS: Record<(typeof ACTIONS)[number], Pick<EndpointDoc, 'summary' | 'description' | 'access'>> = {
  submit: {
    summary: 'Submit a proposal for approval',
    description:
      'The author sends a draft or returned proposal up its chain: it waits for the first participant above the author. Terms that could not be fixed at approval are refused as a field error.',
    access: 'The proposal’s author, while the author’s roles write proposals.',
  },
  approve: {
    summary: 'Approve a proposal',
    description:
      'The participant whose turn it is approves: the proposal climbs to the next level, or, at the top, is approved and its commission terms are fixed.',
    access:
      'Partner admins, territory owner admins and agent managers of the participant whose turn it is; company admins at the top. Never the author.',
  },
  return: {
    summary: 'Return a proposal to its author',
    description: 'The participant whose turn it is sends the proposal back to its author for changes.',
    access:
      'Partner admins, territory owner admins and agent managers of the participant whose turn it is; company admins at the top. Never the author.',
  },
  reject: {
    summary: 'Reject a proposal',
    description: 'The participant whose turn it is rejects the proposal; it goes no further.',
    access:
      'Partner admins, territory owner admins and agent managers of the participant whose turn it is; company admins at the top. Never the author.',
  },
  send: {
    summary: 'Send an approved proposal to the prospect',
    description:
      'Sends an approved proposal: the answer carries a signed, expiring link the prospect answers through (`/respond/<token>`, the token used by `/api/proposals/respond`).',
    access: 'Company admins of the top of the chain.',
  },
}

/**
 * POST /api/proposals/:id/{submit,approve,return,reject,send} {comment?}: one step of the approval chain, decided by the
 * engine with the login's id, participant and roles: 403 when the login's roles never take that step there
 * (`STEP_ROLES`), 409 when it is not this login's turn or not in this status.
 */
export const proposalActions: Endpoint[] = ACTIONS.map((kind) => ({
  path: `/:id/${kind}`,
  method: 'post' as const,
  custom: apiDoc({
    ...STEPS[kind],
    body: {
      required: false,
      schema: s.obj({ 'comment?': s.str('Recorded in the proposal’s history with the step.') }),
    },
    responses: {
      200: {
        description: 'The step is taken.',
        schema: s.obj({
          message: s.str(),
          status: s.oneOf(STATUSES),
          waitingFor: s.nullable(s.int('The participant whose approval it waits for now.')),
          ...(kind === 'send' ? { link: s.str('The prospect’s response link, `/respond/<token>`.') } : {}),
        }),
      },
      403: { description: 'The login’s roles never take this step there.' },
      409: { description: 'Not this login’s turn, or the proposal is not in a status that allows the step.' },
    },
  }),
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
