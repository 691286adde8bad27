import type { TaskConfig } from 'payload'

import { runReconciliation } from '../../../modules/reconcile/runReconciliation'
import { jobProgress } from '../../progress'

/** Runs one reconciliation. Safe to retry: a run replaces its own lines in one transaction. */
export const reconcileTask: TaskConfig<{ input: { runId: number }; output: { lines: number; commissionable: number } }> = {
  slug: 'reconcile',
  label: 'Reconcile carrier records against dealer sales',
  retries: 1,
  inputSchema: [{ name: 'runId', type: 'number', required: true }],
  outputSchema: [
    { name: 'lines', type: 'number', required: true },
    { name: 'commissionable', type: 'number', required: true },
  ],
  handler: async ({ input, job, req }) => {
    const summary = await runReconciliation(req.payload, input.runId, jobProgress(req.payload, job.id))
    return {
      output: { lines: summary.salesRead + summary.classes.not_reported.carrierRecords, commissionable: summary.commissionableSales },
    }
  },
}
