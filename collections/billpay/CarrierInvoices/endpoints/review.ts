import type { Endpoint, PayloadRequest } from 'payload'

import { dbPool } from '../../../../db/pool'
import { withTransaction } from '../../../../db/withTransaction'
import { contentTypeOf, readInvoiceFile } from '../../../../modules/billpay/files'
import { reprocessInvoice } from '../../../../modules/billpay/process'
import { invoiceQueue, invoiceReview } from '../../../../modules/billpay/queries'
import {
  approveInvoice,
  correctInvoice,
  mayReview,
  ReviewRefused,
  rejectInvoice,
  releaseHold,
  type Reviewer,
} from '../../../../modules/billpay/review'
import { bodyOf } from '../../../../modules/core/body'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { INVOICE_STATUSES } from '../../../../engine/billpay/states'
import { answer, staffOf, today } from './http'

async function reviewAnswer(req: PayloadRequest, id: number, staff: Reviewer): Promise<Response> {
  const review = await invoiceReview(dbPool(req.payload), id, staff)
  return review ? Response.json(review) : errorResponse(404, `invoice ${id} does not exist`)
}

/** GET /api/carrier-invoices/:id/review — the invoice with its lines, allocations, checks, events, payments and the actions allowed now. */
export const reviewInvoice: Endpoint = {
  path: '/:id/review',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const staff = staffOf(req)
    if (staff instanceof Response) return staff
    return reviewAnswer(req, id, staff)
  },
}

/** GET /api/carrier-invoices/:id/file — the original file as it arrived. */
export const invoiceFile: Endpoint = {
  path: '/:id/file',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const staff = staffOf(req)
    if (staff instanceof Response) return staff
    const row = (
      await dbPool(req.payload).query<{ sha: string; type: string; name: string }>(
        `select file_sha256 as sha, file_type::text as type, file_name as name from carrier_invoices where id = $1`,
        [id],
      )
    ).rows[0]
    if (!row) return errorResponse(404, `invoice ${id} does not exist`)
    const data = await readInvoiceFile(row.sha)
    return new Response(new Uint8Array(data), {
      headers: {
        'content-type': contentTypeOf(row.type),
        'content-disposition': `inline; filename="${row.name.replace(/[^\w.-]/g, '_')}"`,
        'cache-control': 'private, max-age=3600',
      },
    })
  },
}

type Action = (req: PayloadRequest, id: number, staff: Reviewer, fields: Record<string, unknown>) => Promise<unknown>

/** A review action: POST /api/carrier-invoices/:id/<name>, in one transaction; answers the review as it is afterwards. */
function action(name: string, run: Action): Endpoint {
  return {
    path: `/:id/${name}`,
    method: 'post',
    handler: async (req) => {
      const id = routeId(req)
      if (id === null) return badRouteId(req)
      const staff = staffOf(req)
      if (staff instanceof Response) return staff
      const { fields } = await bodyOf(req)
      const response = await answer(() => run(req, id, staff, fields))
      return response.ok ? reviewAnswer(req, id, staff) : response
    },
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const inTransaction = (req: PayloadRequest, id: number, work: (client: import('pg').PoolClient) => Promise<unknown>) =>
  withTransaction(dbPool(req.payload), { lock: `accrue.billpay.invoice.${id}` }, work)

/** POST /:id/correct `{ header?, lines?: [{ lineNo, ... }], note? }` — corrections by a reviewer, each audited; re-evaluated at once. */
export const correctEndpoint = action('correct', (req, id, staff, fields) =>
  inTransaction(req, id, (client) => correctInvoice(client, id, staff, fields, today())),
)
/** POST /:id/approve `{ note? }` — approves for payment (refused while a blocking check fails). */
export const approveEndpoint = action('approve', (req, id, staff, fields) =>
  inTransaction(req, id, (client) => approveInvoice(client, id, staff, text(fields.note).trim() || null, today())),
)
/** POST /:id/reject `{ reason }`. */
export const rejectEndpoint = action('reject', (req, id, staff, fields) =>
  inTransaction(req, id, (client) => rejectInvoice(client, id, staff, text(fields.reason))),
)
/** POST /:id/release `{ reason }` — releases a payment hold for this total. */
export const releaseEndpoint = action('release', (req, id, staff, fields) =>
  inTransaction(req, id, (client) => releaseHold(client, id, staff, text(fields.reason))),
)
/** POST /:id/reprocess — reads the file again with the current templates and accounts. */
export const reprocessEndpoint = action('reprocess', async (req, id, staff) => {
  if (!mayReview(staff)) throw new ReviewRefused('reading an invoice again is for company admins and finance', 403)
  return reprocessInvoice(dbPool(req.payload), id, staff.id, today())
})

/** GET /api/carrier-invoices/queue?status=a,b — invoices in those statuses (default: the ones waiting for a person). */
export const queueEndpoint: Endpoint = {
  path: '/queue',
  method: 'get',
  handler: async (req) => {
    const staff = staffOf(req)
    if (staff instanceof Response) return staff
    const asked = String(req.query?.status ?? 'approval_needed,on_hold,error')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const unknown = asked.filter((s) => !(INVOICE_STATUSES as readonly string[]).includes(s))
    if (unknown.length) return errorResponse(400, `status: ${unknown.join(', ')} is not a status (${INVOICE_STATUSES.join(', ')})`)
    return Response.json(await invoiceQueue(dbPool(req.payload), asked, today()))
  },
}
