import type { TaskConfig } from 'payload'

import { dbPool } from '../../../db/pool'
import { runPayments } from '../../../modules/billpay/pay'
import { payRunLimits } from '../../../modules/billpay/payRunLimits'
import { paymentProviderClient } from '../../../modules/billpay/provider'
import { paymentProviderConfig } from '../../../modules/billpay/providerConfig'

/**
 * The payment run (input optional: `{ "maxInvoices": 100, "maxTotal": "250000" }`): recovers payments whose outcome
 * is unknown, then pays the invoices pending payment behind the breakers. Exactly once however often it runs and on
 * however many workers (modules/billpay/pay.ts). Not retried by the queue: the next run picks up where it stopped.
 */
export const payInvoicesTask: TaskConfig<{
  input: { maxInvoices?: number; maxTotal?: string }
  output: { report: string }
}> = {
  slug: 'payInvoices',
  label: 'Bill payment: pay the invoices pending payment',
  retries: 0,
  inputSchema: [
    { name: 'maxInvoices', type: 'number' },
    { name: 'maxTotal', type: 'text' },
  ],
  outputSchema: [{ name: 'report', type: 'text', required: true }],
  handler: async ({ input, req, job }) => {
    const limits = payRunLimits({
      ...(input.maxInvoices ? { maxInvoices: input.maxInvoices } : {}),
      ...(input.maxTotal ? { maxTotal: input.maxTotal } : {}),
    })
    if (typeof limits === 'string') throw new Error(limits)
    const summary = await runPayments(dbPool(req.payload), {
      today: new Date().toISOString().slice(0, 10),
      worker: `job:${job?.id ?? 'inline'}:${process.pid}`,
      limits,
      provider: paymentProviderClient(paymentProviderConfig()),
    })
    const report = `${summary.paid.length} paid, ${summary.recovered.length} recovered, ${summary.held.length} held, ${summary.deferred.length} deferred, ${summary.failed.length} failed, ${summary.unknown.length} unknown${summary.bankFile ? `; bank file ${summary.bankFile}` : ''}`
    return { output: { report } }
  },
}
