import type { PayloadRequest } from 'payload'

import { errorResponse } from '../../../../modules/core/http'
import { InvoiceStateError } from '../../../../engine/billpay/states'
import { InvoiceNotFound } from '../../../../modules/billpay/events'
import { InvoiceFileRefused } from '../../../../modules/billpay/ingest'
import { InvoiceConflict } from '../../../../modules/billpay/process'
import { ReviewRefused, type Reviewer } from '../../../../modules/billpay/review'

const STAFF = ['company_admin', 'company_user', 'finance', 'auditor']

/** The logged-in staff member, or the refusal to answer (401 without a login, 403 for anyone else). */
export function staffOf(req: PayloadRequest): Reviewer | Response {
  const user = req.user as { id: number; roles?: string[] | null; collection?: string } | null
  if (!user || user.collection !== 'users') return errorResponse(401, 'log in to work on carrier invoices')
  const roles = user.roles ?? []
  if (!roles.some((role) => STAFF.includes(role))) return errorResponse(403, 'bill payment is for company staff, finance and auditors')
  return { id: user.id, roles }
}

export function today(): string {
  return new Date().toISOString().slice(0, 10)
}

/** Runs an action; a refusal or bad input is an answer with its status, anything else a 500. */
export async function answer(work: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await work()
    return result instanceof Response ? result : Response.json(result ?? { ok: true })
  } catch (err) {
    if (err instanceof ReviewRefused) return errorResponse(err.status, err.message)
    if (err instanceof InvoiceFileRefused) return errorResponse(err.status, err.message)
    if (err instanceof InvoiceStateError) return errorResponse(409, err.message)
    if (err instanceof InvoiceNotFound) return errorResponse(404, err.message)
    if (err instanceof InvoiceConflict) return errorResponse(409, err.message)
    if (
      (err as { code?: string }).code === '23505' &&
      String((err as { constraint?: string }).constraint).startsWith('carrier_invoices_account_number')
    )
      return errorResponse(
        409,
        'another live invoice of this account already has this invoice number; reject this one as its duplicate instead',
      )
    throw err
  }
}
