import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { apiDoc, s } from '../../../../engine/api'
import { collectInvoices } from '../../../../modules/billpay/collect'
import { ingestInvoiceFile } from '../../../../modules/billpay/ingest'
import { mayReview } from '../../../../modules/billpay/review'
import { bodyOf } from '../../../../modules/core/body'
import { errorResponse } from '../../../../modules/core/http'
import { answer, staffOf, today } from './http'

/** Queues the job that reads waiting invoices (one is enough however many files arrived). */
export async function queueProcessing(req: { payload: import('payload').Payload }): Promise<void> {
  await req.payload.jobs.queue({ task: 'processInvoices', input: {} })
}

/**
 * POST /api/carrier-invoices/upload — one invoice file: multipart `file` (the admin), or JSON `{ "fileName",
 * "contentBase64" }` (integrators). Optional `account` (id) when the file's account is known. Answers 201
 * `{ invoice, duplicate, status }`; the same file again answers 200 with the invoice it already made.
 */
export const uploadInvoice: Endpoint = {
  path: '/upload',
  method: 'post',
  custom: apiDoc({
    summary: 'Upload a carrier invoice file',
    description:
      'One invoice file (PDF, CSV or X12 EDI) to be read, checked and put in the review queue by the invoice job. Send JSON with the file as base64, or multipart/form-data with `file` (and `account`). The same file again is recognised by its content and answers the invoice it already made.',
    access: 'Company admins and finance.',
    idempotent: true,
    body: {
      schema: s.obj({
        fileName: s.str('The file’s name, e.g. "verizon-2026-03.pdf".'),
        contentBase64: s.str('The file’s bytes, base64-encoded.'),
        'account?': s.int('The carrier account, when known.'),
      }),
    },
    responses: {
      201: {
        description: 'The invoice made from the file (status pending_ingestion until the job reads it).',
        schema: s.obj({ invoice: s.int(), duplicate: s.bool(), status: s.str() }),
      },
      200: {
        description: 'The same file arrived before: the invoice it made.',
        schema: s.obj({ invoice: s.int(), duplicate: s.bool(), status: s.str() }),
      },
      409: { description: 'Another live invoice of the account already has this invoice number.' },
      413: { description: 'The file is too large.' },
    },
  }),
  handler: async (req) => {
    const staff = staffOf(req)
    if (staff instanceof Response) return staff
    if (!mayReview(staff)) return errorResponse(403, 'uploading invoices is for company admins and finance')
    const body = await bodyOf(req)
    let data: Buffer | null = body.file?.data ?? null
    let fileName = body.file?.name ?? ''
    if (!data) {
      if (typeof body.fields.contentBase64 !== 'string' || typeof body.fields.fileName !== 'string')
        return errorResponse(400, 'send the invoice as multipart "file", or JSON { "fileName", "contentBase64" }')
      data = Buffer.from(body.fields.contentBase64, 'base64')
      fileName = body.fields.fileName
    }
    const accountField = body.fields.account
    const account = accountField === undefined || accountField === null || accountField === '' ? null : Number(accountField)
    if (account !== null && !(Number.isInteger(account) && account > 0)) return errorResponse(400, 'account: a carrier account id')
    return answer(async () => {
      const outcome = await ingestInvoiceFile(dbPool(req.payload), {
        data,
        fileName,
        source: body.file ? 'upload' : 'rest',
        accountId: account,
        actor: staff.id,
      })
      if (!outcome.duplicate) await queueProcessing(req)
      return Response.json(
        { invoice: outcome.invoice, duplicate: outcome.duplicate, status: outcome.status },
        { status: outcome.duplicate ? 200 : 201 },
      )
    })
  },
}

/** POST /api/carrier-invoices/collect — collects now from the carrier portals and the drop folder; answers what arrived. */
export const collectNow: Endpoint = {
  path: '/collect',
  method: 'post',
  custom: apiDoc({
    summary: 'Collect carrier invoices now',
    description:
      'Collects invoices now from the carrier portals (each enabled account’s invoices connector) and the drop folder, and queues the job that reads them.',
    access: 'Company admins and finance.',
    idempotent: true,
    responses: {
      200: {
        description: 'What arrived, per portal connector and from the drop folder.',
        schema: s.obj({
          portal: s.arr(
            s.obj({
              connector: s.int(),
              name: s.str(),
              files: s.arr(s.obj({ file: s.str(), 'invoice?': s.int(), 'duplicate?': s.bool(), 'error?': s.str() })),
              'error?': s.str(),
              'transient?': s.bool('The failure is worth retrying.'),
            }),
          ),
          dropFolder: s.arr(s.obj({ file: s.str(), 'invoice?': s.int(), 'duplicate?': s.bool(), 'error?': s.str() })),
        }),
      },
    },
  }),
  handler: async (req) => {
    const staff = staffOf(req)
    if (staff instanceof Response) return staff
    if (!mayReview(staff)) return errorResponse(403, 'collecting invoices is for company admins and finance')
    const summary = await collectInvoices(req.payload, today())
    await queueProcessing(req)
    return Response.json(summary)
  },
}
