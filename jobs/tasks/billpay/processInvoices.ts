import type { TaskConfig } from 'payload'

import { dbPool } from '../../../db/pool'
import { alertOnParseFailures } from '../../../modules/billpay/alerts'
import { processPendingInvoices } from '../../../modules/billpay/process'

/**
 * Reads every invoice waiting to be read (queued after each arrival; one job takes them all, a second finds none
 * left), then alerts staff about carriers whose invoices keep failing to read.
 */
export const processInvoicesTask: TaskConfig<{ input: Record<string, never>; output: { processed: number; report: string } }> = {
  slug: 'processInvoices',
  label: 'Bill payment: read and check the invoices that arrived',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
  inputSchema: [],
  outputSchema: [
    { name: 'processed', type: 'number', required: true },
    { name: 'report', type: 'text', required: true },
  ],
  handler: async ({ req }) => {
    const outcomes = await processPendingInvoices(dbPool(req.payload), new Date().toISOString().slice(0, 10))
    const alerted = await alertOnParseFailures(
      req.payload,
      outcomes.map((o) => o.invoice),
    )
    const counts = new Map<string, number>()
    for (const outcome of outcomes) counts.set(outcome.status, (counts.get(outcome.status) ?? 0) + 1)
    const report = [...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'nothing waiting'
    return { output: { processed: outcomes.length, report: alerted.length ? `${report}; alerted: ${alerted.join(', ')}` : report } }
  },
}
