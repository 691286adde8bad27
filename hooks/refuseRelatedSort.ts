import type { CollectionBeforeOperationHook } from 'payload'

import { fieldError } from './fieldError'

/**
 * Refuses sorting by a related document's field (`sort=parent.email`): Payload sorts on the related row's real
 * value even when the reader may not see that row, so the order would leak it letter by letter.
 */
export const refuseRelatedSort: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  if (operation !== 'read') return args
  const sort = (args as { sort?: string | string[] }).sort
  const fields = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  const related = fields.find((field) => field.includes('.'))
  if (related) throw fieldError(collection.slug, 'sort', `sorting by a related field ("${related}") is not allowed; sort by this collection's own fields`)
  return args
}
