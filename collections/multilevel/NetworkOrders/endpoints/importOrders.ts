import type { Endpoint } from 'payload'

import { currentUser, hasRole } from '../../../../access/core/user'
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
