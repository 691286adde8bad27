import type { CollectionBeforeChangeHook } from 'payload'

import { currentUser, participantIdOf } from '../../../../access/user'

/** A new prospect belongs to its creator's participant; status, owner and client code never change through edits. */
export const stampOwner: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req, context }) => {
  if (operation === 'create') {
    data.owner = data.owner ?? participantIdOf(currentUser(req))
    data.status = 'prospect'
    data.clientCode = null
  } else if (!context?.proposalFlow) {
    data.owner = originalDoc?.owner
    data.status = originalDoc?.status
    data.clientCode = originalDoc?.clientCode
  }
  return data
}
