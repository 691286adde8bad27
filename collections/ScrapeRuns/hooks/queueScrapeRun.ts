import type { CollectionAfterChangeHook } from 'payload'

/** Creating a run queues its job in the same transaction (unless a job is creating it: a scheduled run). */
export const queueScrapeRun: CollectionAfterChangeHook = async ({ context, doc, operation, req }) => {
  if (operation !== 'create' || context?.byJob) return doc
  const job = await req.payload.jobs.queue({ task: 'scrapeCarrier', input: { runId: doc.id as number }, req })
  await req.payload.update({ collection: 'scrape-runs', id: doc.id, data: { job: job.id as number }, req, depth: 0 })
  return { ...doc, job: job.id }
}
