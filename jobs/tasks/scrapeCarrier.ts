import type { TaskConfig } from 'payload'

import { scrapeRun } from '../../scrape/scrapeRun'

const ATTEMPTS = 3

/**
 * Scrapes one carrier portal. Input `runId` (from "Run now"), or `connector` (from a schedule: the run is created
 * here with the connector's look-back period). Transient failures are retried with exponential backoff.
 */
export const scrapeCarrierTask: TaskConfig<{ input: { runId?: number; connector?: number }; output: { status: string; rowsFetched: number; accepted: number; rejected: number } }> = {
  slug: 'scrapeCarrier',
  label: 'Scrape a carrier portal',
  retries: { attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 2_000 } },
  inputSchema: [
    { name: 'runId', type: 'number' },
    { name: 'connector', type: 'number' },
  ],
  outputSchema: [
    { name: 'status', type: 'text', required: true },
    { name: 'rowsFetched', type: 'number', required: true },
    { name: 'accepted', type: 'number', required: true },
    { name: 'rejected', type: 'number', required: true },
  ],
  handler: async ({ input, job, req }) => {
    let runId = input.runId
    if (!runId) {
      if (!input.connector) throw new Error('scrapeCarrier needs a runId or a connector')
      // A scheduled run is created by its job once; a retry of that job finds it again.
      const existing = await req.payload.find({ collection: 'scrape-runs', where: { job: { equals: job.id } }, limit: 1, depth: 0 })
      const run =
        existing.docs[0] ??
        (await req.payload.create({ collection: 'scrape-runs', data: { connector: input.connector, trigger: 'schedule', job: job.id as number }, context: { skipQueue: true } }))
      runId = run.id as number
    }
    const attempt = (job.totalTried ?? 0) + 1
    const outcome = await scrapeRun(req.payload, runId, attempt, attempt >= ATTEMPTS + 1)
    return { output: outcome }
  },
}
