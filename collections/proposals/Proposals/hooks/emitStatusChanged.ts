import type { CollectionAfterChangeHook } from 'payload'

import { emitEvent } from '../../../../modules/api'
import { relationId } from '../../../../hooks/core/relationId'
import type { Proposal } from '../../../../payload-types'

/** A proposal that moved to another status emits `proposal.status_changed` in the same transaction. */
export const emitStatusChanged: CollectionAfterChangeHook<Proposal> = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || !previousDoc || previousDoc.status === doc.status) return doc
  await emitEvent(req, 'proposal.status_changed', `proposals/${doc.id}`, {
    proposalId: doc.id,
    status: doc.status ?? null,
    previousStatus: previousDoc.status ?? null,
    prospectId: relationId(doc.prospect),
  })
  return doc
}
