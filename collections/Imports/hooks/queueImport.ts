import type { CollectionAfterChangeHook } from 'payload'

/**
 * Queues the import's job in the same transaction as the upload, and records which job it is. A caller that runs
 * the import itself (a scrape run, inside its own job) says so with `context.importNow`.
 */
export const queueImport: CollectionAfterChangeHook = async ({ context, doc, operation, req }) => {
  if (operation !== 'create' || context?.importNow) return doc
  const job = await req.payload.jobs.queue({ task: 'runImport', input: { importId: doc.id as number }, req })
  await req.payload.update({ collection: 'imports', id: doc.id, data: { job: job.id as number }, req, depth: 0 })
  return { ...doc, job: job.id }
}
