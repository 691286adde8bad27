import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { pipelineProblems } from '../../../../engine/multilevel/pipeline'

/** Refuses steps that are unknown, repeated or out of order, naming the step's row. */
export const checkPipelineSteps: CollectionBeforeChangeHook = ({ data, collection }) => {
  const steps = ((data.steps as { step?: string }[] | undefined) ?? []).map((row) => String(row.step ?? ''))
  const problems = pipelineProblems(steps)
  if (problems.length > 0) throw new ValidationError({ collection: collection.slug, errors: problems })
  return data
}
