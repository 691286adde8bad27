import type { CollectionBeforeDeleteHook } from 'payload'

import { diffDocuments } from '../../../engine/system/audit'
import { notStoredFields, storedDocument } from './auditChange'
import { writeAuditEvent } from './writeAuditEvent'

/**
 * Records every delete with the deleted document's last values as stored: every field, including those the deleter
 * may not read (an after-delete hook only gets the deleter's own view of the document). It runs before the row goes,
 * in the delete's transaction, so the event and the delete are committed together or not at all; register it last
 * among a collection's `beforeDelete` hooks, after the guards that may refuse the delete.
 */
export const auditDelete: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const stored = await storedDocument(req, collection.slug, id)
  if (stored === null) return
  await writeAuditEvent({
    req,
    action: 'delete',
    collection: collection.slug,
    documentId: id,
    changes: diffDocuments(stored, null, notStoredFields(collection)),
  })
}
