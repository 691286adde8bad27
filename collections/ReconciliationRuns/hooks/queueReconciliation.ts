import type { CollectionAfterChangeHook } from 'payload'

/** Creating a run queues its job in the same transaction. */
export const queueReconciliation: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const job = await req.payload.jobs.queue({ task: 'reconcile', input: { runId: doc.id as number }, req })
  await req.payload.update({ collection: 'reconciliation-runs', id: doc.id, data: { job: job.id as number }, req, depth: 0 })
  return { ...doc, job: job.id }
}
