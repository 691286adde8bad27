import type { TaskConfig } from 'payload'

import { runCommission } from '../../commission/runCommission'

/** Runs one commission run. Safe to retry: a run replaces its own lines in one transaction. */
export const commissionRunTask: TaskConfig<{ input: { runId: number }; output: { lines: number; total: string } }> = {
  slug: 'commissionRun',
  label: 'Run commissions for a period',
  retries: 0,
  inputSchema: [{ name: 'runId', type: 'number', required: true }],
  outputSchema: [
    { name: 'lines', type: 'number', required: true },
    { name: 'total', type: 'text', required: true },
  ],
  handler: async ({ input, req }) => {
    const summary = await runCommission(req.payload, input.runId)
    return { output: { lines: summary.lineCount, total: summary.total } }
  },
}
