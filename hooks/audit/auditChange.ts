import type { CollectionAfterChangeHook } from 'payload'

import { diffDocuments, type FieldChange } from '../../engine/audit'
import { secretChangesKey } from './noteSecretChanges'
import { writeAuditEvent } from './writeAuditEvent'

/** Records every create and update, with before/after for each changed field. */
export const auditChange: CollectionAfterChangeHook = async ({ collection, context, doc, operation, previousDoc, req }) => {
  const key = secretChangesKey(collection.slug)
  const secrets = (context[key] as FieldChange[] | undefined) ?? []
  delete context[key]
  const changes = [...diffDocuments(operation === 'create' ? null : previousDoc, doc), ...secrets]
  if (operation === 'update' && changes.length === 0) return doc
  await writeAuditEvent({ req, action: operation, collection: collection.slug, documentId: doc.id, changes })
  return doc
}
