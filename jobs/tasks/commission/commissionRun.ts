import type { TaskConfig } from 'payload'

import { runCommission } from '../../../modules/commission/runCommission'
import { scheduledRun } from '../../../modules/commission/scheduledRun'
import { jobProgress } from '../../progress'

/**
 * Runs one commission run. Input `runId` (a run created in the admin or over REST), or `plan` (from a schedule: the
 * plan's run for the last monthly period that has ended, created here unless it exists). Safe to retry: a run
 * replaces its own lines in one transaction.
 */
export const commissionRunTask: TaskConfig<{ input: { runId?: number; plan?: number }; output: { lines: number; total: string } }> = {
  slug: 'commissionRun',
  label: 'Run commissions for a period',
  retries: 0,
  inputSchema: [
    { name: 'runId', type: 'number' },
    { name: 'plan', type: 'number' },
  ],
  outputSchema: [
    { name: 'lines', type: 'number', required: true },
    { name: 'total', type: 'text', required: true },
  ],
  handler: async ({ input, job, req }) => {
    const runId = input.runId ?? (input.plan ? await scheduledRun(req.payload, input.plan, job.id as number, new Date()) : null)
    if (!runId) throw new Error('commissionRun needs a runId or a plan')
    if (runId === 'already-run') return { output: { lines: 0, total: '0' } }
    const summary = await runCommission(req.payload, runId, jobProgress(req.payload, job.id))
    return { output: { lines: summary.lineCount, total: summary.total } }
  },
}
