/** The limits of one payment run: from the request, else BILLPAY_MAX_INVOICES_PER_RUN / BILLPAY_MAX_TOTAL_PER_RUN, else 500 invoices and 1,000,000. */
import type { RunLimits } from '../../engine/billpay/breakers'
import { D } from '../../engine/core/decimal'

export function payRunLimits(fields: Record<string, unknown> = {}): RunLimits | string {
  const maxInvoices = fields.maxInvoices ?? process.env.BILLPAY_MAX_INVOICES_PER_RUN ?? 500
  const maxTotal = fields.maxTotal ?? process.env.BILLPAY_MAX_TOTAL_PER_RUN ?? '1000000'
  const count = Number(maxInvoices)
  if (!Number.isInteger(count) || count < 1) return 'maxInvoices: a whole number of at least 1'
  if (typeof maxTotal !== 'string' && typeof maxTotal !== 'number') return 'maxTotal: a decimal string'
  try {
    if (!new D(String(maxTotal)).gt(0)) return 'maxTotal: above zero'
  } catch {
    return 'maxTotal: a decimal string such as "250000.00"'
  }
  return { maxInvoices: count, maxTotal: String(maxTotal) }
}
