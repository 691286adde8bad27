import type { TaskConfig } from 'payload'

import { pushCreditMemo } from '../../../modules/rebates/memos'

/**
 * Pushes one credit memo to the ERP (input `{"memo": id}`). The ERP client retries a few times at once and trips
 * its circuit breaker when the ERP keeps failing; the job then fails and is retried later with backoff. The memo's
 * number is its external id in the ERP, so however many attempts it takes, the ERP holds one memo.
 */
export const pushCreditMemoTask: TaskConfig<{ input: { memo: number }; output: { status: string } }> = {
  slug: 'pushCreditMemo',
  label: 'Push a credit memo to the ERP',
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 5_000 } },
  inputSchema: [{ name: 'memo', type: 'number', required: true }],
  outputSchema: [{ name: 'status', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const result = await pushCreditMemo(req.payload, input.memo)
    return { output: { status: result.status } }
  },
}
