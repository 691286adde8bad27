import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { errorResponse } from '../../../../modules/core/http'
import { actorOf } from '../../../../modules/rebates/http'
import { importPosLineRecords, MAX_POS_LINES } from '../../../../modules/rebates/posLines'

/**
 * POST /api/pos-lines/import — sell-through lines as JSON `{ "lines": [ … ] }` (at most 10,000; fields as the
 * import's: partnerCode, invoiceNumber, invoiceLine, soldOn (YYYY-MM-DD), endCustomer, productCode, quantity,
 * currency, unitPrice, unitCost?, regionCode?, dealNumber?). Read, deduplicated (by partner, invoice and line) and
 * accrued exactly as a file's rows; 200 with `{ read, accepted, rejected, inserted, duplicates, accruals, rejects: [{ index,
 * field, reason }] }`. Company admins, company users and finance send any partner's lines; a partner admin sends its
 * own (partnerCode may be left out).
 */
export const importPosLines: Endpoint = {
  path: '/import',
  method: 'post',
  custom: apiDoc({
    summary: 'Send point-of-sale lines',
    description:
      'Sell-through lines as a partner reported them, read, de-duplicated (by partner, invoice and line) and accrued against the rebate programs exactly as an imported file’s rows. Each rejected line is named by its 0-based index and field.',
    access: 'Company admins, company users and finance for any partner; a partner admin for its own lines.',
    idempotent: true,
    body: {
      schema: s.obj({
        lines: s.arr(
          s.obj({
            'partnerCode?': s.str('The partner’s code; a partner admin may leave it out.'),
            invoiceNumber: s.str(),
            invoiceLine: s.int(),
            soldOn: s.day(),
            endCustomer: s.str(),
            productCode: s.str('The product’s SKU.'),
            quantity: s.int(),
            currency: s.str('ISO 4217 code, e.g. USD.'),
            unitPrice: s.money(),
            'unitCost?': s.money(),
            'regionCode?': s.str(),
            'dealNumber?': s.str('The registered deal the sale falls under.'),
          }),
          'At most 10,000 lines per call.',
        ),
      }),
    },
    responses: {
      200: {
        description: 'What was read, accepted, written and accrued, and the rejected lines.',
        schema: s.obj({
          read: s.int(),
          accepted: s.int(),
          rejected: s.int(),
          inserted: s.int(),
          duplicates: s.int('Lines already stored (same partner, invoice and line).'),
          accruals: s.int('Accruals written for the new lines.'),
          rejects: s.arr(s.obj({ index: s.int('The line’s 0-based index.'), field: s.nullable(s.str()), reason: s.str() })),
        }),
      },
    },
  }),
  handler: async (req) => {
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to send point-of-sale lines')
    const staff = actor.roles.some((role) => ['company_admin', 'company_user', 'finance'].includes(role))
    if (!staff && !actor.roles.includes('partner_admin'))
      return errorResponse(403, 'company admins, company users, finance and partner admins send point-of-sale lines')
    if (!staff && actor.participantId === null) return errorResponse(403, 'your login is not attached to a partner')
    const body: unknown = await req.json?.().catch(() => null)
    const lines = typeof body === 'object' && body !== null ? (body as { lines?: unknown }).lines : undefined
    if (!Array.isArray(lines)) return errorResponse(400, 'send JSON { "lines": [ … ] } with the point-of-sale lines')
    if (lines.length === 0) return errorResponse(400, '"lines" is empty: send at least one line')
    if (lines.length > MAX_POS_LINES)
      return errorResponse(400, `"lines" has ${lines.length} lines; send at most ${MAX_POS_LINES.toLocaleString('en-US')} per call`)
    const result = await importPosLineRecords(req.payload, lines, new Date().toISOString().slice(0, 10), staff ? null : actor.participantId)
    return Response.json(result)
  },
}
