import type { CollectionAfterChangeHook } from 'payload'

import { diffDocuments } from '../../engine/audit'
import { writeAuditEvent } from './writeAuditEvent'

/** Records every create and update, with before/after for each changed field. */
export const auditChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  const changes = diffDocuments(operation === 'create' ? null : previousDoc, doc)
  if (operation === 'update' && changes.length === 0) return doc
  await writeAuditEvent({ req, action: operation, collection: collection.slug, documentId: doc.id, changes })
  return doc
}
