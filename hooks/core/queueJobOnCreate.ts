import type { CollectionAfterChangeHook, CollectionSlug, TaskConfig } from 'payload'

/**
 * For documents that are work to do (an import, a reconciliation run, a scrape run): creating one queues its task
 * in the same transaction, with the document's id as `input[inputKey]`, and records the job on the document's `job`
 * field for the live progress panel. A caller that does the work itself passes `context.skipQueue`.
 */
export function queueJobOnCreate(collection: CollectionSlug, task: TaskConfig['slug'], inputKey: string): CollectionAfterChangeHook {
  return async ({ context, doc, operation, req }) => {
    if (operation !== 'create' || context?.skipQueue) return doc
    const job = (await req.payload.jobs.queue({ task: task as never, input: { [inputKey]: doc.id as number } as never, req })) as { id: number | string }
    await req.payload.update({ collection, id: doc.id, data: { job: job.id as number } as never, req, depth: 0 })
    return { ...doc, job: job.id }
  }
}
