import type { Endpoint, PayloadRequest } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { CLAIM_LINE_STATUSES } from '../../../../engine/rebates'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { answerClaimLine, decideClaimLine, disputeClaimLine, type Actor } from '../../../../modules/rebates/claimActions'
import { actorOf, bodyOf, inTransaction, storeAttachment, type Body } from '../../../../modules/rebates/http'
import { dbPool } from '../../../../db/pool'

type Prepared = { id: number; actor: Actor & { participantId: number | null }; body: Body }

async function prepare(req: PayloadRequest): Promise<Prepared | Response> {
  const id = routeId(req)
  if (id === null) return badRouteId(req)
  const actor = await actorOf(req)
  if (!actor) return errorResponse(401, 'log in to work on claims')
  return { id, actor, body: await bodyOf(req) }
}

const STAFF = ['company_admin', 'company_user', 'finance', 'auditor']

const fileNote = ' JSON, or multipart/form-data with `comment` and an optional `file` (PDF, image, CSV or XLSX; 10 MB at most).'
const commentBody = (what: string) => ({ schema: s.obj({ comment: s.str(what) }, 'The comment.' + fileNote) })
const lineState = s.obj({
  line: s.int('The claim line’s id.'),
  status: s.oneOf(CLAIM_LINE_STATUSES),
  dispute: s.nullable(s.oneOf(['open', 'resolved'])),
})

/**
 * Stores the request's file (if any) for the line's partner — only once the user may act on the line (it is in their
 * subtree, their role may do this, and they said why), so a refused request leaves no file behind.
 */
async function attachment(req: PayloadRequest, p: Prepared, allowed: readonly string[] | 'partners'): Promise<number | null> {
  if (!p.body.file || !String(p.body.fields.comment ?? '').trim()) return null
  const line = await dbPool(req.payload).query<{ partner: number; path: string }>(
    `select l.partner_id as partner, pa.path from rebate_claim_lines l join participants pa on pa.id = l.partner_id where l.id = $1`,
    [p.id],
  )
  const row = line.rows[0]
  if (!row) return null
  const staff = p.actor.roles.some((role) => STAFF.includes(role))
  const visible = staff || (p.actor.participantPath !== null && row.path.startsWith(p.actor.participantPath))
  const mayAct =
    allowed === 'partners'
      ? !p.actor.roles.some((role) => ['finance', 'auditor'].includes(role)) ||
        p.actor.roles.some((role) => ['company_admin', 'company_user'].includes(role))
      : p.actor.roles.some((role) => allowed.includes(role))
  if (!visible || !mayAct) return null
  return storeAttachment(req, p.body.file, row.partner, p.actor.id)
}

/**
 * POST /api/rebate-claim-lines/:id/dispute — a partner disputes a rejected line (or adds to its open dispute):
 * JSON `{ "comment" }` or multipart with `comment` and a `file` (PDF, image, CSV, XLSX; 10 MB). Reopens a rejected claim.
 */
export const disputeLine: Endpoint = {
  path: '/:id/dispute',
  method: 'post',
  custom: apiDoc({
    summary: 'Dispute a rejected claim line',
    description:
      'A partner disputes a rejected line of its claim, or adds to the line’s open dispute, with a comment and optionally a file. A rejected claim opens again; one waiting for finance goes back to channel operations.',
    access: 'A partner login for its own subtree’s lines; company admins and company users for the partner. Not finance or auditors.',
    body: commentBody('Why the line should pay.'),
    responses: {
      200: { description: 'The line is disputed.', schema: lineState },
      409: { description: 'The line is not rejected, or its claim can no longer be disputed.' },
      413: { description: 'The attachment is larger than 10 MB.' },
    },
  }),
  handler: async (req) => {
    const p = await prepare(req)
    if (p instanceof Response) return p
    return inTransaction(req, undefined, async (client) =>
      disputeClaimLine(client, p.id, p.actor, String(p.body.fields.comment ?? ''), await attachment(req, p, 'partners')),
    )
  },
}

/** POST /api/rebate-claim-lines/:id/answer — the team answers an open dispute (`comment`, optional `file`). */
export const answerLine: Endpoint = {
  path: '/:id/answer',
  method: 'post',
  custom: apiDoc({
    summary: 'Answer a claim line’s dispute',
    description: 'The team answers an open dispute with a comment and optionally a file; the dispute stays open.',
    access: 'Company admins, company users and finance.',
    body: commentBody('The answer.'),
    responses: {
      200: { description: 'The line, its dispute still open.', schema: lineState },
      409: { description: 'The line has no open dispute.' },
      413: { description: 'The attachment is larger than 10 MB.' },
    },
  }),
  handler: async (req) => {
    const p = await prepare(req)
    if (p instanceof Response) return p
    return inTransaction(req, undefined, async (client) =>
      answerClaimLine(
        client,
        p.id,
        p.actor,
        String(p.body.fields.comment ?? ''),
        await attachment(req, p, ['company_admin', 'company_user', 'finance']),
      ),
    )
  },
}

/**
 * POST /api/rebate-claim-lines/:id/decide — channel operations decide a line that needs review or resolve a dispute:
 * `{ "outcome": "accept" | "reject", "comment", "amount"? }` (accept without amount pays what the line's accrual pays).
 */
export const decideLine: Endpoint = {
  path: '/:id/decide',
  method: 'post',
  custom: apiDoc({
    summary: 'Decide a claim line',
    description:
      'Channel operations decide a line that needs review, or resolve a dispute: accept pays the amount named (default: what the line’s accrual pays for its units), reject keeps it rejected. The comment is the reason the partner reads.',
    access: 'Company admins and company users.',
    body: {
      schema: s.obj({
        outcome: s.oneOf(['accept', 'reject']),
        comment: s.str('The reason the partner reads.'),
        'amount?': s.money('What an accepted line pays; default what its accrual pays.'),
      }),
    },
    responses: {
      200: {
        description: 'The line as decided.',
        schema: s.obj({
          line: s.int(),
          status: s.oneOf(['approved', 'rejected']),
          amount: s.money(),
          dispute: s.nullable(s.oneOf(['open', 'resolved'])),
        }),
      },
      409: { description: 'The claim is not in review, the line has nothing to decide, or its accrual has nothing left to pay.' },
    },
  }),
  handler: async (req) => {
    const p = await prepare(req)
    if (p instanceof Response) return p
    const outcome = p.body.fields.outcome
    if (outcome !== 'accept' && outcome !== 'reject') return errorResponse(400, 'outcome: "accept" or "reject"')
    const amount = p.body.fields.amount
    return inTransaction(req, undefined, (client) =>
      decideClaimLine(client, p.id, p.actor, {
        outcome,
        comment: String(p.body.fields.comment ?? ''),
        amount: amount === undefined || amount === null || amount === '' ? null : String(amount),
      }),
    )
  },
}
