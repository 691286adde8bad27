import type { Endpoint, PayloadRequest } from 'payload'

import { dbPool } from '../../../../db/pool'
import { withTransaction } from '../../../../db/withTransaction'
import { apiDoc, s, type ApiDoc } from '../../../../engine/api'
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

const staffAccess = 'Company admins, company users, finance and auditors read; company admins and finance act.'
const reviewerAccess = 'Company admins and finance.'
const money = s.nullable(s.money())
const reviewSchema = s.obj({
  invoice: s.obj({
    id: s.int(),
    status: s.oneOf(INVOICE_STATUSES),
    statusLabel: s.str(),
    'statusReason?': s.nullable(s.str()),
    'accountId?': s.nullable(s.int()),
    'accountName?': s.nullable(s.str()),
    'accountNumber?': s.nullable(s.str()),
    'carrier?': s.nullable(s.str('The carrier’s code.')),
    'invoiceNumber?': s.nullable(s.str()),
    'statementDate?': s.nullable(s.day()),
    'dueDate?': s.nullable(s.day()),
    'currency?': s.nullable(s.str()),
    'previousBalance?': money,
    'payments?': money,
    'newCharges?': money,
    'taxes?': money,
    'totalDue?': money,
    'fileName?': s.nullable(s.str()),
    'fileType?': s.nullable(s.str()),
    'duplicateOf?': s.nullable(s.int('The invoice this one duplicates.')),
    'checks?': s.arr(s.anyJson(), 'The checks run on the invoice, with their outcome.'),
    'problems?': s.arr(s.anyJson(), 'What stopped the file being read.'),
  }),
  lines: s.arr(
    s.obj({
      id: s.int(),
      lineNo: s.int(),
      'serviceId?': s.nullable(s.str()),
      'description?': s.nullable(s.str()),
      'chargeType?': s.nullable(s.str()),
      amount: money,
      'glCode?': s.nullable(s.str()),
      'costCentre?': s.nullable(s.str()),
      'corrected?': s.bool(),
      allocations: s.arr(s.obj({ 'glCode?': s.nullable(s.str()), 'costCentre?': s.nullable(s.str()), amount: money })),
    }),
  ),
  taxAllocations: s.arr(s.obj({ amount: money }), 'The taxes’ allocations to GL codes and cost centres.'),
  events: s.arr(
    s.obj({
      id: s.int(),
      kind: s.str(),
      'fromStatus?': s.nullable(s.str()),
      'toStatus?': s.nullable(s.str()),
      'reason?': s.nullable(s.str()),
    }),
    'What happened to the invoice, oldest first.',
  ),
  payments: s.arr(s.obj({ id: s.int(), status: s.str(), amount: money, 'confirmation?': s.nullable(s.str()) })),
  actions: s.arr(s.oneOf(['correct', 'approve', 'reject', 'release', 'reprocess']), 'What the caller may do to the invoice now.'),
})

/** A review action's doc: it answers the invoice's review as it is afterwards. */
function actionDoc(doc: {
  summary: string
  description: string
  body?: ReturnType<typeof s.obj>
  refusals: Record<number, string>
}): ApiDoc {
  return apiDoc({
    summary: doc.summary,
    description: doc.description,
    access: reviewerAccess,
    ...(doc.body ? { body: { schema: doc.body } } : {}),
    responses: {
      200: { description: 'The invoice’s review after the action.', schema: reviewSchema },
      ...Object.fromEntries(Object.entries(doc.refusals).map(([status, description]) => [status, { description }])),
    },
  })
}

async function reviewAnswer(req: PayloadRequest, id: number, staff: Reviewer): Promise<Response> {
  const review = await invoiceReview(dbPool(req.payload), id, staff)
  return review ? Response.json(review) : errorResponse(404, `invoice ${id} does not exist`)
}

