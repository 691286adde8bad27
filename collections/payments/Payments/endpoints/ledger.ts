import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { payeeLedger } from '../../../../modules/payments/ledger'
import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'

/**
 * GET /api/payments/ledger/:participant — the payee ledger (accrued, paid, in payment, held, carried forward), for
 * anyone allowed to read that participant (row-level access of participants decides).
 */
export const ledgerEndpoint: Endpoint = {
  path: '/ledger/:participant',
  method: 'get',
  custom: apiDoc({
    summary: 'Read a payee’s ledger',
    description:
      'What a participant has earned and where it stands: accrued (lines of locked periods) = paid + in payment + held + carried forward, plus pending (lines of runs not locked yet, not part of the balance). Amounts are decimal strings with the currency’s minor units.',
    access: 'Whoever may read the participant: staff any participant, a partner those of its own subtree.',
    params: { participant: { description: 'The participant (payee) id.', schema: s.int() } },
    responses: {
      200: {
        description: 'The ledger.',
        schema: s.obj({
          participant: s.int(),
          currency: s.str(),
          accrued: s.money('Lines of locked periods: what has been earned for good.'),
          paid: s.money(),
          inPayment: s.money('In a bank file, not yet marked paid.'),
          held: s.money(),
          carriedForward: s.money('Unpaid and not held: negative balances and balances below the minimum wait for the next batch.'),
          pending: s.money('Lines of runs not locked yet (not part of the balance).'),
          balances: s.bool('True when accrued equals paid + in payment + held + carried forward.'),
        }),
      },
    },
  }),
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in first')
    const id = routeId(req, 'participant')
    if (id === null) return badRouteId(req, 'participant')
    const participant = await findOrNull(
      req.payload.findByID({ collection: 'participants', id, depth: 0, req, overrideAccess: false, user: req.user }),
    )
    if (!participant) return errorResponse(404, `participant ${String(req.routeParams?.participant)} not found`)
    return Response.json(await payeeLedger(dbPool(req.payload), id))
  },
}
