import type { CollectionBeforeChangeHook } from 'payload'

import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findOrNull } from '../../../../modules/core/findOrNull'
import type { StepState } from '../../../../engine/multilevel/pipeline'

/** A new pipeline run is titled from its type and cycle and starts with every step of the type pending. */
export const preparePipelineRun: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const typeId = relationId(data.pipelineType)
  const cycleId = relationId(data.cycle)
  const type = typeId === null ? null : await findOrNull(req.payload.findByID({ collection: 'pipeline-types', id: typeId, depth: 0, req }))
  if (!type) throw fieldError('pipeline-runs', 'pipelineType', 'choose the pipeline type to run')
  const cycle =
    cycleId === null ? null : await findOrNull(req.payload.findByID({ collection: 'commission-periods', id: cycleId, depth: 0, req }))
  if (!cycle) throw fieldError('pipeline-runs', 'cycle', 'choose the cycle (a commission period) to run')
  if (cycle.status === 'locked') throw fieldError('pipeline-runs', 'cycle', `cycle ${cycle.label} is closed`)
  const steps: StepState[] = (type.steps ?? []).map((row) => ({ step: row.step, status: 'pending' }))
  return { ...data, title: `${type.name} · ${cycle.label}`, status: 'open', steps }
}
