import type { TaskConfig } from 'payload'

import { runScheduledPipeline } from '../../../modules/multilevel/scheduledPipeline'
import { jobProgress } from '../../progress'

/**
 * Runs a pipeline type from a schedule (input `{"pipelineType": id}`): a daily type refreshes the open cycle, a
 * monthly one settles last month up to validation, which stays with people. A failed step has changed nothing and
 * says why on the pipeline run.
 */
export const runPipelineTask: TaskConfig<{ input: { pipelineType: number }; output: { steps: string } }> = {
  slug: 'runPipeline',
  label: 'Run a network pipeline for its cycle',
  retries: 0,
  inputSchema: [{ name: 'pipelineType', type: 'number', required: true }],
  outputSchema: [{ name: 'steps', type: 'text', required: true }],
  handler: async ({ input, job, req }) => {
    if (!input.pipelineType) throw new Error('runPipeline needs {"pipelineType": id}')
    const steps = await runScheduledPipeline(req.payload, input.pipelineType, new Date(), 0, jobProgress(req.payload, job.id))
    return { output: { steps: steps.join('\n') } }
  },
}
