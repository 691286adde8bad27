import type { Endpoint, PayloadRequest } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { CLAIM_LINE_STATUSES, CLAIM_STATUSES } from '../../../../engine/rebates'
import { errorResponse } from '../../../../modules/core/http'
import { readClaimSheet } from '../../../../modules/rebates/claimSheet'
import { ClaimInputError, submitClaim, type ClaimLineInput, type ClaimSource } from '../../../../modules/rebates/claims'
import { actorOf, bodyOf, inTransaction, today } from '../../../../modules/rebates/http'
import { dbPool } from '../../../../db/pool'

const OPS = ['company_admin', 'company_user']

/** Whose claim it is: a partner login's own participant; channel operations name the partner (`partner`: its code). */
async function claimant(req: PayloadRequest, partnerCode: unknown): Promise<{ partnerId: number; userId: number } | Response> {
  const actor = await actorOf(req)
  if (!actor) return errorResponse(401, 'log in to submit a claim')
  if (actor.roles.some((role) => OPS.includes(role))) {
    if (typeof partnerCode !== 'string' || !partnerCode.trim())
      return errorResponse(400, 'partner: name the partner the claim is for (its code)')
    const found = await dbPool(req.payload).query<{ id: number }>(
      `select id from participants where upper(code) = upper($1) and kind <> 'operating_company'`,
      [partnerCode.trim()],
    )
    if (!found.rows[0]) return errorResponse(400, `partner: no partner "${partnerCode}"`)
    return { partnerId: found.rows[0].id, userId: actor.id }
  }
  if (actor.roles.some((role) => ['finance', 'auditor'].includes(role)))
    return errorResponse(403, 'finance and auditors do not submit claims')
  if (actor.participantId === null) return errorResponse(403, 'your login is not attached to a partner')
  if (partnerCode !== undefined && partnerCode !== null && partnerCode !== '') {
    const own = await dbPool(req.payload).query<{ code: string | null }>(`select code from participants where id = $1`, [
      actor.participantId,
    ])
    if (String(own.rows[0]?.code ?? '').toUpperCase() !== String(partnerCode).trim().toUpperCase())
      return errorResponse(403, 'a partner submits claims for itself only')
  }
  return { partnerId: actor.participantId, userId: actor.id }
}

const claimSchema = s.obj({
  id: s.int(),
  number: s.str(),
  status: s.oneOf(CLAIM_STATUSES),
  currency: s.nullable(s.str()),
  claimedTotal: s.money(),
  approvedTotal: s.money(),
  counts: s.obj({ approved: s.int(), rejected: s.int(), needs_review: s.int() }),
  lines: s.arr(
    s.obj({
      lineNumber: s.int(),
      reference: s.str('The invoice number and line, or the POS line id, as the partner named it.'),
      status: s.oneOf(CLAIM_LINE_STATUSES),
      reason: s.str(),
      amount: s.money(),
      quantity: s.int(),
    }),
  ),
})
const claimAccess =
  'A partner login for itself (partner may be left out); company admins and company users for a partner they name. Not finance or auditors.'

function submit(req: PayloadRequest, who: { partnerId: number; userId: number }, source: ClaimSource, lines: readonly ClaimLineInput[]) {
  return inTransaction(req, undefined, (client) => submitClaim(client, { ...who, source, lines, today: today() }))
}

/**
 * POST /api/rebate-claims/submit — `{ "lines": [{ "invoiceNumber", "invoiceLine", "program", "quantity"?, "claimedAmount"? }], "partner"? }`
 * (or `posLine`: the POS line's id instead of the invoice). A partner claims for itself; channel operations name
 * `partner`. Validated at once: 200 with the claim, its status, totals and each line's decision and reason.
 */
export const submitClaimEndpoint: Endpoint = {
  path: '/submit',
  method: 'post',
  custom: apiDoc({
    summary: 'Submit a rebate claim',
    description:
      'A partner claims rebates on its point-of-sale lines, per program. The claim is validated at once: each line is approved, rejected or left for review, with its reason and amount.',
    access: claimAccess,
    idempotent: true,
    body: {
      schema: s.obj({
        lines: s.arr(
          s.obj({
            'invoiceNumber?': s.str('With invoiceLine, names the point-of-sale line.'),
            'invoiceLine?': s.int(),
            'posLine?': s.int('The point-of-sale line’s id, instead of invoiceNumber and invoiceLine.'),
            program: s.str('The rebate program’s code.'),
            'quantity?': s.int('Units claimed; default the whole line.'),
            'claimedAmount?': s.money('The amount the partner expects.'),
          }),
        ),
        'partner?': s.str('The partner’s code (required for company admins and users).'),
        'source?': s.oneOf(['portal'], 'Where the claim was made; any other caller is recorded as rest.'),
      }),
    },
    responses: { 200: { description: 'The claim with its totals and each line’s decision.', schema: claimSchema } },
  }),
  handler: async (req) => {
    const { fields } = await bodyOf(req)
    const who = await claimant(req, fields.partner)
    if (who instanceof Response) return who
    const source = fields.source === 'portal' ? 'portal' : 'rest'
    if (!Array.isArray(fields.lines)) return errorResponse(400, 'send JSON { "lines": [ … ] } with the claim lines')
    return submit(req, who, source, fields.lines as ClaimLineInput[])
  },
}

/**
 * POST /api/rebate-claims/upload — the claim as a spreadsheet (multipart, field `file`, .xlsx or .csv; headers
 * Invoice Number, Invoice Line, Program, Quantity?, Claimed Amount?), `partner` as a form field for operations.
 */
export const uploadClaimEndpoint: Endpoint = {
  path: '/upload',
  method: 'post',
  custom: apiDoc({
    summary: 'Submit a rebate claim as a spreadsheet',
    description:
      'The claim as an .xlsx or .csv sheet with the headers Invoice Number, Invoice Line, Program, Quantity (optional) and Claimed Amount (optional); validated at once like a submitted claim.',
    access: claimAccess,
    idempotent: true,
    body: {
      contentType: 'multipart/form-data',
      schema: s.obj({
        file: { type: 'string', contentEncoding: 'binary', description: 'The claim sheet (.xlsx or .csv).' },
        'partner?': s.str('The partner’s code (required for company admins and users).'),
      }),
    },
    responses: {
      200: { description: 'The claim with its totals and each line’s decision.', schema: claimSchema },
      422: { description: 'The sheet cannot be read as a claim (wrong type, missing headers).' },
    },
  }),
  handler: async (req) => {
    const { fields, file } = await bodyOf(req)
    const who = await claimant(req, fields.partner)
    if (who instanceof Response) return who
    if (!file) return errorResponse(400, 'send the claim spreadsheet as multipart form data, field "file"')
    let lines: ClaimLineInput[]
    try {
      lines = await readClaimSheet(file.name, file.data)
    } catch (err) {
      if (err instanceof ClaimInputError) return errorResponse(422, err.message)
      throw err
    }
    return submit(req, who, 'spreadsheet', lines)
  },
}
