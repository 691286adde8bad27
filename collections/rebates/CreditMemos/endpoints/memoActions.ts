import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { apiDoc, s } from '../../../../engine/api'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { actorOf } from '../../../../modules/rebates/http'
import { memoDrilldownOf } from '../../../../modules/rebates/drilldown'
import { pushCreditMemo } from '../../../../modules/rebates/memos'

/**
 * POST /api/credit-memos/:id/push — push a pending memo to the ERP now (finance and company admins), instead of
 * waiting for its job's next attempt. Answers the memo's status; an ERP that is down answers 503 with the reason.
 */
export const pushMemoNow: Endpoint = {
  path: '/:id/push',
  method: 'post',
  custom: apiDoc({
    summary: 'Push a credit memo to the ERP now',
    description:
      'Pushes a pending credit memo to the ERP at once instead of waiting for its job’s next attempt. The memo number is the ERP’s external id, so a push never makes a second memo. A memo that is no longer pending is answered as it is.',
    access: 'Finance and company admins.',
    idempotent: true,
    responses: {
      200: {
        description: 'The memo’s status after the attempt.',
        schema: s.obj({
          status: s.str('issued, refused (the ERP refused its content), or the status it already had.'),
          erpNumber: s.nullable(s.str('The ERP’s number of the memo just issued.')),
        }),
      },
      503: { description: 'The ERP could not be reached; the job retries later.' },
    },
  }),
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to push credit memos')
    if (!actor.roles.some((role) => ['company_admin', 'finance'].includes(role)))
      return errorResponse(403, 'finance and company admins push credit memos')
    try {
      return Response.json(await pushCreditMemo(req.payload, id))
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      if (/^no credit memo/.test(message)) return errorResponse(404, message)
      return errorResponse(503, message)
    }
  },
}

/**
 * GET /api/credit-memos/:id/drilldown — the memo, its claim, the claim's lines with their decisions, and for each
 * line the point-of-sale invoice line it rests on (and the rest of that invoice's lines).
 */
export const memoDrilldown: Endpoint = {
  path: '/:id/drilldown',
  method: 'get',
  custom: apiDoc({
    summary: 'Drill down from a credit memo to the sales',
    description:
      'The memo with its claim and partner, the claim’s lines with their decisions, and for each line the point-of-sale invoice line it rests on, with the whole of each invoice.',
    access: 'Company staff, finance and auditors; a partner login for its own subtree’s memos.',
    responses: {
      200: {
        description: 'The memo, its lines and their invoices.',
        schema: s.obj({
          memo: s.obj({
            id: s.int(),
            number: s.str(),
            status: s.str(),
            amount: s.money(),
            currency: s.str(),
            memoDate: s.day(),
            claim: s.obj({ id: s.int(), number: s.str(), status: s.str(), approvedTotal: s.money() }),
            partner: s.obj({ id: s.int(), 'code?': s.nullable(s.str()), name: s.str() }),
          }),
          lines: s.arr(
            s.obj({
              id: s.int(),
              lineNumber: s.int(),
              reference: s.nullable(s.str()),
              quantity: s.int(),
              amount: s.money(),
              status: s.str(),
              posLine: s.anyJson('The point-of-sale line (invoice, line, day sold, SKU, quantity, unit price), or null.'),
            }),
          ),
          invoices: s.arr(s.obj({ invoiceNumber: s.str(), lines: s.arr(s.obj({ line: s.int(), quantity: s.int() })) })),
        }),
      },
    },
  }),
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to see credit memos')
    const staff = actor.roles.some((role) => ['company_admin', 'company_user', 'finance', 'auditor'].includes(role))
    const result = await memoDrilldownOf(dbPool(req.payload), id, staff ? null : actor.participantPath)
    return result ? Response.json(result) : errorResponse(404, `no credit memo ${id}`)
  },
}
