import type { TaskConfig } from 'payload'

import { collectInvoices, throwIfTransient } from '../../../modules/billpay/collect'

/**
 * Collects carrier invoices from the portals (invoices connectors) and the drop folder, then queues their reading.
 * A portal failing transiently fails the job after the rest was collected, and the job is retried with backoff
 * (files already collected are recognised by their hash).
 */
export const collectInvoicesTask: TaskConfig<{ input: Record<string, never>; output: { report: string } }> = {
  slug: 'collectInvoices',
  label: 'Bill payment: collect invoices from carrier portals and the drop folder',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [],
  outputSchema: [{ name: 'report', type: 'text', required: true }],
  handler: async ({ req }) => {
    const summary = await collectInvoices(req.payload, new Date().toISOString().slice(0, 10))
    await req.payload.jobs.queue({ task: 'processInvoices', input: {} })
    throwIfTransient(summary)
    const portal = summary.portal.map(
      (p) =>
        `${p.name}: ${p.error ? `failed (${p.error})` : `${p.files.filter((f) => f.invoice && !f.duplicate).length} new of ${p.files.length}`}`,
    )
    const drop = `drop folder: ${summary.dropFolder.filter((f) => f.invoice && !f.duplicate).length} new of ${summary.dropFolder.length}`
    return { output: { report: [...portal, drop].join('; ') } }
  },
}
