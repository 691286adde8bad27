import type { Endpoint } from 'payload'

import { payoutOperators } from '../../../../access/core/payoutOperators'
import { apiDoc, s } from '../../../../engine/api'
import { PIPELINE_STEPS, type PipelineStep } from '../../../../engine/multilevel/pipeline'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { claimPipelineStep, recordStepJob } from '../../../../modules/multilevel/pipeline'

/**
 * `POST /api/pipeline-runs/:id/steps/:step`: queues one step of the run (202 with the job), or says why it may not run
 * now (409: a step it needs has not run, another step is running, the cycle is closed).
 */
export const runPipelineStep: Endpoint = {
  path: '/:id/steps/:step',
  method: 'post',
  custom: apiDoc({
    summary: 'Run one step of a network pipeline',
    description:
      'Queues one step of the pipeline run (integrate the network, calculate indicators, ranks, bonuses, …) as a job whose progress can be followed.',
    access: 'Company admins and finance.',
    idempotent: true,
    params: { step: { description: 'The step to run.', schema: s.oneOf(PIPELINE_STEPS) } },
    responses: {
      202: { description: 'The step is queued.', schema: s.obj({ message: s.str(), job: s.int('The queued job’s id.') }) },
      409: {
        description:
          'The step may not run now: a step it needs has not run, another step is running on this cycle, or the cycle’s bonus run is approved.',
      },
    },
  }),
  handler: async (req) => {
    if (!payoutOperators({ req })) return errorResponse(req.user ? 403 : 401, 'only company admins and finance run pipeline steps')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const step = String(req.routeParams?.step ?? '')
    if (!(PIPELINE_STEPS as readonly string[]).includes(step))
      return errorResponse(400, `"${step.slice(0, 60)}" is not a pipeline step (steps: ${PIPELINE_STEPS.join(', ')})`)
    const claimed = await claimPipelineStep(req.payload, id, step as PipelineStep, Number(req.user!.id))
    if ('refusal' in claimed) return errorResponse(claimed.status, claimed.refusal)
    const job = await req.payload.jobs.queue({ task: 'pipelineStep', input: { pipelineRunId: id, step, userId: Number(req.user!.id) } })
    await recordStepJob(req.payload, id, step as PipelineStep, Number(job.id))
    return Response.json({ message: `${claimed.label} queued`, job: job.id }, { status: 202 })
  },
}
