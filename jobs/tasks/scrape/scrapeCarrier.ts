import type { TaskConfig } from 'payload'

import { scheduleScrapeRun } from '../../../modules/scrape/oneRunPerConnector'
import { scrapeRun } from '../../../modules/scrape/scrapeRun'
import { jobProgress } from '../../progress'

const ATTEMPTS = 3

/**
 * Scrapes one carrier portal. Input `runId` (from "Run now"), or `connector` (from a schedule: the run is created
 * here with the connector's look-back period, unless a run of the connector is already queued or running: then the job
 * ends as skipped). Transient failures are retried with exponential backoff.
 */
export const scrapeCarrierTask: TaskConfig<{
  input: { runId?: number; connector?: number }
  output: { status: string; rowsFetched: number; accepted: number; rejected: number }
}> = {
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
      // A scheduled run is created by its job once (a retry finds it again), and not at all while another run of
      // the connector is queued or running: one run per connector at a time.
      const scheduled = await scheduleScrapeRun(req.payload, input.connector, job.id as number)
      if (!scheduled.started)
        return {
          output: {
            status: `skipped: run ${scheduled.runId} of this connector is ${scheduled.status}`,
            rowsFetched: 0,
            accepted: 0,
            rejected: 0,
          },
        }
      runId = scheduled.runId
    }
    const attempt = (job.totalTried ?? 0) + 1
    const outcome = await scrapeRun(req.payload, runId, attempt, attempt >= ATTEMPTS + 1, jobProgress(req.payload, job.id))
    return { output: outcome }
  },
}
