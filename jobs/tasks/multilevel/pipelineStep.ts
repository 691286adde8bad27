import type { TaskConfig } from 'payload'

import type { PipelineStep } from '../../../engine/multilevel/pipeline'
import { executePipelineStep } from '../../../modules/multilevel/pipeline'
import { jobProgress } from '../../progress'

/**
 * Runs one claimed step of a pipeline run (`POST /api/pipeline-runs/:id/steps/:step` claims and queues it). Not
 * retried: a failed step has changed nothing and says why on the run; people run it again once it is fixed.
 */
export const pipelineStepTask: TaskConfig<{
  input: { pipelineRunId: number; step: string; userId: number }
  output: { detail: string }
}> = {
  slug: 'pipelineStep',
  label: 'Run a step of a network pipeline',
  retries: 0,
  inputSchema: [
    { name: 'pipelineRunId', type: 'number', required: true },
    { name: 'step', type: 'text', required: true },
    { name: 'userId', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'detail', type: 'text', required: true }],
  handler: async ({ input, job, req }) => {
    const outcome = await executePipelineStep(
      req.payload,
      input.pipelineRunId,
      input.step as PipelineStep,
      input.userId,
      jobProgress(req.payload, job.id),
    )
    return { output: { detail: outcome.detail } }
  },
}
