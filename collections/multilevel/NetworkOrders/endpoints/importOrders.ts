import type { Endpoint } from 'payload'

import { currentUser, hasRole } from '../../../../access/core/user'
import { apiDoc, s } from '../../../../engine/api'
import { ORDER_KINDS } from '../../../../engine/ingest'
import { errorResponse } from '../../../../modules/core/http'
import { importOrderLines, MAX_ORDER_LINES } from '../../../../modules/multilevel/orders'

/**
 * POST /api/network-orders/import — order and return lines from an integrator, as JSON `{ "lines": [ … ] }` (at most
 * 10,000; each line's fields named as the import's: orderNumber, line, kind, bookedOn, consultantCode, customer,
 * productCode, quantity, currency, unitPrice, discount, returnOfOrder, returnOfLine). Read and written exactly as an
 * imported file's rows; answers 200 with `{ read, accepted, rejected, inserted, updated, unchanged, rejects: [{ index,
 * field, reason }] }`. For company admins, company users and finance (the people who import data).
 */
export const importOrders: Endpoint = {
  path: '/import',
  method: 'post',
  custom: apiDoc({
    summary: 'Send network order and return lines',
    description:
      'Order and return lines from an integrator, checked, keyed and stored exactly as an imported file’s rows (one transaction under the import’s lock): a line already stored under its order number and line is updated, or left unchanged. Each rejected line is named by its 0-based index and field.',
    access: 'Company admins, company users and finance.',
    idempotent: true,
    body: {
      schema: s.obj({
        lines: s.arr(
          s.obj({
            orderNumber: s.str(),
            line: s.int('The line number within the order.'),
            'kind?': s.oneOf(ORDER_KINDS, 'Default order.'),
            bookedOn: s.day(),
            consultantCode: s.str('The consultant’s participant code.'),
            'customer?': s.str(),
            productCode: s.str('The product’s SKU; a new order needs an active product.'),
            quantity: s.int(),
            currency: s.str('ISO 4217 code with a price list for the product, e.g. USD.'),
            'unitPrice?': s.money('Default the product’s consultant price in the currency.'),
            'discount?': s.money('Per unit, default 0; at most the unit price.'),
            'returnOfOrder?': s.str('A return names the order it returns.'),
            'returnOfLine?': s.int(),
          }),
          'At most 10,000 lines per call.',
        ),
      }),
    },
    responses: {
      200: {
        description: 'What was read, accepted, written and rejected.',
        schema: s.obj({
          read: s.int(),
          accepted: s.int(),
          rejected: s.int(),
          inserted: s.int(),
          updated: s.int(),
          unchanged: s.int(),
          rejects: s.arr(s.obj({ index: s.int('The line’s 0-based index.'), field: s.nullable(s.str()), reason: s.str() })),
        }),
      },
    },
  }),
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in to send orders')
    if (!hasRole(currentUser(req), 'company_admin', 'company_user', 'finance'))
      return errorResponse(403, 'only company admins, company users and finance send network orders')
    const body: unknown = await req.json?.().catch(() => null)
    const lines = typeof body === 'object' && body !== null ? (body as { lines?: unknown }).lines : undefined
    if (!Array.isArray(lines)) return errorResponse(400, 'send JSON { "lines": [ … ] } with the order and return lines')
    if (lines.length === 0) return errorResponse(400, '"lines" is empty: send at least one line')
    if (lines.length > MAX_ORDER_LINES)
      return errorResponse(400, `"lines" has ${lines.length} lines; send at most ${MAX_ORDER_LINES.toLocaleString('en-US')} per call`)
    const result = await importOrderLines(req.payload, lines, new Date().toISOString().slice(0, 10))
    return Response.json(result)
  },
}
