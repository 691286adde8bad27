import type { TaskConfig } from 'payload'

import { payBatch } from '../../../modules/payments/payBatch'

/** The payment step of a batch. Idempotent: running it again (or concurrently) pays no line twice. */
export const payBatchTask: TaskConfig<{ input: { batchId: number }; output: { payments: number; total: string } }> = {
  slug: 'payBatch',
  label: 'Pay a payment batch',
  retries: 2,
  inputSchema: [{ name: 'batchId', type: 'number', required: true }],
  outputSchema: [
    { name: 'payments', type: 'number', required: true },
    { name: 'total', type: 'text', required: true },
  ],
  handler: async ({ input, req }) => {
    const result = await payBatch(req.payload, input.batchId)
    return { output: { payments: result.payments, total: result.total } }
  },
}
