import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { templateProblems } from '../../../../engine/billpay/templates'

/** Refuses a template the reader could not use (a bad pattern, a row pattern without its named groups), naming the part. */
export const checkTemplate: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const definition = data.definition ?? originalDoc?.definition
  const problems = templateProblems(definition)
  if (problems.length)
    throw new ValidationError({
      collection: 'invoice-templates',
      errors: problems.map((p) => ({ path: 'definition', message: `${p.field}: ${p.message}` })),
    })
  return data
}
