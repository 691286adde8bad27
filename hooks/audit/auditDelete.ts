import type { CollectionAfterDeleteHook } from 'payload'

import { diffDocuments } from '../../engine/audit'
import { notStoredFields } from './auditChange'
import { writeAuditEvent } from './writeAuditEvent'

/** Records every delete with the deleted document's last values. */
export const auditDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
  await writeAuditEvent({ req, action: 'delete', collection: collection.slug, documentId: id, changes: diffDocuments(doc, null, notStoredFields(collection)) })
}
