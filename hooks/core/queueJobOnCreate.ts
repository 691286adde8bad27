import type { CollectionAfterChangeHook, CollectionSlug, TypedJobs } from 'payload'

/** The tasks a document can queue (not Payload's `inline`), and the names of a task's input. */
type TaskSlug = Exclude<keyof TypedJobs['tasks'], 'inline'>
type InputKey<T extends TaskSlug> = keyof NonNullable<TypedJobs['tasks'][T]['input']> & string

/** A document that is work to do: its id goes into the task's input, the queued job onto its `job` field. */
type WorkDocument = { id: number; job?: number | null }

/**
 * For documents that are work to do (an import, a reconciliation run, a scrape run): creating one queues its task
 * in the same transaction, with the document's id as `input[inputKey]`, and records the job on the document's `job`
 * field for the live progress panel. A caller that does the work itself passes `context.skipQueue`.
 */
export function queueJobOnCreate<T extends TaskSlug>(
  collection: CollectionSlug,
  task: T,
  inputKey: InputKey<T>,
): CollectionAfterChangeHook<WorkDocument> {
  return async ({ context, doc, operation, req }) => {
    if (operation !== 'create' || context?.skipQueue) return doc
    const input = { [inputKey]: doc.id } as TypedJobs['tasks'][T]['input']
    const job = await req.payload.jobs.queue<TaskSlug>({ task, input, req })
    await req.payload.update({ collection, id: doc.id, data: { job: job.id as number } as never, req, depth: 0 })
    return { ...doc, job: job.id }
  }
}
