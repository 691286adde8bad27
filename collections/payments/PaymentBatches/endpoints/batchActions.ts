import type { Endpoint, PayloadRequest } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { payoutOperators } from '../../../../access/core/payoutOperators'
import { BankFileError, bankCsv, nachaFile } from '../../../../engine/payments/bankFile'
import { bankFileInput } from '../../../../modules/payments/bankFileInput'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'
import { withTransaction } from '../../../../db/withTransaction'
import { emitEventSql } from '../../../../modules/api'

const poolOf = (req: PayloadRequest) => dbPool(req.payload)

function bankFile(kind: 'csv' | 'nacha'): Endpoint {
  return {
    path: `/:id/${kind}`,
    method: 'get',
    custom: apiDoc({
      summary: kind === 'csv' ? 'Download a payment batch as a bank CSV' : 'Download a payment batch as a NACHA (ACH) file',
      description:
        kind === 'csv'
          ? 'The batch’s payments as a CSV for the bank: one row per payment with the payee’s bank details, each amount with its currency’s minor units of decimals.'
          : 'The batch’s payments as a NACHA ACH file for the bank: one entry per payment with the payee’s bank details.',
      access: 'Company admins and finance.',
      responses: {
        200: {
          description: `The ${kind === 'csv' ? 'CSV' : 'NACHA'} file, as an attachment (payments-batch-<id>.${kind === 'csv' ? 'csv' : 'ach'}).`,
          contentType: kind === 'csv' ? 'text/csv' : 'text/plain',
        },
        409: { description: 'The batch has no payments to export yet: it must be ready or paid.' },
        422: {
          description:
            'The payments cannot be written in this format (missing or invalid bank details, amounts, currencies); the message lists every problem.',
        },
      },
    }),
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
    custom: apiDoc({
      summary: 'Mark a payment batch paid',
      description:
        'Records that the bank confirmed the batch: the batch and all its pending payments become paid together, with who marked it and when.',
      access: 'Company admins and finance.',
      idempotent: true,
      responses: {
        200: {
          description: 'The batch and its payments are paid.',
          schema: s.obj({ message: s.str('Names the batch and how many payments were marked paid.') }),
        },
        409: { description: 'The batch is not ready to be marked paid: already paid, or its payment step has not run.' },
      },
    }),
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
        await emitEventSql(client, 'payment_batch.paid', `payment-batches/${id}`, {
          batchId: id,
          status: 'paid',
          payments: paid.rowCount ?? 0,
        })
        return Response.json({ message: `batch ${id} paid: ${paid.rowCount ?? 0} payments` })
      })
    },
  },
]
