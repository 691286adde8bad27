import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { pipelineProblems } from '../../../../engine/multilevel/pipeline'

/** Refuses steps that are unknown, repeated or out of order (or not a list of steps at all), naming the step's row. */
export const checkPipelineSteps: CollectionBeforeChangeHook = ({ data, originalDoc, collection }) => {
  const given: unknown = data.steps === undefined ? originalDoc?.steps : data.steps
  if (!Array.isArray(given))
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'steps', message: 'steps must be a list of steps, e.g. [{"step": "integrate_network"}]' }],
    })
  const steps = given.map((row: unknown) =>
    row && typeof row === 'object' && 'step' in row ? String((row as { step: unknown }).step ?? '') : '',
  )
  const problems = pipelineProblems(steps)
  if (problems.length > 0) throw new ValidationError({ collection: collection.slug, errors: problems })
  return data
}
