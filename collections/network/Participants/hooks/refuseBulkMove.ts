import type { CollectionBeforeOperationHook } from 'payload'

import { fieldError } from '../../../../hooks/core/fieldError'

/**
 * A move is one participant at a time: a bulk update (`PATCH /api/participants?where=…`) loads every document
 * before it changes any, so rebasing one subtree would use another's stale path.
 */
export const refuseBulkMove: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'update') return args
  // Payload's type for 'update' is the bulk update's arguments, but an update by id runs this hook as 'update' too, with its `id`.
  const { data, id } = args as { data?: { parent?: unknown; path?: unknown }; id?: unknown }
  if (id === undefined && data && ('parent' in data || 'path' in data)) {
    throw fieldError('participants', 'parent', 'participants are moved one at a time (PATCH /api/participants/:id), not in a bulk update')
  }
  return args
}
