import type { Endpoint, PayloadRequest } from 'payload'

import { payoutOperators } from '../../../../access/core/payoutOperators'
import { BankFileError, bankCsv, nachaFile } from '../../../../engine/payments/bankFile'
import { bankFileInput } from '../../../../modules/payments/bankFileInput'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'
import { withTransaction } from '../../../../db/withTransaction'

const poolOf = (req: PayloadRequest) => dbPool(req.payload)

function bankFile(kind: 'csv' | 'nacha'): Endpoint {
  return {
    path: `/:id/${kind}`,
    method: 'get',
    handler: async (req) => {
      if (!payoutOperators({ req })) return errorResponse(req.user ? 403 : 401, 'only company admins and finance export bank files')
      const id = routeId(req)
      if (id === null) return badRouteId(req)
      const input = await bankFileInput(poolOf(req), id)
      if (!input) return errorResponse(409, `batch ${String(req.routeParams?.id)} has no payments to export yet (it must be ready or paid)`)
      try {
        const body = kind === 'csv' ? bankCsv(input) : nachaFile(input)
        const name = `payments-batch-${id}.${kind === 'csv' ? 'csv' : 'ach'}`
        return new Response(body, {
          headers: {
            'content-type': kind === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=us-ascii',
            'content-disposition': `attachment; filename="${name}"`,
          },
        })
      } catch (err) {
        if (err instanceof BankFileError) return errorResponse(422, err.message)
        throw err
      }
    },
  }
}

/** Bank-file exports and marking a batch paid (the bank confirmed it); marking twice is refused. */
export const batchActions: Endpoint[] = [
  bankFile('csv'),
  bankFile('nacha'),
  {
    path: '/:id/mark-paid',
    method: 'post',
    handler: async (req) => {
      if (!payoutOperators({ req })) return errorResponse(req.user ? 403 : 401, 'only company admins and finance mark batches paid')
      const id = routeId(req)
      if (id === null) return badRouteId(req)
      // The batch and its payments are marked paid together, or neither (a batch not ready changes nothing).
      return withTransaction(poolOf(req), {}, async (client) => {
        const claimed = await client.query(
          `update payment_batches set status = 'paid', paid_at = now(), paid_by_id = $2 where id = $1 and status = 'ready' returning id`,
          [id, req.user!.id],
        )
        if (claimed.rowCount === 0) {
          return errorResponse(
            409,
            `batch ${String(req.routeParams?.id)} is not ready to be marked paid (already paid, or its payment step has not run)`,
          )
        }
        const paid = await client.query(`update payments set status = 'paid', paid_at = now() where batch_id = $1 and status = 'pending'`, [
          id,
        ])
        return Response.json({ message: `batch ${id} paid: ${paid.rowCount ?? 0} payments` })
      })
    },
  },
]