/** GET /api/carrier-invoices/:id/review — the invoice with its lines, allocations, checks, events, payments and the actions allowed now. */
export const reviewInvoice: Endpoint = {
  path: '/:id/review',
  method: 'get',
  custom: apiDoc({
    summary: 'Review a carrier invoice',
    description:
      'The invoice with its lines and their GL allocations, the tax allocations, its checks, events and payments, and the actions the caller may take now.',
    access: staffAccess,
    responses: { 200: { description: 'The invoice’s review.', schema: reviewSchema } },
  }),
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
  custom: apiDoc({
    summary: 'Download a carrier invoice’s original file',
    description: 'The file exactly as it arrived (PDF, CSV, X12 EDI or other), for the reviewer to compare with what was read.',
    access: staffAccess,
    responses: {
      200: {
        description: 'The file, with the content type of its kind (application/pdf, text/csv, …).',
        contentType: 'application/octet-stream',
      },
    },
  }),
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
function action(name: string, run: Action, custom: ApiDoc): Endpoint {
  return {
    path: `/:id/${name}`,
    method: 'post',
    custom,
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
export const correctEndpoint = action(
  'correct',
  (req, id, staff, fields) => inTransaction(req, id, (client) => correctInvoice(client, id, staff, fields, today())),
  actionDoc({
    summary: 'Correct a carrier invoice',
    description:
      'A reviewer corrects what was read from the file: header fields, lines and added lines, each change audited; the invoice is checked again at once.',
    body: s.obj({
      'header?': s.obj(
        {
          'invoiceNumber?': s.str(),
          'accountNumber?': s.str(),
          'statementDate?': s.day(),
          'dueDate?': s.day(),
          'currency?': s.str(),
          'previousBalance?': s.money(),
          'payments?': s.money(),
          'newCharges?': s.money(),
          'taxes?': s.money(),
          'totalDue?': s.money(),
        },
        'Header fields to correct; amounts as decimal strings.',
      ),
      'lines?': s.arr(
        s.obj({
          lineNo: s.int(),
          'amount?': s.money(),
          'serviceId?': s.str(),
          'chargeType?': s.str(),
          'description?': s.str(),
          'glCode?': s.str(),
          'costCentre?': s.str(),
        }),
        'Lines to correct, by line number.',
      ),
      'addLines?': s.arr(
        s.obj({
          description: s.str(),
          amount: s.money(),
          'serviceId?': s.str(),
          'chargeType?': s.str(),
          'glCode?': s.str(),
          'costCentre?': s.str(),
        }),
        'Lines the file missed.',
      ),
      'note?': s.str('Why (kept on the audit event).'),
    }),
    refusals: { 409: 'Only an invoice that needs approval can be corrected.' },
  }),
)
/** POST /:id/approve `{ note? }` — approves for payment (refused while a blocking check fails). */
export const approveEndpoint = action(
  'approve',
  (req, id, staff, fields) =>
    inTransaction(req, id, (client) => approveInvoice(client, id, staff, text(fields.note).trim() || null, today())),
  actionDoc({
    summary: 'Approve a carrier invoice for payment',
    description: 'Approves an invoice that needs approval; it is paid by the next payment run.',
    body: s.obj({ 'note?': s.str() }),
    refusals: {
      409: 'The invoice does not need approval, duplicates another invoice, or a blocking check still fails.',
    },
  }),
)
/** POST /:id/reject `{ reason }`. */
export const rejectEndpoint = action(
  'reject',
  (req, id, staff, fields) => inTransaction(req, id, (client) => rejectInvoice(client, id, staff, text(fields.reason))),
  actionDoc({
    summary: 'Reject a carrier invoice',
    description: 'Rejects an invoice that needs approval or is held (a duplicate, a wrong bill); it is never paid.',
    body: s.obj({ reason: s.str('Why the invoice is rejected.') }),
    refusals: { 409: 'Only an invoice that needs approval or is held can be rejected.' },
  }),
)
/** POST /:id/release `{ reason }` — releases a payment hold for this total. */
export const releaseEndpoint = action(
  'release',
  (req, id, staff, fields) => inTransaction(req, id, (client) => releaseHold(client, id, staff, text(fields.reason))),
  actionDoc({
    summary: 'Release a carrier invoice’s payment hold',
    description: 'Releases a payment breaker’s hold for this total, so the invoice is paid by the next payment run.',
    body: s.obj({ reason: s.str('Why the invoice may be paid despite the breaker.') }),
    refusals: { 409: 'Only a held invoice can be released.' },
  }),
)
/** POST /:id/reprocess — reads the file again with the current templates and accounts. */
export const reprocessEndpoint = action(
  'reprocess',
  async (req, id, staff) => {
    if (!mayReview(staff)) throw new ReviewRefused('reading an invoice again is for company admins and finance', 403)
    return reprocessInvoice(dbPool(req.payload), id, staff.id, today())
  },
  actionDoc({
    summary: 'Read a carrier invoice’s file again',
    description: 'Reads the invoice’s file again with the current templates and accounts, and checks it again.',
    refusals: {
      409: 'Another live invoice has the same account and number, or the invoice’s status does not allow reading it again.',
    },
  }),
)

/** GET /api/carrier-invoices/queue?status=a,b — invoices in those statuses (default: the ones waiting for a person). */
export const queueEndpoint: Endpoint = {
  path: '/queue',
  method: 'get',
  custom: apiDoc({
    summary: 'List carrier invoices waiting for a person',
    description: 'Invoices in the given statuses (default: approval needed, on hold and error), most urgent due date first, at most 500.',
    access: staffAccess,
    query: {
      status: {
        description: `Comma-separated statuses (${INVOICE_STATUSES.join(', ')}); default approval_needed,on_hold,error.`,
        schema: s.str(),
      },
    },
    responses: {
      200: {
        description: 'The invoices.',
        schema: s.obj({
          invoices: s.arr(
            s.obj({
              id: s.int(),
              'invoiceNumber?': s.nullable(s.str()),
              'accountName?': s.nullable(s.str()),
              'accountNumber?': s.nullable(s.str()),
              'carrier?': s.nullable(s.str()),
              'totalDue?': money,
              'currency?': s.nullable(s.str()),
              'dueDate?': s.nullable(s.day()),
              'statementDate?': s.nullable(s.day()),
              status: s.oneOf(INVOICE_STATUSES),
              'statusReason?': s.nullable(s.str()),
              ageDays: s.int('Days since the invoice arrived.'),
            }),
          ),
        }),
      },
    },
  }),
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
